import { describe, expect, it } from 'vitest';
import { datedText, formatDay, latestTopic, leansOnLatest, resolveTimes } from './recency.js';
import { findStories } from './stories.js';
import type { Brief } from './types.js';

describe('dates as a reader writes them', () => {
  it.each([
    ['2026-02-01', 'Feb. 1, 2026'],
    ['2026-03-15T10:00:00Z', 'March 15, 2026'],
    ['2025-09-30', 'Sept. 30, 2025'],
    ['2026-06-02', 'June 2, 2026'],
  ])('%s → %s (AP month style)', (iso, text) => expect(formatDay(iso)).toBe(text));
});

describe('relative time words placed on the calendar from the brief date', () => {
  // 2026-01-30 is a Friday.
  const on = (sentence: string, date = '2026-01-30') => resolveTimes(sentence, date, 1).map((t) => [t.phrase, t.date, t.end ?? null, t.label]);

  it('a weekday in a past-tense sentence is the last one on or before the brief date', () => {
    expect(on('Rubio confirmed during the exchange Friday that Petro would receive guarantees.')).toEqual([['Friday', '2026-01-30', null, 'Jan. 30, 2026']]);
    expect(on('The ministry said on Tuesday that talks had stalled.')).toEqual([['Tuesday', '2026-01-27', null, 'Jan. 27, 2026']]);
  });

  it('a weekday in a sentence about the future is the next one on or after it', () => {
    expect(on('The two leaders will meet Tuesday at the White House.')).toEqual([['Tuesday', '2026-02-03', null, 'Feb. 3, 2026']]);
  });

  it('yesterday, today, tomorrow and last/this/next week, month and year', () => {
    expect(on('He said yesterday that the strike was over, and talks resume tomorrow.')).toEqual([
      ['yesterday', '2026-01-29', null, 'Thursday, Jan. 29, 2026'],
      ['tomorrow', '2026-01-31', null, 'Saturday, Jan. 31, 2026'],
    ]);
    expect(on('The vote is expected next week, after a hearing next month.')).toEqual([
      ['next week', '2026-02-02', '2026-02-08', 'the week of Feb. 2, 2026'],
      ['next month', '2026-02-01', '2026-02-28', 'February 2026'],
    ]);
    expect(on('Output fell last year.')).toEqual([['last year', '2025-01-01', '2025-12-31', '2025']]);
  });

  it('leaves a weekday that a calendar date already places, and undated briefs, alone', () => {
    expect(on('The meeting is set for Tuesday, Feb. 10 at noon.')).toEqual([]);
    expect(resolveTimes('He spoke Friday.', undefined, 1)).toEqual([]);
  });
});

describe('questions', () => {
  it.each([
    ['When is Petro meeting Trump?', true],
    ['Was the meeting postponed?', true],
    ['Is the strike still on?', true],
    ["What's the latest on the cocoa talks?", true],
    ['Who is Rosa Villavicencio?', false],
    ['What will the two presidents talk about?', false],
  ])('%s leans on the newest brief: %s', (q, lean) => expect(leansOnLatest(q)).toBe(lean));

  it.each([
    ["What's the latest on the cocoa talks?", 'the cocoa talks'],
    ['latest news about Petro', 'Petro'],
    ['Any updates on the strike?', 'the strike'],
    ['What is the latest on Colombia', 'Colombia'],
    ["What's happening with the cocoa talks?", 'the cocoa talks'],
    ['whats going on in Colombia', 'Colombia'],
    ['What is happening?', undefined],
    ['What happened with the talks?', undefined],
    ['latest news', undefined],
    ['When is the latest flight?', undefined],
    ["What's the main news about Petro and Trump here?", 'Petro and Trump'],
    ["What's the story with the sanctions?", 'the sanctions'],
    ['Is there any news on the strike today?', 'the strike'],
    ['What is the story about?', undefined],
    ['What did the story say about Petro?', undefined],
  ])('%s → topic %s', (q, topic) => expect(latestTopic(q)).toBe(topic));
});

describe('an answer with its dates, as plain text', () => {
  it('opens with "As of", dates the earlier context and places relative words after their sentence', () => {
    const cite = (date: string) => ({ briefId: 'b', title: 'T', byline: null, date, url: null, passageId: 'b#p1', snippet: '', highlights: [], score: 1 });
    const text = datedText({
      answer: 'The meeting will now take place on Feb. 10. [1] Petro said Friday the meeting was set for Feb. 3. [2]',
      citations: [cite('2026-02-01'), cite('2026-01-30')],
      asOf: '2026-02-01',
      earlier: [2],
      times: [{ marker: 2, phrase: 'Friday', date: '2026-01-30', label: 'Jan. 30, 2026' }],
    });
    expect(text).toBe(
      'As of Feb. 1, 2026: The meeting will now take place on Feb. 10. [1] Earlier, on Jan. 30, 2026: Petro said Friday the meeting was set for Feb. 3. [2] (Friday: Jan. 30, 2026)',
    );
  });
});

describe('stories', () => {
  const brief = (id: string, date: string | undefined, title: string, lead: string, extra: Partial<Brief> = {}): Brief => ({
    id,
    title,
    ...(date ? { date } : {}),
    tags: [],
    lang: 'en',
    links: [],
    file: `${id}.md`,
    passages: [{ id: `${id}#p1`, briefId: id, n: 1, text: lead, sentences: [[0, lead.length]] }],
    ...extra,
  });
  const others = [
    brief(
      'copper',
      '2026-01-28',
      "Chile's copper output falls for a third month",
      'Copper production in Chile fell 4% in December, the statistics institute said.',
    ),
    brief('rates', '2026-01-29', 'Central bank holds rates steady', 'The central bank kept its benchmark rate at 5.25% on Thursday.'),
    brief('grain', '2026-01-31', 'Wheat exports rise on strong Asian demand', 'Wheat shipments rose 12% in January as buyers in Asia stocked up.'),
  ];
  const seed = brief(
    'seed',
    '2026-01-30',
    'Colombian President optimistic about White House meeting with Trump',
    'Colombian President Gustavo Petro said he was optimistic about a White House meeting with President Donald Trump scheduled for Feb. 3.',
  );
  const update = brief(
    'update',
    '2026-02-01',
    "Petro's White House visit pushed back a week",
    "Colombian President Gustavo Petro's White House visit has been pushed back a week. The meeting with Trump will now take place on Feb. 10.",
  );

  it('links an update to the story it follows by shared names and key words, named after its first brief', () => {
    const s = findStories([...others, seed, update]);
    expect(s).toEqual([undefined, undefined, undefined, 'seed', 'seed']);
  });

  it('does not link the same story told months apart, nor briefs that only share common words', () => {
    const late = { ...update, date: '2026-06-01' };
    expect(findStories([...others, seed, late])).toEqual([undefined, undefined, undefined, undefined, undefined]);
  });

  it('links briefs an "updates"/"supersedes" field names, whatever their words', () => {
    const followUp = brief('vote', '2026-02-05', 'Senate schedules a vote', 'Lawmakers will vote on Tuesday.', { supersedes: ['rates'] });
    expect(findStories([...others, followUp])).toEqual([undefined, 'rates', undefined, 'rates']);
  });
});
