import { describe, expect, it } from 'vitest';
import { renderReport } from '../../scripts/insights.js';
import { buildReport, type QuestionRow } from '../../src/core/insights.js';

const T0 = Date.parse('2026-11-01T00:00:00Z');
const row = (id: string, question: string, answered: boolean, at: number): QuestionRow => ({
  id,
  at,
  channel: 'telegram',
  language: null,
  question,
  answered: answered ? 1 : 0,
  kind: answered ? 'answer' : 'no_answer',
  brief_ids: answered ? '["petro-trump"]' : '[]',
  passage_ids: '[]',
  strength: null,
  latency_ms: 4,
  answer: answered ? 'On Feb. 3. [1]' : null,
});

describe('npm run insights', () => {
  it('prints the report /admin shows: totals, unanswered groups, cited briefs, down-votes, channels', () => {
    const questions = [
      row('a', 'when is the vote', false, T0 + 1),
      row('b', 'vote date?', false, T0 + 2),
      row('c', 'When is Petro meeting Trump?', true, T0 + 3),
    ];
    const report = buildReport(
      questions,
      [{ answer_id: 'c', rating: 'down', comment: 'too short', at: T0 + 4, question: 'When is Petro meeting Trump?', answer: 'On Feb. 3. [1]' }],
      T0,
      T0 + 86_400_000,
      (term) => term === 'dat',
    );
    const text = renderReport(report);
    expect(text).toContain('Questions 3, answered 1 (33%), not answered 2; votes up 0, down 1; median time to answer 4 ms');
    expect(text).toContain('  2026-11-01      3 / 1');
    expect(text).toContain('     2  [vote]  "when is the vote", "vote date?"\n        no brief holds: vote');
    expect(text).toContain('     1  petro-trump');
    expect(text).toMatch(/Q: When is Petro meeting Trump\?\n\s+A: On Feb\. 3\. \[1\]\n\s+Reader: too short/);
    expect(text).toContain('  telegram       3 questions, 1 answered');
  });
});
