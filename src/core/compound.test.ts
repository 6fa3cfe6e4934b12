import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseBriefs } from './brief.js';
import { askedQuestions, choiceStem, eitherReadings, joinAnswers, leansOnEarlier } from './compound.js';
import { buildEngine } from './indexer.js';
import { readLexicon } from '../node/lexicon.js';
import type { Answer } from './types.js';

const seed = buildEngine(parseBriefs([{ path: '000_3f25df5bcd3f84e8.txt', bytes: readFileSync('seeds/000_3f25df5bcd3f84e8.txt') }]), readLexicon());
const en = () => 'en';
const passageOf = (a: Answer, marker: number) => a.citations[marker - 1]!.passageId.replace(/.*#/, '');

describe('a message that asks two things', () => {
  it('reads the questions a message asks: question sentences, and clauses a question word opens after "and" or a comma', () => {
    expect(askedQuestions('When is the meeting and what will they discuss?', en)).toEqual(['When is the meeting?', 'what will they discuss?']);
    expect(askedQuestions('When is the meeting? What will they discuss?', en)).toEqual(['When is the meeting?', 'What will they discuss?']);
    expect(askedQuestions('When is Petro going to the White House, and is he nervous about it?', en)).toHaveLength(2);
    expect(askedQuestions('Who is Colombia’s foreign minister and who did she speak to?', en)).toHaveLength(2);
    // One question each: a remark beside it, a clause that only looks like a question, an alternative, a
    // relative clause, a second clause with no word of its own.
    for (const one of [
      'Petro and Trump are meeting. What is on the agenda?',
      "Who's Tommy Pigott? Never heard of him.",
      'According to Pigott, what did Rubio confirm?',
      'When John Fox left as head coach for the Broncos, who replaced him?',
      "What is the name of the Bronco's head coach, who was hired after John Fox?",
      'Who, with Jim Nantz, was a member of the lead broadcast team?',
      'What prominent South African family distilled brandy and were Huguenots?',
      'Did Trump call Petro or did Petro call Trump?',
      'Was Petro’s visa ever reinstated, and when?',
      'Is the US still worried about Colombia? about what?',
    ])
      expect(askedQuestions(one, en), one).toEqual([one]);
    // Other languages: their question sentences.
    expect(askedQuestions('¿Cuándo es la reunión? ¿De qué hablarán los presidentes?', () => 'es')).toHaveLength(2);
  });

  it('answers each when no sentence answers both, the later as a follow-up, in one reply with its markers renumbered', () => {
    for (const q of ['When is the meeting and what will they discuss?', 'When is the meeting? What will they discuss?']) {
      const a = seed.ask(q);
      expect(a.answered, q).toBe(true);
      expect(a.answer).toMatch(/Feb\. 3/);
      expect(a.answer).toMatch(/including trade/);
      // Every marker cites the passage its sentence comes from.
      for (const m of a.answer.matchAll(/(.*?)\s*\[(\d+)\]\s*/gs)) {
        const c = a.citations[Number(m[2]) - 1]!;
        expect(seed.passage(c.passageId)!.text, m[1]).toContain(m[1]!.trim().slice(0, 40));
      }
      expect(a.citations.map((c) => c.passageId.replace(/.*#/, ''))).toEqual(expect.arrayContaining(['p1', 'p6']));
    }
    // Questions that stand alone are answered each, even where the message asked whole finds one of them.
    const two = seed.ask('Who is the foreign minister? When is the meeting?');
    expect(two.answer).toMatch(/Rosa Villavicencio.*\[1\].*Feb\. 3\. \[2\]/s);
    // A question that leans on the one before is read with it only when the message asked whole is declined.
    expect(leansOnEarlier('What did she say?')).toBe(true);
    expect(leansOnEarlier('When is the meeting?')).toBe(false);
    // What none of the questions finds is declined, as asked whole.
    expect(seed.ask('What time on Feb. 3 is the meeting, and will there be a press conference after?').answered).toBe(false);
  });

  it('joins answers: a sentence said once, a passage quoted twice under one marker, the quoted passages first', () => {
    const date = seed.ask('When is the meeting?');
    const topics = seed.ask('What will they talk about?');
    const again = joinAnswers([date, date], 3);
    expect(again.answer).toBe(date.answer);
    const both = joinAnswers([date, topics], 3);
    expect(both.answer.startsWith(date.answer.replace(/\s*\[\d+\]\s*$/, ''))).toBe(true);
    const markers = [...both.answer.matchAll(/\[(\d+)\]/g)].map((m) => Number(m[1]));
    expect(new Set(markers.map((n) => passageOf(both, n))).size).toBe(new Set(markers).size);
    expect(passageOf(both, Math.max(...markers))).toBe(passageOf(topics, 1));
    // None answered: the first reply (its related briefs) stands.
    const none = seed.ask('Did Trump meet Putin?');
    expect(joinAnswers([none, { ...none, answer: 'other' }], 3)).toBe(none);
    expect(joinAnswers([none, topics], 3)).toBe(topics);
  });
});

describe('a yes-no question that offers two alternatives', () => {
  it('reads its two readings: the second alternative in the place of the phrase it parallels', () => {
    expect(eitherReadings('Is the meeting going to be at Mar-a-Lago or at the White House?')).toEqual([
      'Is the meeting going to be at Mar-a-Lago?',
      'Is the meeting going to be at the White House?',
    ]);
    expect(eitherReadings("Was it Colombia's vice president who spoke with Rubio, or the foreign minister?")).toEqual([
      "Was it Colombia's vice president who spoke with Rubio?",
      'Was it the foreign minister who spoke with Rubio?',
    ]);
    expect(eitherReadings('Was the call friendly or just tense?')).toEqual(['Was the call friendly?', 'Was the call tense?']);
    expect(eitherReadings('Did Trump call Petro or did Petro call Trump?')).toEqual(['Did Trump call Petro?', 'did Petro call Trump?']);
    // Nothing to parallel (a verb phrase of several words), no alternatives, no yes-no question.
    expect(eitherReadings('Did the US revoke his visa or impose sanctions?')).toBeNull();
    expect(eitherReadings('Did the US revoke his visa?')).toBeNull();
  });

  it('a question for something with a choice after it reads without the choice (not a list of examples)', () => {
    expect(choiceStem('Where are Petro and Trump meeting, in Bogotá or in Washington?')).toBe('Where are Petro and Trump meeting?');
    expect(choiceStem('How is Petro feeling, is he nervous or upbeat?')).toBe('How is Petro feeling?');
    expect(choiceStem("What sanctions were placed on Petro's family, like frozen assets or travel bans?")).toBeNull();
    expect(choiceStem('Where are Petro and Trump meeting?')).toBeNull();
    expect(choiceStem('Is the meeting in Bogotá or in Washington?')).toBeNull();
    expect(eitherReadings('What did Petro say or write?')).toBeNull();
  });

  it('is answered by the reading the briefs answer when, asked whole, it was declined', () => {
    // "Mar-a-Lago" is a name no brief holds: the question asked whole is declined; the brief answers the other reading.
    const q = 'Is the meeting going to be at Mar-a-Lago or at the White House?';
    expect(seed.ask('Is the meeting going to be at Mar-a-Lago?').answered).toBe(false);
    const a = seed.ask(q);
    expect(a.answered).toBe(true);
    expect(a.answer).toMatch(/White House meeting/);
    const b = seed.ask("Was it Colombia's vice president who spoke with Rubio, or the foreign minister?");
    expect(b.answer).toMatch(/Foreign Minister Rosa Villavicencio/);
    // Neither reading answered: declined.
    expect(seed.ask('Is the meeting going to be at Mar-a-Lago or at Camp David?').answered).toBe(false);
  });
});
