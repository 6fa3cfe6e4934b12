import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import MiniSearch, { type SearchOptions } from 'minisearch';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseBriefs } from '../../src/core/brief.js';
import { Engine } from '../../src/core/engine.js';
import { buildEngine } from '../../src/core/indexer.js';
import { readLexicon } from '../../src/node/lexicon.js';
import { IndexError } from '../../src/core/errors.js';
import { packIndex } from '../../src/core/packed/writer.js';
import { retrieve } from '../../src/core/retrieve.js';
import { loadSearchIndex, MINISEARCH_OPTIONS, type SearchIndex } from '../../src/core/search-index.js';
import { analyze } from '../../src/core/text.js';
import type { Brief } from '../../src/core/types.js';
import { readBriefFiles } from '../../src/node/briefs-dir.js';

const SAMPLE = resolve('tests/fixtures/eval-sample');
const questions = readFileSync(join(SAMPLE, 'questions.jsonl'), 'utf8')
  .split('\n')
  .filter(Boolean)
  .map((l) => JSON.parse(l) as { id: string; question: string; answers: string[] });

let briefs: Brief[];
let mini: MiniSearch<any>;
let index: SearchIndex;

beforeAll(() => {
  briefs = parseBriefs(readBriefFiles(join(SAMPLE, 'briefs')));
  mini = new MiniSearch(MINISEARCH_OPTIONS);
  mini.addAll(briefs.flatMap((b) => b.passages).map((p, id) => ({ id, title: briefs.find((b) => b.id === p.briefId)!.title, section: p.section ?? '', text: p.text })));
  index = loadSearchIndex(packIndex(mini.toJSON(), briefs, { builtAt: 'test' }), readLexicon()).index;
});

/** Both searches for one query: same documents, same order, same scores, same matched query terms. */
function expectSameSearch(query: string, options: SearchOptions) {
  const want = mini.search(query, options);
  const got = index.mini.search(query, options);
  expect(got.map((r) => r.id)).toEqual(want.map((r) => r.id));
  got.forEach((r, i) => {
    expect(r.score).toBeCloseTo(want[i]!.score, 10);
    expect(r.queryTerms).toEqual(want[i]!.queryTerms);
  });
  return { want, got };
}

describe('packed search', () => {
  const plain = { tokenize: (q: string) => q.split(' '), processTerm: (t: string) => t };

  it('scores every evaluation question exactly as MiniSearch does (OR, boosts, BM25 settings)', () => {
    for (const { question } of questions) {
      const terms = [...new Set(analyze(question))].join(' ');
      expectSameSearch(terms, { ...plain, combineWith: 'OR', boost: { title: 2, section: 1.5, text: 1 }, bm25: { k: 1.2, b: 0.7, d: 0.5 } });
    }
  });

  it('expands misspelt and partial words by prefix and fuzzy matching like MiniSearch', () => {
    for (const q of ['petroleu embargoe', 'pharmac', 'constructio', 'plagu mortalty', 'jacksonvile', 'victorain']) {
      const { got } = expectSameSearch(q, { ...plain, fuzzy: 0.2, prefix: true });
      expect(got.length).toBeGreaterThan(0);
    }
    expectSameSearch('embarg', { ...plain, fuzzy: (t) => (t.length > 4 ? 0.3 : false), prefix: (t) => t.length > 3, weights: { fuzzy: 0.6, prefix: 0.2 } });
  });

  it('combines with AND and AND_NOT, boosts terms and documents, filters, like MiniSearch', () => {
    expectSameSearch('oil price', { ...plain, combineWith: 'AND' });
    expectSameSearch('oil price', { ...plain, combineWith: 'AND_NOT' });
    expectSameSearch('oil price embargo', { ...plain, boostTerm: (t) => (t === 'oil' ? 3 : 1), boostDocument: (id) => ((id as number) % 2 ? 2 : 0.5) });
    expectSameSearch('oil price', { ...plain, filter: (r) => (r.id as number) % 3 === 0 });
    expectSameSearch('oil price', { ...plain, fields: ['text'] });
  });

  it('reports which terms matched in which field (match, terms)', () => {
    const want = mini.search('oil crisi', { ...plain, prefix: true });
    const got = index.mini.search('oil crisi', { ...plain, prefix: true });
    expect(got[0]!.match).toEqual(want[0]!.match);
    expect([...got[0]!.terms].sort()).toEqual([...want[0]!.terms].sort());
  });

  it('finds every term within the edit distance (checked against a brute-force Levenshtein)', () => {
    const tables = index.mini.tables.dictionary;
    const lev = (a: string, b: string) => {
      const row = Array.from({ length: b.length + 1 }, (_, j) => j);
      for (let i = 1; i <= a.length; i++) {
        let diag = row[0]!;
        row[0] = i;
        for (let j = 1; j <= b.length; j++) {
          const up = row[j]!;
          row[j] = Math.min(up + 1, row[j - 1]! + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
          diag = up;
        }
      }
      return row[b.length]!;
    };
    for (const [q, d] of [['pharmaci', 2], ['oil', 1], ['constructoin', 2], ['zzzzzz', 1]] as const) {
      const want = tables.terms.flatMap((t, i) => (lev(q, t) <= d ? [[i, lev(q, t)]] : []));
      expect(tables.fuzzy(q, d)).toEqual(want);
    }
  });

  it('gives the same document frequencies as the MiniSearch index', () => {
    const internals = mini as unknown as { _index: { get(t: string): Map<number, Map<number, number>> | undefined } };
    for (const term of ['oil', 'embargo', 'pharmaci', 'nosuchterm']) {
      const fields = internals._index.get(term);
      const df = fields ? Math.max(...[...fields.values()].map((m) => m.size)) : 0;
      expect(index.mini.documentFrequency(term)).toBe(df);
    }
  });
});

describe('packed engine', () => {
  it('round-trips: briefs, passages (text, sentences, sections) and stats come back equal', () => {
    const engine = buildEngine(briefs, readLexicon(), '2026-01-01T00:00:00.000Z');
    const loaded = Engine.load(engine.serialize().slice().buffer, readLexicon());
    expect(loaded.stats).toEqual(engine.stats);
    expect(JSON.parse(JSON.stringify(loaded.briefs))).toEqual(JSON.parse(JSON.stringify(briefs)));
    const p = briefs[2]!.passages[3]!;
    expect(loaded.passage(p.id)).toMatchObject({ id: p.id, text: p.text, sentences: p.sentences, briefId: p.briefId, n: p.n });
    expect(loaded.passage('nope#p1')).toBeUndefined();
  });

  it('answers every evaluation question as retrieval over MiniSearch itself would rank them', () => {
    const engine = buildEngine(briefs, readLexicon());
    for (const { question } of questions.slice(0, 60)) {
      const terms = [...new Set(analyze(question))];
      if (terms.length === 0) continue;
      // BM25 alone (related words weigh 0 in the ranking), same field boosts, no brief-level evidence.
      const bm25Only = { boost: { title: 2, section: 1.5, text: 1 }, briefWeight: 0 };
      const hits = retrieve(engine.index, question, bm25Only).hits.map((h) => h.passage.id);
      const want = mini
        .search(terms.join(' '), { tokenize: (q) => q.split(' '), processTerm: (t) => t, boost: { title: 2, section: 1.5, text: 1 }, bm25: { k: 1.2, b: 0.7, d: 0.5 } })
        .map((r) => r.id as number);
      // Same leading passages (retrieve re-ranks by recency, which is 0 for these undated briefs).
      expect(hits.slice(0, 3)).toEqual(want.slice(0, 3).map((id) => engine.index.passages[id]!.id));
    }
  });

  it("packs MiniSearch's public serialization, and refuses a serialization version it does not know", () => {
    const json = mini.toJSON();
    expect(json.serializationVersion).toBe(2);
    // Only the public `toJSON()` output is read: a plain copy of it packs to the same bytes.
    const copy = JSON.parse(JSON.stringify(json)) as typeof json;
    expect(packIndex(copy, briefs, { builtAt: 'test' })).toEqual(packIndex(json, briefs, { builtAt: 'test' }));
    expect(() => packIndex({ ...json, serializationVersion: 3 }, briefs, {})).toThrow(IndexError);
    expect(() => packIndex({ ...json, serializationVersion: 1 }, briefs, {})).toThrow(/serialization version 1 is not the one this build reads \(2\)/);
  });

  it('rejects data that is not a packed index, or is truncated, with a clear error', () => {
    expect(() => Engine.load(new TextEncoder().encode('{"version":1}'), readLexicon())).toThrow(IndexError);
    const bytes = buildEngine(briefs, readLexicon()).serialize();
    expect(() => Engine.load(bytes.slice(0, bytes.length >> 1), readLexicon())).toThrow(/truncated|corrupt/);
  });
});

describe('build:index size guard', () => {
  it('refuses to write an index over the limit, saying the size, the limit and what to do', () => {
    const out = mkdtempSync(join(tmpdir(), 'briefbot-guard-'));
    try {
      const run = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/build-index.ts', '--briefs', join(SAMPLE, 'briefs'), '--out', out, '--max-size', '10KB'], {
        encoding: 'utf8',
      });
      expect(run.status).toBe(1);
      expect(run.stderr).toMatch(/is \d+\.\d KB gzipped, over the limit of 10\.0 KB \(6 briefs\)/);
      // The whole upload counts now (code + lexicon + index), so the paid plan's advice is its full 10 MB.
      expect(run.stderr).toMatch(/--max-size 10MB/);
      expect(run.stderr).toMatch(/R2/);
      expect(existsSync(join(out, 'index.bin'))).toBe(false);

      execFileSync(process.execPath, ['--import', 'tsx', 'scripts/build-index.ts', '--briefs', join(SAMPLE, 'briefs'), '--out', out, '--max-size', '1MB'], { stdio: 'pipe' });
      expect(Engine.load(readFileSync(join(out, 'index.bin')), readLexicon()).stats.briefs).toBe(6);
      expect(readFileSync(join(out, 'index-data.ts'), 'utf8')).toContain("import data from './index.bin'");

      const bad = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/build-index.ts', '--briefs', join(SAMPLE, 'briefs'), '--out', out, '--max-size', 'lots'], { encoding: 'utf8' });
      expect(bad.status).toBe(2);
      expect(bad.stderr).toMatch(/not a size: "lots"/);
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });
});
