import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyze, analyzeWithRanges, slugify, splitSentences, WordCursor, words } from './text.js';

const sentences = (t: string) => splitSentences(t).map(([s, e]) => t.slice(s, e));

describe('words', () => {
  // The specification WordCursor implements by hand (without a match object per word).
  // (A number's English ordinal ending, "3rd", is matched and left out of the word.)
  const WORD = /(\p{N}+(?:[.,]\p{N}+)*)(?:(?:st|nd|rd|th)(?![\p{L}\p{N}]))?|[\p{L}\p{M}\p{N}]+(?:['’][\p{L}\p{M}]+)*/giu;
  const byRegex = (t: string) => [...t.matchAll(WORD)].map((m) => [m.index, m[1] ?? m[0]]);
  const byCursor = (t: string) => {
    const out: [number, string][] = [];
    const c = new WordCursor(t);
    while (c.next()) out.push([c.start, t.slice(c.start, c.end)]);
    return out;
  };

  it('keeps inner separators of numbers and inner apostrophes of words; an ordinal is its number', () => {
    expect(words("Don't pay 1,230.5 on the 3rd, rock’n’roll 12.").map((w) => w.word)).toEqual([
      "Don't",
      'pay',
      '1,230.5',
      'on',
      'the',
      '3',
      'rock’n’roll',
      '12',
    ]);
    expect(words('the 21st, 2ND and 4th; 5thirty, 3rdly').map((w) => w.word)).toEqual(['the', '21', '2', 'and', '4', '5', 'thirty', '3', 'rdly']);
    expect(words('Kraków 𝐀𝐁 ١٢٣ x\u0301y').map((w) => w.word)).toEqual(['Kraków', '𝐀𝐁', '١٢٣', 'x\u0301y']);
  });

  it('finds the words the regular expression finds, in any script (property)', () => {
    // Letters, digits, marks and separators of several scripts, astral characters and lone surrogates.
    const piece = fc.constantFrom(
      'a',
      'Z',
      'é',
      'ß',
      'ı',
      '7',
      '٣',
      '१',
      '½',
      "'",
      '’',
      '.',
      ',',
      ' ',
      '-',
      '\u0301',
      '字',
      'ไ',
      'ั',
      '𝐀',
      '😀',
      'st',
      'rd',
      'th',
      '\ud800',
      '\n',
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 40 }), (parts) => {
        const t = parts.join('');
        expect(byCursor(t)).toEqual(byRegex(t));
      }),
      { numRuns: 2000 },
    );
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 60 }), (t) => void expect(byCursor(t)).toEqual(byRegex(t))),
      { numRuns: 1000 },
    );
  });
});

describe('analyze', () => {
  it('drops stop and question words and stems the rest', () => {
    expect(analyze('When is Petro meeting Trump?')).toEqual(['petro', 'meet', 'trump']);
    expect(analyze('What will the meetings focus on?')).toEqual(['meet', 'focu']);
  });

  it('reads a contraction as its word ("where\'d", "they\'re", "she\'ll"), typed with or without the apostrophe, and a chat\'s "ok"', () => {
    // "where'd" was the term "where" (the apostrophe dropped, then "whered" stemmed).
    expect(analyze("where'd he post that")).toEqual(['post']);
    expect(analyze("they're meeting; she'll go; we've met")).toEqual(analyze('meeting go met'));
    expect(analyze('ok so theyre meeting')).toEqual(['meet']);
    expect(analyze("Petro's visa")).toEqual(['petro', 'visa']);
  });

  it('maps abbreviation variants to one term, leaving the pronoun alone', () => {
    const us = analyze('U.S.')[0];
    expect(analyze('US')).toEqual([us]);
    expect(analyze('United States')).toEqual([us]);
    expect(analyze('USA')).toEqual([us]);
    expect(analyze('tell us')).toEqual([]);
    // Lower case, as typed on a phone: the country only after "the".
    expect(analyze('what did the us say at the un')).toEqual(analyze('What did the U.S. say at the U.N.'));
    expect(analyze('the usa and the uk')).toEqual(analyze('USA and UK'));
    expect(analyze('give us an update')).toEqual(analyze('give an update'));
    expect(analyze('U.N. Security Council')).toEqual(analyze('United Nations security council'));
    // "un" is no English word alone: the U.N. wherever it stands, not the prefix of "un-American".
    expect(analyze('who spoke at un')).toEqual(analyze('who spoke at the U.N.'));
    expect(analyze('un council review')).toEqual(analyze('U.N. council review'));
    expect(analyze('un-American')).not.toContain(analyze('U.N.')[0]);
    // "America" alone is the United States; the continents, the Americas and "Bank of America" are not.
    expect(analyze("America's top diplomat")).toEqual(analyze("the U.S.'s top diplomat"));
    expect(analyze('who represented america')).toContain(us);
    for (const v of ['North America', 'Latin America', 'South America', 'the Americas', 'Bank of America', 'the Copa America', 'Captain America'])
      expect(analyze(v), v).not.toContain(us);
    expect(analyze('In America')).toEqual([us]);
    // A question word opening the question is no name before it ("Why America…?" as readers write it).
    expect(analyze('Why America put sanctions on Petro?')).toContain(us);
    expect(analyze('What America did to Petro before')).toContain(us);
    expect(analyze('United States of America')).toEqual([us]);
    // The world wars, as readers and writers name them ("World War Infantry" is neither).
    for (const v of ['WWII', 'WW2', 'World War Two', 'the Second World War']) expect(analyze(v)).toEqual(analyze('World War II'));
    for (const v of ['WWI', 'World War One', 'the First World War']) expect(analyze(v)).toEqual(analyze('World War I'));
    expect(analyze('World War I')).not.toEqual(analyze('World War II'));
    expect(analyze('World War Infantry')).toEqual(['world', 'war', 'infantri']);
    // A world war is a war too.
    expect(analyze('after WWII')).toContain(analyze('the war')[0]);
  });

  it('reads a month abbreviated before a day as the month ("Feb. 3" is "February 3"), not elsewhere', () => {
    expect(analyze('scheduled for Feb. 3')).toEqual(analyze('scheduled for February 3'));
    expect(analyze('Sept 12, 2001')).toEqual(analyze('September 12, 2001'));
    expect(analyze('Jan. 30, 2026')).toEqual(analyze('January 30, 2026'));
    // Without a day after it, an abbreviation stays a word of its own ("Mar" is no month in "Mar Menor").
    expect(analyze('Mar Menor')).not.toEqual(analyze('March Menor'));
  });

  it('reads a month abbreviated without a day as readers type it ("in sept", "since Feb."), not a name', () => {
    expect(analyze('why was washington angry in sept')).toEqual(analyze('why was washington angry in september'));
    expect(analyze('since Feb.')).toEqual(analyze('since February'));
    expect(analyze('the Oct vote')).toEqual(analyze('the October vote'));
    // "Jan", "Jun" and "Mar" are names and words too; nothing before a capitalised word is a month.
    expect(analyze('Jan Smuts')).not.toEqual(analyze('January Smuts'));
    expect(analyze('Dec Harper')).not.toEqual(analyze('December Harper'));
  });

  it('drops indefinite pronouns: "Anything about drugs?" asks about drugs', () => {
    expect(analyze('Is there anything about drugs?')).toEqual(analyze('drugs'));
    expect(analyze('Did someone criticize Petro?')).toEqual(analyze('criticize Petro'));
  });

  it('folds accents and keeps numbers whole', () => {
    expect(analyze('Kraków')).toEqual(analyze('Krakow'));
    expect(analyze('1,230 km in 1973')).toEqual(['1230', 'km', '1973']);
  });
});

describe('analyzeWithRanges', () => {
  it('gives the original character ranges, variants as one range', () => {
    const text = 'The U.S. talks with Petro';
    const r = analyzeWithRanges(text).map((t) => text.slice(t.start, t.end));
    expect(r).toEqual(['U.S.', 'talks', 'Petro']);
  });
});

describe('splitSentences', () => {
  it('splits at end punctuation followed by a capital', () => {
    expect(sentences('One thing. Two things! Three? "Four," he said.')).toEqual(['One thing.', 'Two things!', 'Three?', '"Four," he said.']);
    // A Spanish question or exclamation opens with its mark.
    expect(sentences('Petro viaja el martes. ¿Cuándo es la reunión? ¡Mañana!')).toEqual(['Petro viaja el martes.', '¿Cuándo es la reunión?', '¡Mañana!']);
  });

  it('does not split after abbreviations, initials or months', () => {
    expect(sentences('Mr. Smith met Dr. J. Doe on Feb. 3 in the U.S. Senate. Then he left.')).toEqual([
      'Mr. Smith met Dr. J. Doe on Feb. 3 in the U.S. Senate.',
      'Then he left.',
    ]);
  });

  it('keeps reference marks with their sentence', () => {
    expect(sentences('They fled to Geneva.[citation needed] A group went to Brazil.')).toEqual([
      'They fled to Geneva.[citation needed]',
      'A group went to Brazil.',
    ]);
  });

  it('splits where a pasted text lost the space after a full stop, not in abbreviations or names', () => {
    expect(sentences('…the experts share these stories.Political leaders met in Ankara.')).toEqual([
      '…the experts share these stories.',
      'Political leaders met in Ankara.',
    ]);
    expect(sentences('She works for Amazon.com in the U.S.A. and at Node.js meetups, e.g.Berlin.')).toHaveLength(1);
  });
});

it('slugify', () => {
  expect(slugify('000_3f25df5bcd3f84e8')).toBe('000-3f25df5bcd3f84e8');
  expect(slugify('Économie: État & Marché')).toBe('economie-etat-marche');
});
