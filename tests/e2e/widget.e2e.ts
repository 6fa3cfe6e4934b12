/**
 * The widget in a real browser, embedded on a page of another origin:
 * ask a seed question, read the cited answer, follow the citation.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ARTIFACTS, DESKTOP, launch, openHost, PHONE, shot, urls } from './browser.js';

const QUESTION = 'What will the meeting focus on?';
const SEED_TITLE = 'Colombian President optimistic about high-stakes White House meeting with Trump';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

async function session(options = DESKTOP): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
  const context = await browser.newContext(options);
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  return { context, page, errors };
}

/** WCAG contrast ratio of two `rgb()`/`rgba()` colours (opaque ones). */
function contrast(a: string, b: string): number {
  const lum = (c: string) => {
    const [r, g, bl] = c
      .match(/[\d.]+/g)!
      .slice(0, 3)
      .map((v) => {
        const x = Number(v) / 255;
        return x <= 0.03928 ? x / 12.92 : ((x + 0.055) / 1.055) ** 2.4;
      });
    return 0.2126 * r! + 0.7152 * g! + 0.0722 * bl!;
  };
  const [hi, lo] = [lum(a), lum(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
}

async function ask(page: Page, question: string) {
  const before = await page.locator('.msg.bot, .msg.error').count();
  await page.locator('#bb-input').fill(question);
  await page.locator('#bb-input').press('Enter');
  await expect.poll(() => page.locator('.msg.bot, .msg.error').count()).toBe(before + 1);
}

describe('widget on a host page of another origin', () => {
  it('opens, answers the seed question with cited footnotes, and the citation opens the brief page at the passage', async () => {
    const { context, page, errors } = await session();
    await openHost(page, { title: 'Ask our briefs', accent: '#0a66c2' });

    const launcher = page.locator('.launcher');
    await expect.poll(() => launcher.getAttribute('aria-label')).toBe('Open chat: Ask our briefs');
    await launcher.click();
    await expect.poll(() => page.locator('#bb-panel').isVisible()).toBe(true);
    // Latest-brief chips while the conversation is empty.
    await expect.poll(() => page.locator('.intro .chip').allTextContents()).toEqual([SEED_TITLE]);

    await ask(page, QUESTION);
    const bot = page.locator('.msg.bot').last();
    const answer = (await bot.locator('.answer').textContent()) ?? '';
    expect(answer).toContain('expected to focus on intensifying the fight against transnational organized crime');
    expect(await bot.locator('.answer .marker').first().textContent()).toBe('1');
    const first = bot.locator('ol.sources > li').first();
    expect(await first.locator('.source-title').textContent()).toContain(SEED_TITLE);
    expect(await first.locator('.snippet').textContent()).toContain('focus on intensifying the fight');
    const marked = await first.locator('mark').allTextContents();
    expect(marked.map((m) => m.toLowerCase())).toEqual(expect.arrayContaining(['meeting', 'focus']));
    await expect.poll(() => page.locator('[role=status]').textContent()).toMatch(/focus on intensifying the fight.*sources? listed below/);

    // Isolation: the host page's `button { background: hotpink !important }` and fonts do not reach in.
    const style = await launcher.evaluate((el) => {
      const s = getComputedStyle(el);
      return { bg: s.backgroundColor, border: s.borderStyle };
    });
    expect(style).toEqual({ bg: 'rgb(10, 102, 194)', border: 'none' });
    const panelFont = await page.locator('#bb-panel').evaluate((el) => getComputedStyle(el).fontSize);
    expect(panelFont).toBe('15px');
    expect(await page.locator('#host-button').evaluate((el) => getComputedStyle(el).backgroundColor)).toBe('rgb(255, 105, 180)');

    // Footnote marker moves focus to its source.
    await bot.locator('.answer .marker').first().click();
    await expect.poll(() => page.evaluate(() => document.getElementById('briefbot-widget')!.shadowRoot!.activeElement?.id)).toMatch(/^fn-\d+-1$/);

    await shot(page, `${ARTIFACTS}/widget-desktop.png`);

    // The citation link opens the server-rendered brief in a new tab, at the cited passage.
    const href = await first.locator('.source-title').getAttribute('href');
    expect(href).toMatch(new RegExp(`^${urls().worker}/briefs/[^?#]+\\?q=[^#]+#p6$`));
    expect(new URL(href!).searchParams.get('q')).toBe(QUESTION);
    const [brief] = await Promise.all([context.waitForEvent('page'), first.locator('.source-title').click()]);
    await brief.waitForLoadState();
    expect(brief.url()).toBe(href);
    expect(await brief.locator('h1').textContent()).toBe(SEED_TITLE);
    const target = brief.locator('#p6');
    expect(await target.evaluate((el) => el.matches(':target'))).toBe(true);
    expect(await target.evaluate((el) => getComputedStyle(el).backgroundColor)).not.toBe('rgba(0, 0, 0, 0)');
    expect(await target.textContent()).toContain('focus on intensifying the fight');
    // The words of the question are marked in the cited paragraph and elsewhere, stop words not.
    const briefMarks = (await brief.locator('.passage mark').allTextContents()).map((m) => m.toLowerCase());
    expect(new Set(briefMarks)).toEqual(new Set(['meeting', 'focus']));
    expect(await target.locator('mark').allTextContents()).toEqual(['meeting', 'focus']);
    expect(await brief.locator('.passage:not(#p6) mark').count()).toBeGreaterThan(0);
    // Readable marks, distinct from the cited passage's background.
    const look = await target
      .locator('mark')
      .first()
      .evaluate((el) => {
        const s = getComputedStyle(el);
        return { color: s.color, bg: s.backgroundColor, passage: getComputedStyle(el.parentElement!).backgroundColor };
      });
    expect(look.bg).not.toBe(look.passage);
    expect(contrast(look.color, look.bg)).toBeGreaterThanOrEqual(4.5);
    await expect
      .poll(() =>
        target.evaluate((el) => {
          const r = el.getBoundingClientRect();
          return r.top >= 0 && r.bottom <= innerHeight;
        }),
      )
      .toBe(true);
    await shot(brief, `${ARTIFACTS}/brief-page-desktop.png`);

    expect(errors).toEqual([]);
    await context.close();
  });

  it('keeps the conversation across a reload, and Clear forgets it', async () => {
    const { context, page } = await session();
    await openHost(page);
    await page.evaluate((q) => window.Briefbot!.ask(q), QUESTION);
    await expect.poll(() => page.locator('.msg.bot').count()).toBe(1);

    await page.reload();
    await page.waitForFunction(() => typeof window.Briefbot === 'object');
    await expect.poll(() => page.locator('#bb-panel').isVisible()).toBe(true);
    expect(await page.locator('.msg.user').allTextContents()).toEqual([`You: ${QUESTION}`]);
    expect(await page.locator('.msg.bot ol.sources > li').count()).toBeGreaterThan(0);
    // The server remembers it too: the widget sends back the id the first answer carried.
    await ask(page, 'source?');
    expect(await page.locator('.msg.bot .answer').last().textContent()).toContain(QUESTION);

    await page.locator('.clear').click();
    expect(await page.locator('.msg.user, .msg.bot').count()).toBe(0);
    await page.reload();
    await page.waitForFunction(() => typeof window.Briefbot === 'object');
    expect(await page.locator('.msg.user, .msg.bot').count()).toBe(0);
    // …and Clear starts a new conversation there as well.
    await page.evaluate(() => window.Briefbot!.ask('source?'));
    await expect.poll(() => page.locator('.msg.bot').count()).toBe(1);
    expect(await page.locator('.msg.bot .answer').last().textContent()).not.toContain(QUESTION);
    await context.close();
  });

  it('shows related briefs as chips when the briefs do not hold the answer', async () => {
    const { context, page } = await session();
    await openHost(page);
    await page.locator('.launcher').click();
    await ask(page, 'Who is the president of France?');
    const bot = page.locator('.msg.bot').last();
    expect(await bot.getAttribute('class')).toContain('not-found');
    expect(await bot.locator('.answer').textContent()).toMatch(/couldn't find that/);
    const chip = bot.locator('.chips a.chip');
    expect(await chip.textContent()).toContain(SEED_TITLE);
    expect(await chip.getAttribute('href')).toMatch(new RegExp(`^${urls().worker}/briefs/`));
    await context.close();
  });

  it('fits a 360-px phone: full-screen panel, answer readable, no horizontal scroll', async () => {
    const { context, page } = await session(PHONE);
    await openHost(page, { title: 'Ask our briefs' });
    await shot(page, `${ARTIFACTS}/widget-phone-closed.png`);
    await page.locator('.launcher').click();
    // After the opening animation, the panel covers the screen.
    await expect.poll(() => page.locator('#bb-panel').boundingBox()).toMatchObject({ x: 0, y: 0, width: 360, height: 740 });
    await ask(page, QUESTION);
    const overflow = await page.locator('.log').evaluate((el) => el.scrollWidth - el.clientWidth);
    expect(overflow).toBe(0);
    const input = await page.locator('#bb-input').boundingBox();
    expect(input!.y + input!.height).toBeLessThanOrEqual(740);
    await shot(page, `${ARTIFACTS}/widget-phone.png`);
    await context.close();
  });

  it('follows the dark colour scheme', async () => {
    const { context, page } = await session({ ...DESKTOP, colorScheme: 'dark' });
    await openHost(page, { position: 'left' });
    await page.locator('.launcher').click();
    await ask(page, QUESTION);
    const bg = await page.locator('#bb-panel').evaluate((el) => getComputedStyle(el).backgroundColor);
    expect(bg).toBe('rgb(22, 25, 29)');
    await expect.poll(async () => (await page.locator('#bb-panel').boundingBox())!.x).toBe(20);
    await shot(page, `${ARTIFACTS}/widget-desktop-dark.png`);
    // The brief page's question marks stay readable in the dark scheme.
    const href = await page.locator('.msg.bot ol.sources > li .source-title').first().getAttribute('href');
    const brief = await context.newPage();
    await brief.goto(href!);
    const mark = brief.locator('#p6 mark').first();
    expect(await mark.textContent()).toBe('meeting');
    const look = await mark.evaluate((el) => {
      const s = getComputedStyle(el);
      return { color: s.color, bg: s.backgroundColor, passage: getComputedStyle(el.parentElement!).backgroundColor };
    });
    expect(look.bg).not.toBe(look.passage);
    expect(contrast(look.color, look.bg)).toBeGreaterThanOrEqual(4.5);
    await shot(brief, `${ARTIFACTS}/brief-page-dark.png`);
    await context.close();
  });

  it('the demo page at / embeds the widget under a strict CSP and shows the snippet to copy', async () => {
    const { context, page, errors } = await session();
    await page.goto(`${urls().worker}/`);
    await page.waitForFunction(() => typeof window.Briefbot === 'object');
    expect((await page.locator('pre code').first().textContent())!.replace(/\s+/g, ' ')).toBe(
      `<script src="${urls().worker}/widget.js" data-title="Ask our briefs" data-accent="#0a66c2" async></script>`,
    );
    await page.locator('.launcher').click();
    const chips = page.locator('.intro .chip');
    expect(await chips.allTextContents()).toEqual(['What will the meeting focus on?', 'When is Petro meeting Trump?']);
    await chips.first().click();
    await expect.poll(() => page.locator('.msg.bot .answer').textContent()).toContain('focus on intensifying the fight');
    await shot(page, `${ARTIFACTS}/demo-page.png`);
    expect(errors).toEqual([]); // includes CSP violations
    await context.close();
  });
});
