/**
 * axe-core over every state of the widget, open on a host page of another
 * origin: empty, answered, not found, error, rate limited, latest news, phone,
 * dark, light and dark brand accents, Arabic. Fails on any violation of impact
 * moderate or above. Also the brief page and the demo page.
 */
import type { Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ARTIFACTS, axe, DESKTOP, launch, openHost, PHONE, shotPanel, urls } from './browser.js';

const QUESTION = 'What will the meeting focus on?';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

async function session(options: BrowserContextOptions = DESKTOP): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ ...options, reducedMotion: 'reduce' });
  return { context, page: await context.newPage() };
}

async function ask(page: Page, question: string) {
  const before = await page.locator('.msg.bot, .msg.error').count();
  await page.locator('#bb-input').fill(question);
  await page.locator('#bb-input').press('Enter');
  await expect.poll(() => page.locator('.msg.bot, .msg.error').count()).toBe(before + 1);
}

async function open(page: Page, options: Record<string, string> = {}) {
  await openHost(page, options);
  await page.locator('.launcher').click();
  await expect.poll(() => page.locator('#bb-panel').isVisible()).toBe(true);
}

const cors = () => ({ 'Access-Control-Allow-Origin': urls().host, 'Access-Control-Expose-Headers': 'Retry-After', 'Content-Type': 'application/json' });

describe('axe-core finds no violations (moderate and above)', () => {
  const cases: [string, BrowserContextOptions, Record<string, string>, (page: Page) => Promise<void>][] = [
    ['empty', DESKTOP, {}, (page) => expect.poll(() => page.locator('.intro .chip').count()).toBeGreaterThan(0)],
    ['answered', DESKTOP, {}, (page) => ask(page, QUESTION)],
    ['not found', DESKTOP, {}, (page) => ask(page, 'Who is the president of France?')],
    ['latest news', DESKTOP, {}, (page) => ask(page, 'latest news')],
    ['phone', PHONE, {}, (page) => ask(page, QUESTION)],
    ['short screen', { viewport: { width: 740, height: 360 } }, {}, (page) => ask(page, QUESTION)],
    ['dark', { ...DESKTOP, colorScheme: 'dark' }, {}, (page) => ask(page, QUESTION)],
    ['accent #ffcc00', DESKTOP, { accent: '#ffcc00' }, (page) => ask(page, QUESTION)],
    ['accent #00a651', DESKTOP, { accent: '#00a651' }, (page) => ask(page, QUESTION)],
    ['accent #ffcc00, dark', { ...DESKTOP, colorScheme: 'dark' }, { accent: '#ffcc00' }, (page) => ask(page, QUESTION)],
    ['black accent, dark', DESKTOP, { accent: '#000000', theme: 'dark' }, (page) => ask(page, QUESTION)],
    ['Arabic widget', DESKTOP, { lang: 'ar' }, (page) => ask(page, QUESTION)],
  ];
  for (const [name, options, data, act] of cases) {
    it(name, async () => {
      const { context, page } = await session(options);
      await open(page, data);
      await act(page);
      expect(await axe(page)).toEqual([]);
      await shotPanel(page, `${ARTIFACTS}/panel-${name.replace(/[^a-z0-9]+/gi, '-').toLowerCase()}.png`);
      await context.close();
    });
  }

  it('error and rate limited', async () => {
    const { context, page } = await session();
    let status = 500;
    await page.route(`${urls().worker}/api/ask**`, (route) =>
      route.fulfill({ status, headers: { ...cors(), 'Retry-After': '30' }, body: JSON.stringify({ error: { code: 'x', message: 'x' } }) }),
    );
    await open(page, { accent: '#ffcc00' });
    await ask(page, QUESTION);
    expect(await axe(page)).toEqual([]);
    status = 429;
    // Resending replaces the failed exchange.
    await page.locator('#bb-input').press('Enter');
    await expect.poll(() => page.locator('.msg.error p').textContent()).toMatch(/wait 30 seconds/);
    expect(await page.locator('.msg.error .retry').isDisabled()).toBe(true);
    expect(await axe(page)).toEqual([]);
    await context.close();
  });

  it('(the check itself sees into the widget: a grey-on-grey source title is reported)', async () => {
    const { context, page } = await session();
    await open(page);
    await ask(page, QUESTION);
    await page.evaluate(() => {
      const title = document.getElementById('briefbot-widget')!.shadowRoot!.querySelector<HTMLElement>('.source-title')!;
      title.style.color = '#cccccc';
    });
    const found = await axe(page);
    expect(found.map((v) => v.id)).toEqual(['color-contrast']);
    expect(found[0]!.nodes[0]).toContain('.source-title');
    await context.close();
  });

  it('the brief page and the demo page', async () => {
    const { context, page } = await session(PHONE);
    await page.goto(`${urls().worker}/`);
    await page.waitForFunction(() => typeof window.Briefbot === 'object');
    expect(await axe(page)).toEqual([]);
    const href = await page.locator('main .list a').first().getAttribute('href');
    await page.goto(`${urls().worker}${href}?q=${encodeURIComponent(QUESTION)}#p6`);
    expect(await axe(page)).toEqual([]);
    await context.close();
  });
});
