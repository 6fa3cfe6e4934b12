/**
 * Pure helpers of `npm run load` (bench/load.ts): percentiles, the memory
 * plateau verdict, and the copy of wrangler.toml whose rate limits are raised
 * so that the throughput phases measure the Worker, not the limiter.
 * No I/O here, so tests/node/load-lib.test.ts can check them directly.
 * @module
 */

/** The limit written into the load test's copy of wrangler.toml: far above any request count it sends. */
export const RAISED_LIMIT = 1_000_000_000;

/**
 * Nearest-rank percentile: the smallest value with at least `p` % of the
 * values at or below it. `sorted` must be ascending; NaN when it is empty.
 */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return NaN;
  if (p <= 0) return sorted[0]!;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, rank) - 1]!;
}

/** One `[[ratelimits]]` block as wrangler.toml declares it. */
export interface RateLimitBlock {
  /** The binding's name (`name = "…"`), or "" when the block has none. */
  name: string;
  /** `simple.limit` as written (before raising). */
  limit: number | undefined;
  /** `simple.period` in seconds. */
  period: number | undefined;
  /** 1-based line of the block's header. */
  line: number;
}

export interface RaisedConfig {
  /** The config with every `limit = N` inside a rate-limit block set to `raised`. */
  text: string;
  /** The blocks found, with their original limits. */
  blocks: RateLimitBlock[];
}

/** The dotted key of a TOML table header (`[a.b]`, `[[env.x.ratelimits]]`), or undefined for other lines. */
function tableHeader(line: string): string[] | undefined {
  const m = /^\s*\[\[?\s*([^[\]]+?)\s*\]\]?\s*(?:#.*)?$/.exec(line);
  if (!m) return undefined;
  return m[1]!.split('.').map((part) => part.trim().replace(/^["']|["']$/g, ''));
}

const LIMIT = /(\blimit\s*=\s*)(\d[\d_]*)/g;
const intOf = (s: string | undefined) => (s === undefined ? undefined : Number(s.replace(/_/g, '')));

/**
 * Raise the rate limits of a wrangler.toml, line by line, leaving everything
 * else byte for byte: inside `[[ratelimits]]` blocks (also `[[env.NAME.ratelimits]]`
 * and a `[ratelimits.simple]` sub-table), every `limit = N` becomes `raised`.
 * A config without rate limits comes back unchanged, with no blocks.
 */
export function raiseRateLimits(toml: string, raised = RAISED_LIMIT): RaisedConfig {
  const blocks: RateLimitBlock[] = [];
  let inside = false;
  const lines = toml.split('\n').map((line, i) => {
    const header = tableHeader(line);
    if (header) {
      inside = header.includes('ratelimits');
      // A new block starts at `[[…ratelimits]]`; `[ratelimits.simple]` continues the last one.
      if (inside && /^\s*\[\[/.test(line) && header[header.length - 1] === 'ratelimits') {
        blocks.push({ name: '', limit: undefined, period: undefined, line: i + 1 });
      }
      return line;
    }
    if (!inside) return line;
    const block = blocks[blocks.length - 1];
    const code = line.replace(/#.*$/, '');
    if (block) {
      block.name ||= /^\s*name\s*=\s*["']([^"']*)["']/.exec(code)?.[1] ?? '';
      block.limit ??= intOf(/\blimit\s*=\s*(\d[\d_]*)/.exec(code)?.[1]);
      block.period ??= intOf(/\bperiod\s*=\s*(\d[\d_]*)/.exec(code)?.[1]);
    }
    return code.replace(LIMIT, `$1${raised}`) + line.slice(code.length);
  });
  return { text: lines.join('\n'), blocks };
}

export interface PlateauVerdict {
  /** Samples the verdict rests on. */
  samples: number;
  /** Mean of the second quarter of the samples (bytes). */
  secondQuarterMean: number;
  /** Mean of the last quarter (bytes). */
  lastQuarterMean: number;
  /** lastQuarterMean / secondQuarterMean. */
  ratio: number;
  verdict: 'plateau' | 'growing' | 'too few samples';
}

/**
 * Does memory level off? The first quarter is left out (warm-up: caches fill,
 * the isolate's heap grows to its working size); the last quarter's mean is
 * compared to the second's. Above `tolerance` (default 5 %) it is "growing".
 */
export function plateau(values: readonly number[], tolerance = 0.05): PlateauVerdict {
  const n = values.length;
  const mean = (from: number, to: number) => {
    let sum = 0;
    for (let i = from; i < to; i++) sum += values[i]!;
    return to > from ? sum / (to - from) : NaN;
  };
  const q = n / 4;
  const second = mean(Math.floor(q), Math.floor(2 * q));
  const last = mean(Math.floor(3 * q), n);
  const ratio = last / second;
  const verdict = n < 8 || !Number.isFinite(ratio) ? 'too few samples' : ratio > 1 + tolerance ? 'growing' : 'plateau';
  return { samples: n, secondQuarterMean: second, lastQuarterMean: last, ratio, verdict };
}
