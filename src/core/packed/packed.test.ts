/**
 * Property-based tests of the packed index's building blocks (fast-check):
 * every claim is checked against a brute-force model on generated input.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ByteWriter, utf8, VarintReader } from '../bytes.js';
import { eachPosting, fieldPostings, writeTermBlock } from './postings.js';
import { compareBytes, TermDictionary } from './terms.js';
import { levenshtein } from '../../../tests/helpers/levenshtein.js';

// Terms from a small alphabet, so generated terms share prefixes and come within a few edits of each
// other; with accented letters, a CJK character and a character outside the BMP (two UTF-16 units,
// four UTF-8 bytes), so byte order, code-point order and code-unit counting all get exercised.
const char = fc.constantFrom('a', 'b', 'c', 'd', 'e', 'é', 'ü', '日', '𝄞', '0', '-');
const term = fc.array(char, { minLength: 1, maxLength: 9 }).map((cs) => cs.join(''));
const terms = fc.uniqueArray(term, { maxLength: 80 });
const query = fc.array(char, { maxLength: 9 }).map((cs) => cs.join(''));

/** The terms a dictionary holds, in its id order (what a model keeps: a sorted array). */
const sorted = (list: string[]) => [...new Set(list)].sort((x, y) => compareBytes(utf8.encode(x), utf8.encode(y)));

describe('term dictionary (property-based)', () => {
  it('finds every inserted term at its position in byte order, and nothing else', () => {
    fc.assert(
      fc.property(terms, fc.array(term, { maxLength: 20 }), (inserted, probes) => {
        const dict = TermDictionary.of(inserted);
        const model = sorted(inserted);
        expect(dict.count).toBe(model.length);
        expect(dict.terms).toEqual(model);
        model.forEach((t, i) => {
          expect(dict.termIndex(t)).toBe(i);
          expect(dict.termAt(i)).toBe(t);
        });
        for (const p of probes) expect(dict.termIndex(p)).toBe(model.indexOf(p));
      }),
    );
  });

  it('enumerates exactly the terms starting with a prefix (as a brute-force scan does)', () => {
    fc.assert(
      fc.property(terms, query, (inserted, prefix) => {
        const dict = TermDictionary.of(inserted);
        const [from, to] = dict.prefixRange(prefix);
        const want = sorted(inserted).filter((t) => t.startsWith(prefix));
        expect(dict.terms.slice(from, to)).toEqual(want);
      }),
    );
  });

  it('enumerates exactly the terms within edit distance k, with their distances (as a brute-force Levenshtein filter does)', () => {
    fc.assert(
      fc.property(terms, query, fc.integer({ min: 0, max: 3 }), (inserted, q, k) => {
        const dict = TermDictionary.of(inserted);
        const want = sorted(inserted).flatMap((t, i) => {
          const d = levenshtein(q, t);
          return d <= k ? [[i, d]] : [];
        });
        expect(dict.fuzzy(q, k)).toEqual(want);
      }),
      { numRuns: 300 },
    );
  });

  it('gives the same fuzzy matches in a large dictionary of shared prefixes (pruning skips only hopeless terms)', () => {
    const long = fc.array(fc.constantFrom('a', 'b', 'ab', 'ba', 'é'), { minLength: 1, maxLength: 8 }).map((cs) => cs.join(''));
    fc.assert(
      fc.property(fc.uniqueArray(long, { minLength: 50, maxLength: 400 }), long, fc.integer({ min: 1, max: 2 }), (inserted, q, k) => {
        const dict = TermDictionary.of(inserted);
        const want = sorted(inserted).flatMap((t, i) => (levenshtein(q, t) <= k ? [[i, levenshtein(q, t)]] : []));
        expect(dict.fuzzy(q, k)).toEqual(want);
      }),
      { numRuns: 100 },
    );
  });
});

describe('varints and postings (property-based)', () => {
  it('decodes every varint it encodes, back to back, whatever the mix of sizes', () => {
    const value = fc.oneof(fc.integer({ min: 0, max: 127 }), fc.integer({ min: 128, max: 1 << 21 }), fc.integer({ min: 0, max: 0xffffffff }));
    fc.assert(
      fc.property(fc.array(value, { maxLength: 200 }), (values) => {
        const w = new ByteWriter();
        for (const v of values) w.varint(v);
        const bytes = w.finish();
        const r = new VarintReader(bytes);
        expect(values.map(() => r.next())).toEqual(values);
        expect(r.pos).toBe(bytes.length);
      }),
    );
  });

  it('refuses what a varint cannot hold', () => {
    fc.assert(
      fc.property(fc.oneof(fc.integer({ max: -1 }), fc.double({ min: 0.1, max: 1e6, noInteger: true }), fc.constant(2 ** 32)), (v) => {
        expect(() => new ByteWriter().varint(v)).toThrow(RangeError);
      }),
    );
  });

  it('reads back every posting list of a term block, per field, briefs expanded to their passages', () => {
    // Up to 4 fields over 30 briefs of 1–4 passages; field 0 may be brief-level.
    const shape = fc.record({
      passagesPerBrief: fc.array(fc.integer({ min: 1, max: 4 }), { minLength: 1, maxLength: 30 }),
      fields: fc.integer({ min: 1, max: 4 }),
      firstBriefLevel: fc.boolean(),
      seed: fc.array(fc.tuple(fc.nat(), fc.integer({ min: 1, max: 300 })), { maxLength: 60 }),
      skip: fc.array(fc.boolean(), { minLength: 4, maxLength: 4 }),
    });
    fc.assert(
      fc.property(shape, ({ passagesPerBrief, fields, firstBriefLevel, seed, skip }) => {
        const briefStart = new Uint32Array(passagesPerBrief.length + 1);
        passagesPerBrief.forEach((c, b) => (briefStart[b + 1] = briefStart[b]! + c));
        const n = briefStart[passagesPerBrief.length]!;
        const briefLevel = Array.from({ length: fields }, (_, f) => f === 0 && firstBriefLevel);
        // Per field: distinct ids (briefs for a brief-level field) with a frequency, by id.
        const lists = briefLevel.map((perBrief, f) => {
          if (skip[f]) return [];
          const bound = perBrief ? passagesPerBrief.length : n;
          const m = new Map(seed.map(([id, freq]) => [(id + f) % bound, freq] as const));
          return [...m].sort((a, b) => a[0] - b[0]);
        });
        const passageCount = lists.map((list, f) => (briefLevel[f] ? list.reduce((s, [b]) => s + passagesPerBrief[b]!, 0) : list.length));
        const w = new ByteWriter();
        writeTermBlock(w, lists, briefLevel, passageCount);
        const block = w.finish();
        const parts = fieldPostings(block, briefLevel);
        lists.forEach((list, f) => {
          expect(parts[f]!.count).toBe(passageCount[f]);
          const got: [number, number][] = [];
          eachPosting(block, parts[f]!, briefLevel[f]!, briefStart, (doc, freq) => got.push([doc, freq]));
          const want = briefLevel[f]
            ? list.flatMap(([b, freq]) => Array.from({ length: passagesPerBrief[b]! }, (_, i): [number, number] => [briefStart[b]! + i, freq]))
            : list;
          expect(got).toEqual(want);
        });
      }),
    );
  });
});
