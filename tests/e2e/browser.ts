/**
 * Shared helpers for the browser tests: Debian's chromium driven by
 * playwright-core, and the URLs started by the global setup.
 * @module
 */
import axeCore from 'axe-core';
import { existsSync, mkdirSync } from 'node:fs';
import { chromium, type Browser, type BrowserContextOptions, type Page } from 'playwright-core';
import { inject } from 'vitest';

export const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
export const ARTIFACTS = 'test-results';

export const urls = () => ({ worker: inject('workerUrl'), host: inject('hostUrl'), blocked: inject('blockedHostUrl') });

export async function launch(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`No Chromium at ${CHROMIUM}: install it (apt-get install -y chromium) or set CHROMIUM_PATH.`);
  }
  mkdirSync(ARTIFACTS, { recursive: true });
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
}

export const DESKTOP: BrowserContextOptions = { viewport: { width: 1280, height: 800 } };
export const PHONE: BrowserContextOptions = { viewport: { width: 360, height: 740 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true };

/** Open the host page (optionally with widget `data-*` options) and wait for `window.Briefbot`. */
export async function openHost(page: Page, options: Record<string, string> = {}, base = urls().host): Promise<void> {
  const qs = new URLSearchParams(options).toString();
  await page.goto(`${base}/${qs ? `?${qs}` : ''}`);
  await page.waitForFunction(() => typeof window.Briefbot === 'object');
}

/** The element focused inside the widget's shadow root, described for assertions. */
export function focusedInWidget(page: Page): Promise<string | null> {
  return page.evaluate(() => {
    const host = document.activeElement;
    if (host?.id !== 'briefbot-widget') return null;
    const el = host.shadowRoot?.activeElement;
    if (!el) return 'host';
    return el.id ? `#${el.id}` : `.${Array.from(el.classList).join('.')}`;
  });
}

/** Screenshot once animations and smooth scrolling have settled. */
export async function shot(page: Page, path: string): Promise<void> {
  await page.waitForTimeout(400);
  await page.screenshot({ path, animations: 'disabled' });
}

/** One axe-core rule violation, with the offending nodes (selector :: summary). */
export interface Violation {
  id: string;
  impact: string;
  help: string;
  nodes: string[];
}

/**
 * axe-core over the whole page (shadow roots included): the violations of impact
 * moderate, serious or critical. Injected through the DevTools protocol, so it
 * also runs on pages with a strict CSP.
 */
export async function axe(page: Page): Promise<Violation[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axeCore.source);
  return page.evaluate(async () => {
    type Result = { violations: { id: string; impact: string; help: string; nodes: { target: unknown[]; failureSummary?: string }[] }[] };
    const run = (window as unknown as { axe: { run(ctx: Document, opts: object): Promise<Result> } }).axe;
    const { violations } = await run.run(document, { resultTypes: ['violations'] });
    return violations
      .filter((v) => ['moderate', 'serious', 'critical'].includes(v.impact))
      .map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => `${JSON.stringify(n.target)} :: ${n.failureSummary ?? ''}`) }));
  });
}

/** Screenshot of the open panel alone (the images in docs/widget.md). */
export async function shotPanel(page: Page, path: string): Promise<void> {
  await page.waitForTimeout(400);
  await page.locator('#bb-panel').screenshot({ path, animations: 'disabled' });
}
