/**
 * When things go wrong: a failing API (500, 429, no network), a site not on
 * the CORS allowlist, and hostile text from the user, the API or a URL:
 * all must end in a friendly message or plain text, never in executed markup.
 */
import type { Browser, BrowserContext, Page, Route } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ARTIFACTS, DESKTOP, launch, openHost, shot, urls } from './browser.js';

const QUESTION = 'What will the meeting focus on?';
const XSS_IMG = '<img src=x onerror="window.__xss=1">';
const XSS_SCRIPT = '<script>window.__xss=2</script>';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

async function session(): Promise<{ context: BrowserContext; page: Page; dialogs: string[] }> {
  const context = await browser.newContext(DESKTOP);
  const page = await context.newPage();
  const dialogs: string[] = [];
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  return { context, page, dialogs };
}

const askRoute = () => `${urls().worker}/api/ask**`;
const cors = () => ({ 'Access-Control-Allow-Origin': urls().host, 'Access-Control-Expose-Headers': 'Retry-After', 'Content-Type': 'application/json' });

async function ask(page: Page, question: string) {
  await page.locator('.launcher').click();
  await page.locator('#bb-input').fill(question);
  await page.locator('#bb-input').press('Enter');
}

/** Nothing injected ran and no element came from data. */
async function expectInert(page: Page, dialogs: string[]) {
  expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
  expect(dialogs).toEqual([]);
  expect(await page.evaluate(() => document.getElementById('briefbot-widget')!.shadowRoot!.querySelectorAll('img, script, iframe').length)).toBe(0);
}

describe('failing API', () => {
  it('500: friendly message, the input keeps the text, and "Try again" gets the answer', async () => {
    const { context, page } = await session();
    let hold: (() => void) | undefined;
    await page.route(askRoute(), async (route: Route) => {
      await new Promise<void>((r) => (hold = r)); // keep the request open to see the typing indicator
      await route.fulfill({ status: 500, headers: cors(), body: JSON.stringify({ error: { code: 'internal_error', message: 'Something went wrong' } }) });
    });
    await openHost(page);
    await ask(page, QUESTION);
    await expect.poll(() => page.locator('.typing').isVisible()).toBe(true);
    await expect.poll(() => page.locator('[role=status]').textContent()).toBe('Searching the briefs…');
    await expect.poll(() => hold !== undefined).toBe(true);
    hold!();

    const error = page.locator('.msg.error');
    await expect.poll(() => error.count()).toBe(1);
    expect(await page.locator('.typing').count()).toBe(0);
    expect(await error.locator('p').textContent()).toBe('Something went wrong on our side. Please try again.');
    expect(await page.locator('#bb-input').inputValue()).toBe(QUESTION);
    await expect.poll(() => page.locator('[role=status]').textContent()).toMatch(/went wrong on our side/);
    await shot(page, `${ARTIFACTS}/widget-error.png`);

    await page.unroute(askRoute());
    await error.locator('.retry').click();
    await expect.poll(() => page.locator('.msg.bot').count()).toBe(1);
    expect(await page.locator('.msg.error').count()).toBe(0);
    expect(await page.locator('.msg.user').count()).toBe(1);
    expect(await page.locator('.msg.bot .answer').textContent()).toContain('focus on intensifying the fight');
    expect(await page.locator('#bb-input').inputValue()).toBe('');
    await context.close();
  });

  it('429: says how long to wait, and counts down before "Try again" works', async () => {
    const { context, page } = await session();
    await page.route(askRoute(), (route) =>
      route.fulfill({
        status: 429,
        headers: { ...cors(), 'Retry-After': '3' },
        body: JSON.stringify({ error: { code: 'rate_limited', message: 'Too many requests' } }),
      }),
    );
    await openHost(page);
    await ask(page, QUESTION);
    await expect.poll(() => page.locator('.msg.error p').textContent()).toBe('Too many questions. Please wait 3 seconds and try again.');
    const retry = page.locator('.msg.error .retry');
    expect(await retry.isDisabled()).toBe(true);
    expect(await retry.textContent()).toMatch(/^Try again in [1-3] s$/);
    expect(await page.locator('#bb-input').inputValue()).toBe(QUESTION);
    // Sending again meanwhile is held back, and the user is told why.
    await page.locator('#bb-input').press('Enter');
    await expect.poll(() => page.locator('.hint').textContent()).toMatch(/^Please wait [1-3] seconds\.$/);
    await page.unroute(askRoute());
    await expect.poll(() => retry.isDisabled(), { timeout: 5000 }).toBe(false);
    expect(await retry.textContent()).toBe('Try again');
    await retry.click();
    await expect.poll(() => page.locator('.msg.bot').count()).toBe(1);
    await context.close();
  });

  it('no network: says it cannot reach the service', async () => {
    const { context, page } = await session();
    await page.route(askRoute(), (route) => route.abort('internetdisconnected'));
    await openHost(page);
    await ask(page, QUESTION);
    await expect.poll(() => page.locator('.msg.error p').textContent()).toMatch(/Can't reach the service/);
    expect(await page.locator('#bb-input').inputValue()).toBe(QUESTION);
    await context.close();
  });

  it('a reload while an answer is pending asks again and ends in the answer', async () => {
    const { context, page } = await session();
    let calls = 0;
    let release: (() => void) | undefined;
    await page.route(askRoute(), async (route: Route) => {
      if (++calls > 1) return route.continue();
      await new Promise<void>((r) => (release = r)); // the first answer never arrives: the page reloads meanwhile
      await route.abort().catch(() => {});
    });
    await openHost(page);
    await ask(page, QUESTION);
    await expect.poll(() => page.locator('.typing').isVisible()).toBe(true);
    await page.reload();
    await page.waitForFunction(() => typeof window.Briefbot === 'object');
    await expect.poll(() => page.locator('.msg.bot').count()).toBe(1);
    expect(await page.locator('.msg.bot .answer').textContent()).toContain('focus on intensifying the fight');
    expect(await page.locator('.msg.user').allTextContents()).toEqual([`You: ${QUESTION}`]);
    expect(calls).toBe(2);
    release?.();
    await context.close();
  });

  it('a reload while an answer is pending ends in "Try again" when the second try fails too', async () => {
    const { context, page } = await session();
    let calls = 0;
    await page.route(askRoute(), async (route: Route) => {
      if (++calls > 1) return route.fulfill({ status: 503, headers: cors(), body: JSON.stringify({ error: { code: 'unavailable', message: 'down' } }) });
      await new Promise(() => {}); // never answered
    });
    await openHost(page);
    await ask(page, QUESTION);
    await expect.poll(() => page.locator('.typing').isVisible()).toBe(true);
    await page.reload();
    await page.waitForFunction(() => typeof window.Briefbot === 'object');
    await expect.poll(() => page.locator('.msg.error .retry').isVisible()).toBe(true);
    expect(await page.locator('.msg.user').count()).toBe(1);
    expect(await page.locator('.typing').count()).toBe(0);
    await page.unroute(askRoute());
    await page.locator('.msg.error .retry').click();
    await expect.poll(() => page.locator('.msg.bot').count()).toBe(1);
    await context.close();
  });

  it('Enter while an answer is pending queues the question, says so, and asks it next', async () => {
    const { context, page } = await session();
    let release: (() => void) | undefined;
    let calls = 0;
    await page.route(askRoute(), async (route: Route) => {
      if (++calls === 1) await new Promise<void>((r) => (release = r));
      await route.continue();
    });
    await openHost(page);
    await ask(page, QUESTION);
    await expect.poll(() => release !== undefined).toBe(true);
    await page.locator('#bb-input').fill('When is Petro meeting Trump?');
    await page.locator('#bb-input').press('Enter');
    await expect.poll(() => page.locator('.hint').textContent()).toBe("Still answering: I'll ask this next.");
    await expect.poll(() => page.locator('[role=status]').textContent()).toBe("Still answering: I'll ask this next.");
    expect(await page.locator('.msg.user').count()).toBe(2);
    release!();
    await expect.poll(() => page.locator('.msg.bot').count()).toBe(2);
    expect(calls).toBe(2);
    expect(await page.locator('.msg.bot .answer').last().textContent()).toMatch(/Feb\. 3/);
    await context.close();
  });

  it('a site that is not on the CORS allowlist cannot read answers', async () => {
    const { context, page } = await session();
    await openHost(page, {}, urls().blocked);
    await ask(page, QUESTION);
    await expect.poll(() => page.locator('.msg.error p').textContent()).toMatch(/Can't reach the service/);
    expect(await page.locator('.msg.bot').count()).toBe(0);
    await context.close();
  });
});

describe('hostile text stays text', () => {
  it('a question holding markup is shown literally and sent as a question', async () => {
    const { context, page, dialogs } = await session();
    await openHost(page);
    const question = `${XSS_IMG} ${XSS_SCRIPT} meeting`;
    await ask(page, question);
    await expect.poll(() => page.locator('.msg.bot, .msg.error').count()).toBe(1);
    expect(await page.locator('.msg.user').textContent()).toBe(`You: ${question}`);
    expect(await page.locator('.msg.bot').count()).toBe(1);
    // Persisted and restored as text too.
    await page.reload();
    await page.waitForFunction(() => typeof window.Briefbot === 'object');
    expect(await page.locator('.msg.user').textContent()).toBe(`You: ${question}`);
    await expectInert(page, dialogs);
    await context.close();
  });

  it('an answer, titles, snippets and related briefs holding markup are rendered as text', async () => {
    const { context, page, dialogs } = await session();
    const hostile = `${XSS_IMG}${XSS_SCRIPT}`;
    await page.route(askRoute(), (route) =>
      route.fulfill({
        status: 200,
        headers: cors(),
        body: JSON.stringify({
          answered: true,
          answer: `${hostile} [1]`,
          citations: [
            {
              briefId: hostile,
              title: hostile,
              byline: hostile,
              date: null,
              url: 'javascript:window.__xss=3',
              passageId: `${hostile}#p2`,
              snippet: hostile,
              highlights: [[0, 12]],
              score: 1,
            },
          ],
          related: [{ briefId: hostile, title: hostile, date: null }],
          query: { tookMs: 0 },
        }),
      }),
    );
    await openHost(page);
    await ask(page, 'anything');
    const bot = page.locator('.msg.bot');
    await expect.poll(() => bot.count()).toBe(1);
    expect(await bot.locator('.answer').textContent()).toBe(`${hostile} 1`);
    expect(await bot.locator('.source-title').textContent()).toBe(hostile);
    // The snippet is what the answer quotes: shown once, in the quotation.
    expect(await bot.locator('.snippet').count()).toBe(0);
    // A javascript: URL is not a publisher link: the citation falls back to the brief page.
    for (const link of await bot.locator('a').all()) {
      const href = (await link.getAttribute('href'))!;
      expect(href.startsWith(`${urls().worker}/briefs/`)).toBe(true);
      expect(href).not.toMatch(/[<>"]/);
    }
    await shot(page, `${ARTIFACTS}/widget-hostile.png`);
    await expectInert(page, dialogs);
    await context.close();
  });

  it('a brief page URL holding markup renders it as text', async () => {
    const { context, page, dialogs } = await session();
    const res = await page.goto(`${urls().worker}/briefs/${encodeURIComponent(`${XSS_IMG}${XSS_SCRIPT}`)}`);
    expect(res!.status()).toBe(404);
    expect(await page.locator('main').textContent()).toContain(`${XSS_IMG}${XSS_SCRIPT}`);
    expect(await page.locator('main img, main script').count()).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
    expect(dialogs).toEqual([]);
    await context.close();
  });
});
