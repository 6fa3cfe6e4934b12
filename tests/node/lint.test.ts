import { resolve } from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');

/** Lint a snippet as if it were a file at `path` in the project, with the project's config. */
async function lint(path: string, code: string): Promise<string[]> {
  const eslint = new ESLint({ cwd: ROOT });
  const [result] = await eslint.lintText(code, { filePath: resolve(ROOT, path) });
  return result!.messages.map((m) => `${m.ruleId}: ${m.message}`);
}

describe('npm run lint keeps the core pure', () => {
  it.each([
    ["import { Hono } from 'hono';", /Hono/],
    ["import { DurableObject } from 'cloudflare:workers';", /Workers runtime/],
    ["import { readFileSync } from 'node:fs';", /Node/],
    ["import { respond } from '../adapters/chat/respond.js';", /nothing outside src\/core/],
  ])('refuses %s in src/core', async (code, why) => {
    const messages = await lint('src/core/example.ts', `${code}\nexport const x = 1;\n`);
    expect(messages.some((m) => m.startsWith('no-restricted-imports') && why.test(m))).toBe(true);
  });

  it('lets adapters import Hono, and core tests read fixtures', async () => {
    expect(await lint('src/adapters/example.ts', "import { Hono } from 'hono';\nexport const app = new Hono();\n")).toEqual([]);
    expect(await lint('src/core/example.test.ts', "import { readFileSync } from 'node:fs';\nexport const x = readFileSync;\n")).toEqual([]);
  });
});
