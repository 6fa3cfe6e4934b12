/**
 * The pure parts of `npm run load` (bench/load-lib.ts): percentiles, the
 * memory plateau verdict, and the wrangler.toml copy with raised rate limits.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { percentile, plateau, raiseRateLimits } from '../../bench/load-lib.js';

describe('percentile (nearest rank)', () => {
  it('picks the smallest value with p % of the values at or below it', () => {
    const values = Array.from({ length: 100 }, (_, i) => i + 1); // 1..100
    expect(percentile(values, 50)).toBe(50);
    expect(percentile(values, 99)).toBe(99);
    expect(percentile(values, 100)).toBe(100);
    expect(percentile(values, 0)).toBe(1);
  });

  it('rounds the rank up on small samples, never reading past the end', () => {
    expect(percentile([10, 20, 30], 50)).toBe(20);
    expect(percentile([10, 20, 30], 99)).toBe(30);
    expect(percentile([7], 99)).toBe(7);
    expect(percentile([], 50)).toBeNaN();
  });
});

describe('plateau', () => {
  it('calls a series that levels off after warm-up a plateau', () => {
    const rss = [100, 120, 140, 150, 151, 150, 152, 151, 150, 151, 152, 151];
    const v = plateau(rss);
    expect(v.verdict).toBe('plateau');
    expect(v.ratio).toBeCloseTo(151.333 / 150.333, 3);
  });

  it('calls a series that keeps climbing growing', () => {
    const rss = Array.from({ length: 40 }, (_, i) => 100 + 2 * i);
    const v = plateau(rss);
    expect(v.verdict).toBe('growing');
    expect(v.ratio).toBeGreaterThan(1.05);
  });

  it('will not judge fewer than 8 samples', () => {
    expect(plateau([1, 2, 3]).verdict).toBe('too few samples');
    expect(plateau([]).verdict).toBe('too few samples');
  });
});

describe('raiseRateLimits', () => {
  const toml = [
    'name = "briefbot"',
    'main = "src/worker.ts"',
    '',
    '[vars]',
    'limit = 5 # not a rate limit: left alone',
    '',
    '[[ratelimits]]',
    'name = "API_RATE_LIMIT"',
    'namespace_id = "1001"',
    'simple = { limit = 120, period = 60 } # per client IP',
    '',
    '[[ratelimits]]',
    'name = "V1_RATE_LIMIT"',
    'namespace_id = "1002"',
    '',
    '[ratelimits.simple]',
    'limit = 1_000',
    'period = 10',
    '',
    '[[env.staging.ratelimits]]',
    'name = "API_RATE_LIMIT"',
    'namespace_id = "2001"',
    'simple = { limit = 30, period = 60 }',
    '',
    '[[kv_namespaces]]',
    'binding = "STATE"',
    '',
  ].join('\n');

  it('raises every limit inside rate-limit blocks and nothing else, keeping comments', () => {
    const { text } = raiseRateLimits(toml, 999);
    const lines = text.split('\n');
    expect(lines[4]).toBe('limit = 5 # not a rate limit: left alone');
    expect(lines[9]).toBe('simple = { limit = 999, period = 60 } # per client IP');
    expect(lines[16]).toBe('limit = 999');
    expect(lines[17]).toBe('period = 10');
    expect(lines[22]).toBe('simple = { limit = 999, period = 60 }');
    // Everything but the three limits is byte for byte the same.
    const changed = lines.filter((l, i) => l !== toml.split('\n')[i]);
    expect(changed).toHaveLength(3);
  });

  it('reports each block with its original limit and period', () => {
    expect(raiseRateLimits(toml).blocks).toEqual([
      { name: 'API_RATE_LIMIT', limit: 120, period: 60, line: 7 },
      { name: 'V1_RATE_LIMIT', limit: 1000, period: 10, line: 12 },
      { name: 'API_RATE_LIMIT', limit: 30, period: 60, line: 20 },
    ]);
  });

  it('leaves a config without rate limits untouched (the repository wrangler.toml today or tomorrow)', () => {
    const real = readFileSync(resolve(__dirname, '../../wrangler.toml'), 'utf8');
    const { text, blocks } = raiseRateLimits(real);
    if (blocks.length === 0) expect(text).toBe(real);
    else expect(text).not.toMatch(/\blimit\s*=\s*(?!1000000000\b)\d/);
    expect(raiseRateLimits('name = "x"\n[vars]\nA = "1"\n')).toEqual({ text: 'name = "x"\n[vars]\nA = "1"\n', blocks: [] });
  });
});
