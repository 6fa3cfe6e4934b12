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
  await expect
    .poll(() => live.textContent())
    .toMatch(/^According to both governments, .*regional security\.\s+Discussions are also expected to focus on intensifying the fight.* Sources: \d+\.$/);
  expect(await focusedInWidget(page)).toBe('#bb-input');

  // Shift+Tab from the input lands on the last source link in the conversation: the cited paragraph.
  await page.keyboard.press('Shift+Tab');
  expect(await focusedInWidget(page)).toBe('.pn');
  await shot(page, `${ARTIFACTS}/widget-keyboard-focus.png`);
  // It opens the brief page in this tab, at the passage, with a way back to the conversation.
  const host = page.url();
  await Promise.all([page.waitForURL(/\/briefs\//), page.keyboard.press('Enter')]);
  expect(page.url()).toMatch(/\/briefs\/[^#]+#p\d+$/);
  const back = page.locator('a.back');
  expect(await back.textContent()).toBe('← Back to the conversation');
  expect(await back.getAttribute('href')).toBe(host);
  await back.focus();
  await Promise.all([page.waitForURL(host), page.keyboard.press('Enter')]);
  await page.waitForFunction(() => typeof window.Briefbot === 'object');
  // The conversation is there, open, as it was.
  await expect.poll(() => page.locator('#bb-panel').isVisible()).toBe(true);
  expect(await page.locator('.msg.bot').count()).toBe(1);

  // Activating a footnote marker moves focus to its source, visibly, and keeps it there.
  await page.locator('.marker').first().focus();
  await page.keyboard.press('Enter');
  await expect.poll(() => focusedInWidget(page)).toMatch(/^#fn-\d+-1$/);
  expect(await page.locator('.para:focus').evaluate((el) => getComputedStyle(el).outlineStyle)).toBe('solid');
  await page.waitForTimeout(1800);
  expect(await focusedInWidget(page)).toMatch(/^#fn-\d+-1$/);
  await page.locator('#bb-input').focus();

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
