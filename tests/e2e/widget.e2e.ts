/**
 * The widget in a real browser, embedded on a page of another origin:
 * ask a seed question, read the cited answer, follow the citation.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ARTIFACTS, DESKTOP, launch, openHost, PHONE, shot, shotPanel, urls } from './browser.js';

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
    // The seed is dated (2026-01-30): its chip shows how long ago it was published after its title.
    await expect.poll(() => page.locator('.intro .chip').allTextContents()).toEqual([expect.stringMatching(new RegExp(`^${SEED_TITLE}.+ago$`))]);

    await ask(page, QUESTION);
    const bot = page.locator('.msg.bot').last();
    const answer = (await bot.locator('.answer').textContent()) ?? '';
    expect(answer).toContain('expected to focus on intensifying the fight against transnational organized crime');
    expect(await bot.locator('.answer .marker').first().textContent()).toBe('1');
    // A quotation with its attribution: title · date · ¶n.
    expect(await bot.locator('figure.quote > blockquote.answer').count()).toBe(1);
    // Every answer says when: the brief's date is in the attribution.
    expect(await bot.locator('figcaption').textContent()).toBe(`${SEED_TITLE} · Jan 30, 2026 · ¶6`);
    // One card per brief: the seed brief, with a ¶ link per cited passage; the quoted text is not repeated.
    const cited = bot.locator('ul.sources[aria-label=Cited]');
    expect(await cited.locator('> li.card').count()).toBe(1);
    const first = cited.locator('> li.card').first();
    expect(await first.locator('.source-title').textContent()).toBe(SEED_TITLE);
    expect(await first.locator('.source-meta').textContent()).toBe('Jan 30, 2026 · TA | AP Brief');
    expect(await first.locator('.pn').allTextContents()).toEqual(['¶6']);
    expect(await first.locator('.snippet').count()).toBe(0);
    // Further passages are "More context", apart and styled apart, with their snippets and the question's words marked.
    const more = bot.locator('ul.sources.extra[aria-label="More context"]');
    expect(await more.locator('.pn').count()).toBeGreaterThan(0);
    expect(
      await more
        .locator('.card')
        .first()
        .evaluate((el) => getComputedStyle(el).borderStyle),
    ).toBe('dashed');
    const marked = await more.locator('mark').allTextContents();
    expect(marked.map((m) => m.toLowerCase())).toEqual(expect.arrayContaining(['meeting']));
    // Every link in the answer has its own accessible name.
    const names = await bot.locator('a').evaluateAll((links) => links.map((a) => a.getAttribute('aria-label') ?? a.textContent));
    expect(new Set(names).size).toBe(names.length);
    await expect.poll(() => page.locator('[role=status]').textContent()).toMatch(/focus on intensifying the fight.* Sources: \d+\.$/);

    // Isolation: the host page's `button { background: hotpink !important }` and fonts do not reach in.
    const style = await launcher.evaluate((el) => {
      const s = getComputedStyle(el);
      return { bg: s.backgroundColor, border: `${s.borderStyle} ${s.borderColor}` };
    });
    // (Its own 2-px border in the accent's UI colour, not the host's dashed lime.)
    expect(style).toEqual({ bg: 'rgb(10, 102, 194)', border: 'solid rgb(10, 102, 194)' });
    const panelFont = await page.locator('#bb-panel').evaluate((el) => getComputedStyle(el).fontSize);
    expect(panelFont).toBe('15px');
    expect(await page.locator('#host-button').evaluate((el) => getComputedStyle(el).backgroundColor)).toBe('rgb(255, 105, 180)');

    // Footnote marker moves focus to its source.
    await bot.locator('.answer .marker').first().click();
    await expect.poll(() => page.evaluate(() => document.getElementById('briefbot-widget')!.shadowRoot!.activeElement?.id)).toMatch(/^fn-\d+-1$/);

    await shot(page, `${ARTIFACTS}/widget-desktop.png`);
    await shotPanel(page, `${ARTIFACTS}/panel-answer.png`);

    // The ¶ link opens the server-rendered brief in this tab, at the cited passage, with the way back.
    const href = await first.locator('.pn').getAttribute('href');
    expect(href).toMatch(new RegExp(`^${urls().worker}/briefs/[^?#]+\\?q=[^#]+&from=[^#]+#p6$`));
    expect(new URL(href!).searchParams.get('q')).toBe(QUESTION);
    expect(new URL(href!).searchParams.get('from')).toBe(page.url());
    await Promise.all([page.waitForURL(href!), first.locator('.pn').click()]);
    const brief = page;
    expect(brief.url()).toBe(href);
    expect(await brief.locator('a.back').getAttribute('href')).toBe(new URL(href!).searchParams.get('from'));
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
    expect(await page.locator('.msg.bot ul.sources > li').count()).toBeGreaterThan(0);
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

  it('on a 360-px phone: a full-screen modal panel, Tab stays in it, the page behind is inert, Back closes it', async () => {
    const { context, page } = await session(PHONE);
    await page.goto(`${urls().worker}/briefs`);
    await openHost(page, { title: 'Ask our briefs' });
    const hostUrl = page.url();
    // The host page already has an inert element of its own: it must stay inert.
    await page.evaluate(() => document.body.append(Object.assign(document.createElement('div'), { id: 'own-inert', inert: true, textContent: 'x' })));
    await shot(page, `${ARTIFACTS}/widget-phone-closed.png`);
    await page.locator('.launcher').click();
    // After the opening animation, the panel covers the screen.
    await expect.poll(() => page.locator('#bb-panel').boundingBox()).toMatchObject({ x: 0, y: 0, width: 360, height: 740 });
    expect(await page.locator('#bb-panel').getAttribute('aria-modal')).toBe('true');
    const inert = () =>
      page.evaluate(() => Array.from(document.body.children, (el) => `${el.tagName.toLowerCase()}${el.id ? '#' + el.id : ''}:${el.hasAttribute('inert')}`));
    expect(await inert()).toEqual(['header:true', 'main:true', 'script:false', 'div#briefbot-widget:false', 'div#own-inert:true']);
    await ask(page, QUESTION);
    const overflow = await page.locator('.log').evaluate((el) => el.scrollWidth - el.clientWidth);
    expect(overflow).toBe(0);
    const input = await page.locator('#bb-input').boundingBox();
    expect(input!.y + input!.height).toBeLessThanOrEqual(740);
    await shot(page, `${ARTIFACTS}/widget-phone.png`);

    // Tab and Shift+Tab cycle inside the panel, never reaching the host page or <body>.
    const inPanel = () =>
      page.evaluate(() => {
        const host = document.activeElement;
        const el = host?.id === 'briefbot-widget' ? host.shadowRoot!.activeElement : null;
        return !!el && !!el.closest('#bb-panel');
      });
    await page.locator('#bb-input').focus();
    for (let i = 0; i < 25; i++) {
      await page.keyboard.press('Tab');
      expect(await inPanel(), `Tab ${i + 1}`).toBe(true);
    }
    for (let i = 0; i < 25; i++) {
      await page.keyboard.press('Shift+Tab');
      expect(await inPanel(), `Shift+Tab ${i + 1}`).toBe(true);
    }

    // Back closes the panel and stays on the article; the page behind is usable again, as it was.
    await page.goBack();
    await expect.poll(() => page.locator('#bb-panel').isVisible()).toBe(false);
    expect(page.url()).toBe(hostUrl);
    expect(await inert()).toEqual(['header:false', 'main:false', 'script:false', 'div#briefbot-widget:false', 'div#own-inert:true']);
    // Opened and closed with its button, it leaves no history entry behind: Back leaves the article.
    await page.locator('.launcher').click();
    await page.locator('.close').click();
    await expect.poll(() => page.evaluate(() => history.state?.briefbot ?? null)).toBe(null);
    await page.goBack();
    await expect.poll(() => page.url()).toBe(`${urls().worker}/briefs`);
    await context.close();
  });

  it('on a short screen (740×360) the panel is full screen too, with room for the conversation', async () => {
    const { context, page } = await session({ viewport: { width: 740, height: 360 } });
    await openHost(page);
    await page.locator('.launcher').click();
    await expect.poll(() => page.locator('#bb-panel').boundingBox()).toMatchObject({ x: 0, y: 0, width: 740, height: 360 });
    expect(await page.locator('#bb-panel').getAttribute('aria-modal')).toBe('true');
    expect((await page.locator('.log').boundingBox())!.height).toBeGreaterThan(180);
    await ask(page, QUESTION);
    await shot(page, `${ARTIFACTS}/widget-short.png`);
    await context.close();
  });

  it('keeps its own direction on a right-to-left host page, and is right to left itself in Arabic', async () => {
    const { context, page } = await session();
    const box = (sel: string) => page.locator(sel).first().boundingBox();
    await openHost(page, { 'host-dir': 'rtl', 'host-lang': 'he' });
    await page.locator('.launcher').click();
    await ask(page, QUESTION);
    expect(await page.locator('.root').getAttribute('dir')).toBe('ltr');
    expect(await page.locator('#bb-panel').evaluate((el) => getComputedStyle(el).direction)).toBe('ltr');
    expect((await box('.launcher'))!.x).toBeGreaterThan(1000);
    // The user's question sits at the right, the answer at the left, as in any left-to-right chat.
    const panel = (await box('#bb-panel'))!;
    const user = (await box('.msg.user'))!;
    expect(panel.x + panel.width - (user.x + user.width)).toBeLessThan(40);
    expect((await box('.msg.bot'))!.x - panel.x).toBeLessThan(40);
    await shot(page, `${ARTIFACTS}/widget-rtl-host.png`);

    // data-lang="ar": Arabic UI, mirrored, in the bottom-left corner.
    await openHost(page, { lang: 'ar' });
    await page.evaluate(() => (window.Briefbot!.clear(), window.Briefbot!.open()));
    await ask(page, QUESTION);
    expect(await page.locator('.root').getAttribute('dir')).toBe('rtl');
    expect(await page.locator('#bb-panel').evaluate((el) => getComputedStyle(el).direction)).toBe('rtl');
    expect(await page.locator('#bb-title').textContent()).toBe('اسأل الموجزات');
    expect((await box('.launcher'))!.x).toBeLessThan(100);
    const arPanel = (await box('#bb-panel'))!;
    const arUser = (await box('.msg.user'))!;
    expect(arUser.x - arPanel.x).toBeLessThan(40);
    // The English question and answer keep their own direction inside (dir=auto): "focus on?", not "?What"; ¶ numbers read "¶6".
    expect(await page.locator('.msg.user span[dir=auto]').evaluate((el) => getComputedStyle(el).direction)).toBe('ltr');
    expect(await page.locator('.answer').evaluate((el) => getComputedStyle(el).direction)).toBe('ltr');
    expect(await page.locator('.pn').first().textContent()).toMatch(/^¶\d+$/);
    await shot(page, `${ARTIFACTS}/widget-arabic.png`);
    await shotPanel(page, `${ARTIFACTS}/panel-arabic.png`);
    // Without data-lang, the host page's language decides.
    await openHost(page, { 'host-lang': 'es' });
    expect(await page.locator('#bb-title').textContent()).toBe('Pregunta a los resúmenes');
    await context.close();
  });

  it('links a brief with a URL to the publisher’s article with a text fragment for the quoted sentence', async () => {
    const { context, page } = await session();
    const quote = 'Talks will focus on crime, drugs & trade - mostly.';
    await page.route(`${urls().worker}/api/ask**`, (route) =>
      route.fulfill({
        status: 200,
        headers: { 'Access-Control-Allow-Origin': urls().host, 'Content-Type': 'application/json' },
        body: JSON.stringify({
          answered: true,
          answer: `${quote} [1]`,
          citations: [
            {
              briefId: 'b',
              title: 'T',
              byline: null,
              date: '2026-02-01',
              url: 'https://news.example/story',
              passageId: 'b#p2',
              snippet: quote,
              highlights: [],
              score: 1,
            },
          ],
        }),
      }),
    );
    await openHost(page);
    await page.locator('.launcher').click();
    await ask(page, 'anything');
    const pn = page.locator('.msg.bot .pn');
    expect(await pn.getAttribute('href')).toBe('https://news.example/story#:~:text=Talks%20will%20focus%20on,%26%20trade%20%2D%20mostly.');
    expect(await pn.getAttribute('target')).toBe('_blank');
    expect(await pn.getAttribute('aria-label')).toBe('¶2 · T (opens in a new tab)');
    await context.close();
  });

  it('animates and scrolls smoothly only without prefers-reduced-motion', async () => {
    const look = async (reducedMotion: 'reduce' | 'no-preference') => {
      const { context, page } = await session({ ...DESKTOP, reducedMotion });
      await openHost(page);
      await page.locator('.launcher').click();
      const out = {
        panel: await page.locator('#bb-panel').evaluate((el) => getComputedStyle(el).animationName),
        scroll: await page.locator('.log').evaluate((el) => getComputedStyle(el).scrollBehavior),
      };
      await context.close();
      return out;
    };
    expect(await look('no-preference')).toEqual({ panel: 'pop', scroll: 'smooth' });
    expect(await look('reduce')).toEqual({ panel: 'none', scroll: 'auto' });
  });

  it('data-offset moves the launcher and the panel away from the corner', async () => {
    const { context, page } = await session();
    await openHost(page, { offset: '32 120' });
    const launcher = (await page.locator('.launcher').boundingBox())!;
    expect(1280 - (launcher.x + launcher.width)).toBe(32);
    expect(800 - (launcher.y + launcher.height)).toBe(120);
    await page.locator('.launcher').click();
    await expect.poll(async () => 800 - (await page.locator('#bb-panel').boundingBox())!.y - (await page.locator('#bb-panel').boundingBox())!.height).toBe(192);
    await context.close();
  });

  it('a brief page fits a 360-px screen even with a 100-character URL, and #p1 keeps the headline in view', async () => {
    const { context, page } = await session(PHONE);
    await page.goto(`${urls().worker}/briefs`);
    const href = (await page.locator('main .list a').first().getAttribute('href'))!;
    await page.goto(`${urls().worker}${href}#p1`);
    expect(await page.locator('h1').evaluate((el) => el.getBoundingClientRect().top)).toBeGreaterThanOrEqual(0);
    expect(await page.locator('#p1').evaluate((el) => el.getBoundingClientRect().top < innerHeight)).toBe(true);
    // A 100-character URL as a source link and in a paragraph, as a brief with a long `url` has.
    const url = `https://www.example-newspaper.com/world/americas/${'colombia-petro-trump-meeting-'.repeat(3)}`.slice(0, 100);
    expect(url).toHaveLength(100);
    await page.evaluate((u) => {
      const source = Object.assign(document.createElement('p'), { className: 'source' });
      source.append('Source: ', Object.assign(document.createElement('a'), { href: u, textContent: u }));
      document.querySelector('article')!.append(source);
      document.querySelector('#p2')!.append(` ${u}`);
    }, url);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await shot(page, `${ARTIFACTS}/brief-page-phone.png`);
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
    await shotPanel(page, `${ARTIFACTS}/panel-dark.png`);
    // The brief page's question marks stay readable in the dark scheme.
    const href = await page.locator('.msg.bot .pn').first().getAttribute('href');
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
