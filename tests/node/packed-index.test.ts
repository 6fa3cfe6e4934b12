import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import fc from 'fast-check';
import MiniSearch from 'minisearch';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseBriefs } from '../../src/core/brief.js';
import { Engine } from '../../src/core/engine.js';
import { buildEngine, indexedText } from '../../src/core/indexer.js';
import { readLexicon } from '../../src/node/lexicon.js';
import { IndexError } from '../../src/core/errors.js';
import { packIndex } from '../../src/core/packed/writer.js';
import { kthLargest, type TermQuery } from '../../src/core/packed/search.js';
import { DEFAULT_RETRIEVE_OPTIONS, retrieve } from '../../src/core/retrieve.js';
import { loadSearchIndex, MINISEARCH_OPTIONS, type SearchIndex } from '../../src/core/search-index.js';
import { analyze } from '../../src/core/text.js';
import type { Brief } from '../../src/core/types.js';
import { readBriefFiles } from '../../src/node/briefs-dir.js';
import { levenshtein } from '../helpers/levenshtein.js';

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
  mini.addAll(
    briefs.flatMap((b) => b.passages.map((p, i) => ({ title: b.title, section: p.section ?? '', text: indexedText(b, i) }))).map((d, id) => ({ id, ...d })),
  );
  index = loadSearchIndex(packIndex(mini.toJSON(), briefs, { builtAt: 'test' }), readLexicon()).index;
});

const plain = { tokenize: (q: string) => q.split(' '), processTerm: (t: string) => t };
const { boost, bm25, fuzzyMinLength } = DEFAULT_RETRIEVE_OPTIONS;

/** The terms `retrieve` searches for a question (its own, distinct; unknown long words loose), as production builds them. */
function productionQueries(question: string): TermQuery[] {
  return [...new Set(analyze(question))].map((term) => ({
    term,
    weight: 1,
    loose: index.searcher.documentFrequency(term) === 0 && term.length >= fuzzyMinLength && !/^\d/.test(term),
  }));
}

/**
 * Our search against MiniSearch's for the same terms and the options production uses: same
 * passages, same order, same matched terms, and the same scores, except that ours weigh each
 * matched term by its weight where MiniSearch counts it as 1.
 */
function expectSameSearch(queries: TermQuery[]) {
  const weightOf = new Map(queries.map((q) => [q.term, q.weight]));
  const loose = new Set(queries.filter((q) => q.loose).map((q) => q.term));
  const want = mini.search(queries.map((q) => q.term).join(' '), {
    ...plain,
    combineWith: 'OR',
    boost,
    bm25,
    boostTerm: (t) => weightOf.get(t)!,
    fuzzy: (t) => (loose.has(t) ? 0.2 : false),
    prefix: (t) => loose.has(t),
  });
  const got = index.searcher.search(queries, { boost, bm25 });
  const weighted = queries.some((q) => q.weight !== 1);
  if (!weighted) expect(got.map((r) => r.doc)).toEqual(want.map((r) => r.id));
  // Weighted, the order follows the weighted scores: compare passage by passage.
  const byId = new Map(want.map((w) => [w.id as number, w]));
  expect(got.length).toBe(want.length);
  got.forEach((r, i) => {
    const w = byId.get(r.doc)!;
    expect(r.terms).toEqual(w.queryTerms);
    const weight = w.queryTerms.reduce((s, t) => s + weightOf.get(t)!, 0);
    expect(r.score).toBeCloseTo((w.score / w.queryTerms.length) * weight, 10);
    if (i > 0) expect(r.score).toBeLessThanOrEqual(got[i - 1]!.score);
  });
  return { want, got };
}

describe('packed search', () => {
  it('scores every evaluation question exactly as MiniSearch does, with the options production uses', () => {
    let loose = 0;
    for (const { question } of questions) {
      const queries = productionQueries(question);
      loose += queries.filter((q) => q.loose).length;
      expectSameSearch(queries);
    }
    expect(loose).toBeGreaterThan(0);
  });

  it('expands misspelt and partial words by prefix and fuzzy matching like MiniSearch', () => {
    for (const q of ['petroleu embargoe', 'pharmac', 'constructio', 'plagu mortalty', 'jacksonvile', 'victorain']) {
      const { got } = expectSameSearch(q.split(' ').map((term) => ({ term, weight: 1, loose: true })));
      expect(got.length).toBeGreaterThan(0);
    }
  });

  it('weighs related and conversation terms by their weight, in the sum and in the quality factor', () => {
    for (const { question } of questions.slice(0, 40)) {
      const queries = productionQueries(question);
      expectSameSearch(
        [...queries, { term: 'oil', weight: 0.5, loose: false }, { term: 'price', weight: 0.25, loose: false }].filter(
          (q, i, all) => all.findIndex((x) => x.term === q.term) === i,
        ),
      );
    }
  });

  it('answers a question of more than 32 terms (every term counted, as MiniSearch does)', () => {
    // The terms of the longest passage: that passage matches every one.
    const longest = index.passages.reduce((a, p) => (p.text.length > a.text.length ? p : a));
    const long = [...new Set(analyze(longest.text))].slice(0, 45);
    expect(long.length).toBe(45);
    const { got } = expectSameSearch(long.map((term) => ({ term, weight: 1, loose: false })));
    expect(got.find((r) => index.passages[r.doc] === longest)!.terms).toEqual(long);
    // Through retrieve, from a 500-character question with that many words.
    const question = long.join(' ').slice(0, 500);
    const retrieval = retrieve(index, question);
    expect(retrieval.terms.length).toBeGreaterThan(32);
    expect(retrieval.hits.length).toBeGreaterThan(0);
    for (const h of retrieval.hits) for (const t of h.matched) expect(retrieval.terms).toContain(t);
  });

  it('with a limit, gives the first results of the full list, ties in the same order, without sorting the rest', () => {
    let truncated = 0;
    for (const { question } of questions.slice(0, 60)) {
      const queries = productionQueries(question);
      const all = index.searcher.search(queries, { boost, bm25 });
      for (const limit of [1, 5, 12, 40]) {
        const top = index.searcher.search(queries, { boost, bm25 }, limit);
        expect(top).toEqual(all.slice(0, limit));
        if (all.length > limit) truncated++;
      }
    }
    expect(truncated).toBeGreaterThan(100);
    // Many equal scores (one common term): the tie at the cut keeps the order of the full list.
    const oil = [{ term: analyze('oil')[0]!, weight: 1, loose: false }];
    const all = index.searcher.search(oil, { boost, bm25 });
    expect(new Set(all.map((r) => r.score)).size).toBeLessThan(all.length);
    for (let limit = 1; limit <= all.length; limit++) expect(index.searcher.search(oil, { boost, bm25 }, limit)).toEqual(all.slice(0, limit));
  });

  it('a transient search gives what search gives, in matches it reuses for the next one', () => {
    const lists = questions.slice(0, 40).map(({ question }) => productionQueries(question));
    let previous: readonly { doc: number }[] | undefined;
    let reused = 0;
    for (const queries of lists) {
      for (const limit of [5, 64, 512]) {
        const fresh = index.searcher.search(queries, { boost, bm25 }, limit);
        const transient = index.searcher.searchTransient(queries, { boost, bm25 }, limit);
        expect(transient.map((m) => ({ ...m }))).toEqual(fresh);
        if (previous && transient.some((m) => previous!.includes(m))) reused++;
        previous = [...transient];
      }
    }
    // The same objects come back, rewritten (what they were for is gone by then).
    expect(reused).toBeGreaterThan(50);
  });

  it('retrieval reads past the best 512 matches when a conversation lifts one further down', () => {
    // 700 passages that score alike for "oil", in the order they were added.
    const files = Array.from({ length: 700 }, (_, i) => ({
      path: `note-${String(i).padStart(3, '0')}.txt`,
      bytes: new TextEncoder().encode(`Title: Market note\n\nThe oil price rose again today.\n`),
    }));
    const e = buildEngine(parseBriefs(files), readLexicon());
    const ties = e.index.searcher.search([{ term: 'oil', weight: 1, loose: false }], { boost, bm25 });
    expect(ties.length).toBe(700);
    expect(new Set(ties.map((r) => r.score)).size).toBe(1);
    expect(retrieve(e.index, 'oil').hits[0]!.passage.briefId).toBe('note-000');
    // The 651st passage, in focus, wins.
    const focused = retrieve(e.index, 'oil', {}, { terms: new Map(), focus: new Map([['note-650', 2]]) });
    expect(focused.hits[0]!.passage.briefId).toBe('note-650');
  });

  it('kthLargest finds the k-th largest of any numbers, and how many are larger', () => {
    fc.assert(
      // (+ 0 turns -0 into 0: the two are equal as scores, not to toBe.)
      fc.property(
        fc.array(
          // Few distinct values too, so that ties at the k-th place are common.
          fc.oneof(
            fc.double({ noNaN: true }).map((x) => x + 0),
            fc.integer({ min: 0, max: 3 }),
          ),
          { minLength: 1, maxLength: 200 },
        ),
        fc.nat(),
        (xs, n) => {
          const k = (n % xs.length) + 1;
          const want = [...xs].sort((a, b) => b - a)[k - 1]!;
          expect(kthLargest(Float64Array.from(xs), k)).toEqual({ value: want, above: xs.filter((x) => x > want).length });
        },
      ),
      { numRuns: 300 },
    );
  });

  it('refuses repeated query terms and unknown fields', () => {
    expect(() =>
      index.searcher.search(
        [
          { term: 'oil', weight: 1, loose: false },
          { term: 'oil', weight: 1, loose: false },
        ],
        { boost, bm25 },
      ),
    ).toThrow(/distinct/);
    expect(() => index.searcher.search([{ term: 'oil', weight: 1, loose: false }], { boost: { body: 2 }, bm25 })).toThrow(/no field "body"/);
  });

  it('finds every term within the edit distance (checked against a brute-force Levenshtein)', () => {
    const tables = index.searcher.tables.dictionary;
    const lev = levenshtein;
    for (const [q, d] of [
      ['pharmaci', 2],
      ['oil', 1],
      ['constructoin', 2],
      ['zzzzzz', 1],
    ] as const) {
      const want = tables.terms.flatMap((t, i) => (lev(q, t) <= d ? [[i, lev(q, t)]] : []));
      expect(tables.fuzzy(q, d)).toEqual(want);
    }
  });

  it('gives the same document frequencies as the MiniSearch index', () => {
    const byTerm = new Map(mini.toJSON().index);
    for (const term of ['oil', 'embargo', 'pharmaci', 'nosuchterm']) {
      const fields = byTerm.get(term);
      const df = fields ? Math.max(...Object.values(fields).map((docs) => Object.keys(docs).length)) : 0;
      expect(index.searcher.documentFrequency(term)).toBe(df);
      // The text field alone (MiniSearch's field ids follow the field order: title, section, text).
      const text = fields ? Object.keys((fields as Record<string, object>)[String(2)] ?? {}).length : 0;
      expect(index.searcher.textFrequency(term)).toBe(text);
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

  it('answers every evaluation question as retrieval over MiniSearch itself would rank them (production settings)', () => {
    const engine = buildEngine(briefs, readLexicon());
    for (const { question } of questions.slice(0, 60)) {
      const terms = [...new Set(analyze(question))];
      if (terms.length === 0) continue;
      // Production's field boosts, BM25 settings and fuzzy/prefix matching of unknown words;
      // brief-level evidence and the names' factor off, to compare BM25 alone.
      const loose = (t: string) => engine.index.searcher.documentFrequency(t) === 0 && t.length >= fuzzyMinLength && !/^\d/.test(t);
      const hits = retrieve(engine.index, question, { briefWeight: 0, nameFactor: 1 }).hits.map((h) => h.passage.id);
      const want = mini.search(terms.join(' '), { ...plain, boost, bm25, fuzzy: (t) => (loose(t) ? 0.2 : false), prefix: loose }).map((r) => r.id as number);
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
      const run = spawnSync(
        process.execPath,
        ['--import', 'tsx', 'scripts/build-index.ts', '--briefs', join(SAMPLE, 'briefs'), '--out', out, '--max-size', '10KB'],
        {
          encoding: 'utf8',
        },
      );
      expect(run.status).toBe(1);
      expect(run.stderr).toMatch(/is \d+\.\d KB gzipped, over the limit of 10\.0 KB \(6 briefs\)/);
      // The whole upload counts now (code + lexicon + index), so the paid plan's advice is its full 10 MB.
      expect(run.stderr).toMatch(/--max-size 10MB/);
      expect(run.stderr).toMatch(/R2/);
      expect(existsSync(join(out, 'index.bin'))).toBe(false);

      execFileSync(process.execPath, ['--import', 'tsx', 'scripts/build-index.ts', '--briefs', join(SAMPLE, 'briefs'), '--out', out, '--max-size', '1MB'], {
        stdio: 'pipe',
      });
      expect(Engine.load(readFileSync(join(out, 'index.bin')), readLexicon()).stats.briefs).toBe(6);
      expect(readFileSync(join(out, 'index-data.ts'), 'utf8')).toContain("import data from './index.bin'");

      const bad = spawnSync(
        process.execPath,
        ['--import', 'tsx', 'scripts/build-index.ts', '--briefs', join(SAMPLE, 'briefs'), '--out', out, '--max-size', 'lots'],
        { encoding: 'utf8' },
      );
      expect(bad.status).toBe(2);
      expect(bad.stderr).toMatch(/not a size: "lots"/);
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });
});
