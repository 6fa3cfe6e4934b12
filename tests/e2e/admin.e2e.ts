/**
 * The /admin dashboard in a real browser against `wrangler dev` (with its
 * local D1, migrations applied by the global setup): sign in with the token,
 * see the questions asked just before, and no console errors (a CSP violation
 * is one). `UPDATE_SCREENSHOTS=1` also saves the screenshot in docs/.
 */
import { copyFileSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { E2E_ADMIN_TOKEN } from './global-setup.js';
import { ARTIFACTS, DESKTOP, launch, openHost, urls } from './browser.js';

const OFF_TOPIC = [
  'What is the weather tomorrow in Paris?',
  'Who won the football match last night?',
  'When is the pension reform vote?',
  'pension reform vote date?',
];
const ON_TOPIC = ['When is Petro meeting Trump?', 'Who is the Colombian foreign minister?', 'What will the meeting focus on?'];

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
  // Readers' questions, through the API as the widget and other clients send them, and a down-vote.
  const ids: string[] = [];
  for (const q of [...OFF_TOPIC, ...ON_TOPIC]) {
    const res = await fetch(`${urls().worker}/api/ask?client=widget&q=${encodeURIComponent(q)}`);
    ids.push(((await res.json()) as { answerId: string }).answerId);
  }
  const vote = await fetch(`${urls().worker}/api/feedback`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ answerId: ids[OFF_TOPIC.length + 2], rating: 'down', comment: 'I wanted the agenda, not the date.' }),
  });
  expect(vote.status).toBe(200);
});
afterAll(async () => {
  await browser?.close();
});

describe('/admin', () => {
  it('renders the dashboard for a bearer token without console errors', async () => {
    const context = await browser.newContext({ extraHTTPHeaders: { Authorization: `Bearer ${E2E_ADMIN_TOKEN}` } });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
    page.on('pageerror', (e) => errors.push(String(e)));
    const res = await page.goto(`${urls().worker}/admin`);
    expect(res!.status()).toBe(200);
    expect(await page.locator('svg.chart').count()).toBe(1);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('signs in with the token and renders the dashboard without console errors', async () => {
    const context = await browser.newContext({ viewport: { width: 1200, height: 900 } });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
    page.on('pageerror', (e) => errors.push(String(e)));

    const login = await page.goto(`${urls().worker}/admin`);
    expect(login!.status()).toBe(401);
    await page.getByLabel('Admin token').fill(E2E_ADMIN_TOKEN);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(`${urls().worker}/admin`);
    // The login page itself came with its 401 ("Failed to load resource"): only the dashboard's errors count.
    expect(errors.filter((e) => !/status of 401/.test(e))).toEqual([]);
    errors.length = 0;
    await expect.poll(() => page.getByRole('heading', { name: 'Briefbot insights' }).count()).toBe(1);

    const text = await page.locator('main').innerText();
    for (const q of OFF_TOPIC.slice(0, 3)) expect(text).toContain(q);
    expect(text).toContain('I wanted the agenda, not the date.');
    expect(await page.locator('svg.chart').count()).toBe(1);
    // The two pension questions fall together under their shared words.
    expect(Number(await page.locator('tr', { hasText: 'pension reform vote' }).locator('td.n').first().innerText())).toBeGreaterThanOrEqual(2);

    await page.screenshot({ path: `${ARTIFACTS}/admin-dashboard.png`, fullPage: true });
    if (process.env.UPDATE_SCREENSHOTS) copyFileSync(`${ARTIFACTS}/admin-dashboard.png`, 'docs/insights-dashboard.png');
    expect(errors).toEqual([]);
    await context.close();
  });

  it("the widget's thumbs send the vote from the news site, and the dashboard lists it", async () => {
    const context = await browser.newContext(DESKTOP);
    const page = await context.newPage();
    await openHost(page);
    const question = 'When does Petro meet Trump at the White House?';
    await page.locator('.launcher').click();
    await page.locator('#bb-input').fill(question);
    await page.locator('#bb-input').press('Enter');
    const notHelpful = page.getByRole('button', { name: 'Not helpful' }).last();
    await notHelpful.click();
    await expect.poll(() => notHelpful.getAttribute('aria-pressed')).toBe('true');
    await expect.poll(() => page.locator('.fb .status').last().textContent()).toBe('Thanks for your feedback!');
    await page.screenshot({ path: `${ARTIFACTS}/widget-feedback.png` });
    const report = (await (await fetch(`${urls().worker}/admin/api/insights`, { headers: { Authorization: `Bearer ${E2E_ADMIN_TOKEN}` } })).json()) as {
      downVoted: { question: string }[];
    };
    expect(report.downVoted.map((v) => v.question)).toContain(question);
    await context.close();
  });
});
