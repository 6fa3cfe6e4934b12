/**
 * Keyboard only: Tab reaches the launcher, Enter opens with focus in the
 * input, Enter sends, Shift+Tab reaches the citations, Esc closes and
 * returns focus to the launcher. Answers are announced via aria-live.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { ARTIFACTS, DESKTOP, focusedInWidget, launch, openHost, shot } from './browser.js';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

it('works with the keyboard alone', async () => {
  const context = await browser.newContext(DESKTOP);
  const page = await context.newPage();
  await openHost(page);

  // Tab through the host page's own links and button to the launcher.
  let presses = 0;
  while ((await focusedInWidget(page)) !== '.launcher' && presses < 10) {
    await page.keyboard.press('Tab');
    presses++;
  }
  expect(await focusedInWidget(page)).toBe('.launcher');
  expect(presses).toBe(4); // News, Sport, the host button, then the launcher
  const ring = await page.locator('.launcher').evaluate((el) => getComputedStyle(el).outlineStyle);
  expect(ring).toBe('solid');

  await page.keyboard.press('Enter');
  expect(await page.locator('#bb-panel').isVisible()).toBe(true);
  expect(await page.locator('.launcher').getAttribute('aria-expanded')).toBe('true');
  expect(await focusedInWidget(page)).toBe('#bb-input');

  await page.keyboard.type('What will the meeting focus on?');
  await page.keyboard.press('Enter');
  await expect.poll(() => page.locator('.msg.bot').count()).toBe(1);
  // Announced through the polite live region.
  const live = page.locator('[role=status][aria-live=polite]');
  await expect.poll(() => live.textContent()).toMatch(/^Discussions are also expected to focus on intensifying the fight.*listed below\.$/);
  expect(await focusedInWidget(page)).toBe('#bb-input');

  // Shift+Tab from the input lands on the last source link in the conversation.
  await page.keyboard.press('Shift+Tab');
  expect(await focusedInWidget(page)).toBe('.source-title');
  await shot(page, `${ARTIFACTS}/widget-keyboard-focus.png`);
  const [brief] = await Promise.all([context.waitForEvent('page'), page.keyboard.press('Enter')]);
  await brief.waitForLoadState();
  expect(brief.url()).toMatch(/\/briefs\/[^#]+#p\d+$/);
  await brief.close();
  await page.bringToFront();

  // Esc closes and gives focus back to the launcher; Enter reopens with the conversation intact.
  await page.keyboard.press('Escape');
  expect(await page.locator('#bb-panel').isVisible()).toBe(false);
  expect(await focusedInWidget(page)).toBe('.launcher');
  expect(await page.locator('.launcher').getAttribute('aria-expanded')).toBe('false');
  await page.keyboard.press('Enter');
  expect(await focusedInWidget(page)).toBe('#bb-input');
  expect(await page.locator('.msg.bot').count()).toBe(1);
  await context.close();
});
