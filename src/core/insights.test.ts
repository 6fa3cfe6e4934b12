import { describe, expect, it } from 'vitest';
import { buildReport, groupQuestions, questionsCsv, reportPeriod, type FeedbackRow, type QuestionRow } from './insights.js';

const DAY = 86_400_000;
const T0 = Date.parse('2026-11-01T00:00:00Z');

function row(id: string, question: string, answered: boolean, at: number, extra: Partial<QuestionRow> = {}): QuestionRow {
  return {
    id,
    at,
    channel: 'api',
    language: null,
    question,
    answered: answered ? 1 : 0,
    kind: answered ? 'answer' : 'no_answer',
    brief_ids: answered ? '["brief-a"]' : '[]',
    passage_ids: answered ? '["brief-a#p1"]' : '[]',
    strength: answered ? 2.5 : null,
    latency_ms: 3,
    answer: answered ? 'It is on Feb. 3. [1]' : null,
    ...extra,
  };
}

describe('groupQuestions', () => {
  it('puts "when is the vote" and "vote date?" together, under the words they share', () => {
    const groups = groupQuestions([
      { question: 'when is the vote', at: 1 },
      { question: 'vote date?', at: 2 },
      { question: 'What is the weather tomorrow?', at: 3 },
    ]);
    expect(groups[0]).toEqual({ terms: ['vote'], count: 2, examples: ['when is the vote', 'vote date?'], lastAt: 2 });
    expect(groups[1]!.terms).toEqual(['tomorrow', 'weather']);
  });

  it('does not chain unrelated questions through a longer one', () => {
    const groups = groupQuestions([
      { question: 'vote', at: 1 },
      { question: 'weather', at: 2 },
      { question: 'vote weather', at: 3 },
    ]);
    // "vote weather" joins one group; "vote" and "weather" stay apart.
    expect(groups.map((g) => g.count).sort()).toEqual([1, 2]);
    expect(groups.flatMap((g) => g.terms).sort()).toEqual(['vote', 'weather']);
  });

  it('counts repeats once in the examples, most asked first, and keeps questions without topic words together', () => {
    const groups = groupQuestions([
      { question: 'Vote date?', at: 1 },
      { question: 'vote  date?', at: 2 },
      { question: 'when is the vote', at: 3 },
      { question: 'what?', at: 4 },
      { question: 'why?', at: 5 },
    ]);
    expect(groups[0]).toMatchObject({ terms: ['vote'], count: 3, examples: ['Vote date?', 'when is the vote'] });
    expect(groups[1]).toMatchObject({ terms: [], count: 2 });
  });

  it("lists, with the index's vocabulary, the words of a group's questions that no brief holds, most asked first", () => {
    const known = (t: string) => ['eas', 'tension'].includes(t);
    const [group] = groupQuestions(
      [
        { question: 'When did things calm down?', at: 1 },
        { question: 'when did things start calming down', at: 2 },
        { question: 'Did the tensions calm down?', at: 3 },
      ],
      known,
    );
    // ("tensions" is in the briefs.)
    expect(group).toMatchObject({ terms: ['calm'], count: 3, unknownWords: ['calm', 'calming', 'start'] });
    // Without it, no such list.
    expect(groupQuestions([{ question: 'When did things calm down?', at: 1 }])[0]).not.toHaveProperty('unknownWords');
  });
});

describe('buildReport', () => {
  const questions = [
    row('a', 'When is Petro meeting Trump?', true, T0 + 1000),
    row('b', 'What is the weather?', false, T0 + DAY + 5),
    row('c', 'Weather tomorrow?', false, T0 + DAY + 6, { channel: 'telegram' }),
    row('d', 'Who is the minister?', true, T0 + 2 * DAY, { brief_ids: '["brief-b","brief-a"]' }),
    row('e', 'outside the period', false, T0 + 40 * DAY),
  ];
  const feedback: FeedbackRow[] = [
    { answer_id: 'a', rating: 'down', comment: 'wrong date', at: T0 + 2000, question: questions[0]!.question, answer: questions[0]!.answer },
    { answer_id: 'd', rating: 'up', comment: null, at: T0 + 2 * DAY + 1, question: questions[3]!.question, answer: questions[3]!.answer },
  ];
  const report = buildReport(questions, feedback, T0, T0 + 3 * DAY);

  it('counts questions, answers and votes in the period', () => {
    expect(report.totals).toEqual({ questions: 4, answered: 2, unanswered: 2, answerRate: 0.5, feedback: { up: 1, down: 1 }, medianLatencyMs: 3 });
  });

  it('lists every day of the period, with zeros', () => {
    expect(report.perDay).toEqual([
      { day: '2026-11-01', questions: 1, answered: 1 },
      { day: '2026-11-02', questions: 2, answered: 0 },
      { day: '2026-11-03', questions: 1, answered: 1 },
    ]);
  });

  it('groups the unanswered, ranks the cited briefs and channels, and shows down-votes with question and answer', () => {
    expect(report.topUnanswered).toEqual([{ terms: ['weather'], count: 2, examples: ['What is the weather?', 'Weather tomorrow?'], lastAt: T0 + DAY + 6 }]);
    expect(report.topBriefs).toEqual([
      { briefId: 'brief-a', citations: 2 },
      { briefId: 'brief-b', citations: 1 },
    ]);
    expect(report.channels).toEqual([
      { channel: 'api', questions: 3, answered: 2 },
      { channel: 'telegram', questions: 1, answered: 0 },
    ]);
    expect(report.downVoted).toEqual([
      { answerId: 'a', at: new Date(T0 + 2000).toISOString(), question: 'When is Petro meeting Trump?', answer: 'It is on Feb. 3. [1]', comment: 'wrong date' },
    ]);
  });

  it('is empty but well-formed without rows', () => {
    const empty = buildReport([], [], T0, T0 + DAY);
    expect(empty.totals).toEqual({ questions: 0, answered: 0, unanswered: 0, answerRate: 0, feedback: { up: 0, down: 0 }, medianLatencyMs: null });
    expect(empty.perDay).toEqual([{ day: '2026-11-01', questions: 0, answered: 0 }]);
  });
});

describe('questionsCsv', () => {
  it('quotes commas, quotes and newlines, and defuses formulas', () => {
    const csv = questionsCsv(
      [row('a', 'Is it "big", or\nsmall?', false, T0), row('b', '=1+1', false, T0)],
      [{ answer_id: 'a', rating: 'down', comment: 'meh' }],
    );
    const lines = csv.split('\r\n');
    expect(lines[1]).toBe('a,2026-11-01T00:00:00.000Z,api,,"Is it ""big"", or\nsmall?",0,no_answer,[],[],,3,down,meh');
    expect(lines[2]).toContain(",'=1+1,");
  });
});

describe('reportPeriod', () => {
  const now = Date.parse('2026-11-29T10:00:00Z');
  it('defaults to the last 30 days up to now; a `to` date includes that day', () => {
    expect(reportPeriod(undefined, undefined, now)).toEqual({ from: Date.parse('2026-10-31T00:00:00Z'), to: now });
    expect(reportPeriod('2026-11-01', '2026-11-02', now)).toEqual({ from: Date.parse('2026-11-01T00:00:00Z'), to: Date.parse('2026-11-03T00:00:00Z') });
  });
  it('refuses malformed, reversed or overlong periods', () => {
    expect(reportPeriod('yesterday', undefined, now)).toHaveProperty('error');
    expect(reportPeriod('2026-11-05', '2026-11-01', now)).toHaveProperty('error');
    expect(reportPeriod('2020-01-01', '2026-11-01', now)).toHaveProperty('error');
  });
});
