import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseBriefs } from './brief.js';
import { Engine } from './engine.js';
import { BriefError } from './errors.js';
import { buildEngine } from './indexer.js';
import { formatSynonym, parseSynonyms, Synonyms } from './synonyms.js';
import { readLexicon } from '../node/lexicon.js';

const lexicon = readLexicon();
const seedFiles = [{ path: '000_3f25df5bcd3f84e8.txt', bytes: readFileSync('seeds/000_3f25df5bcd3f84e8.txt') }];
const withSynonyms = (text: string) => buildEngine(parseBriefs(seedFiles), lexicon, undefined, undefined, parseSynonyms(text));
const seed = buildEngine(parseBriefs(seedFiles), lexicon);
const synonymsOf = (text: string) => new Synonyms(parseSynonyms(text).map(formatSynonym));

describe('synonyms.txt', () => {
  it('reads equivalence lines, one-way rules, comments and blank lines', () => {
    const rules = parseSynonyms('# relations\n\ncalm down, cool off,thaw ,  ease\ntravel papers, travel documents => visa # what readers call it\n');
    expect(rules).toEqual([
      { readers: ['calm down', 'cool off', 'thaw', 'ease'], briefs: ['calm down', 'cool off', 'thaw', 'ease'], oneWay: false, line: 3 },
      { readers: ['travel papers', 'travel documents'], briefs: ['visa'], oneWay: true, line: 4 },
    ]);
    expect(rules.map(formatSynonym)).toEqual(['calm down, cool off, thaw, ease', 'travel papers, travel documents => visa']);
  });

  it('names every line it cannot read, by file and line, and reads none of the file then', () => {
    const bad = 'calm down, ease\nthaw\npapers =>\na => b => c\nthe, of\n';
    expect(() => parseSynonyms(bad)).toThrow(BriefError);
    try {
      parseSynonyms(bad);
    } catch (err) {
      expect((err as BriefError).problems.map((p) => `${p.file}:${p.line}`)).toEqual(['synonyms.txt:2', 'synonyms.txt:3', 'synonyms.txt:4', 'synonyms.txt:5']);
      expect((err as Error).message).toMatch(/synonyms\.txt:2: a line needs two phrases or more/);
      expect((err as Error).message).toMatch(/synonyms\.txt:5: "the" has no word to look up/);
    }
  });

  it('expands a question whose words hold a phrase, as the question is analysed (stemmed, stop words left out)', () => {
    const s = synonymsOf('calm down, cool off, ease\ntravel papers => visa');
    expect(s.expand('When did things start calming down between them?', 'en')).toEqual(new Map([['calm', ['cool', 'eas']]]));
    expect(s.expand('What happened to his travel papers?', 'en')).toEqual(
      new Map([
        ['travel', ['visa']],
        ['paper', ['visa']],
      ]),
    );
    // One way: "visa" stands for nothing; the words of a phrase apart are no phrase.
    expect(s.expand('What happened to his visa?', 'en').size).toBe(0);
    expect(s.expand('Did the papers say where he will travel?', 'en').size).toBe(0);
  });

  it('lets a reader\'s words meet a brief\'s other words: "permission to travel" finds "…revoke Petro\'s visa"', () => {
    // (The lexicon now links "cool", "calm" and "better" to "ease" itself: the example's other lines are what it lacks.)
    const q = "What happened to Petro's permission to travel?";
    expect(seed.ask(q).answered).toBe(false);
    // The example a newsroom might write from the questions the seed did not answer (tests/fixtures/synonyms/seed.txt).
    const engine = withSynonyms(readFileSync('tests/fixtures/synonyms/seed.txt', 'utf8'));
    expect(engine.ask(q).answer).toMatch(/revoke Petro's visa/);
    // The index keeps them: the engine loaded from its bytes (as the Worker loads it) answers the same.
    const loaded = Engine.load(engine.serialize(), lexicon);
    expect(loaded.ask(q).answer).toMatch(/revoke Petro's visa/);
    expect(loaded.index.synonyms.lines[0]).toBe('calm down, cool down, cool off, thaw, get better, patch up, ease');
    // What the reader asked with the brief's own words is answered as before.
    expect(engine.ask('When did tensions ease?').answer).toBe(seed.ask('When did tensions ease?').answer);
  });

  it('applies in the language of the question: a Spanish rule meets a Spanish question', () => {
    const s = synonymsOf('se calmaron, disminuyeron');
    expect([...s.expand('¿Cuándo se calmaron las cosas?', 'es').keys()]).toHaveLength(1);
  });
});
