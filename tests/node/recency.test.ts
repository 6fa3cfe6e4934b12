/**
 * News that changes (issue 17), on the dated fixtures in tests/fixtures/threads:
 * the seed's story (Jan. 30: meeting on Feb. 3), its update (Feb. 1: pushed
 * back to Feb. 10) and an unrelated brief (Feb. 2: a Chilean port strike vote).
 */
import { describe, expect, it } from 'vitest';
import { parseBriefs } from '../../src/core/brief.js';
import { chat } from '../../src/core/chat.js';
import { buildEngine } from '../../src/core/indexer.js';
import { datedText } from '../../src/core/recency.js';
import type { Brief } from '../../src/core/types.js';
import { readBriefFiles } from '../../src/node/briefs-dir.js';
import { readLexicon } from '../../src/node/lexicon.js';

const SEED = 'petro-white-house-2026-01-30';
const UPDATE = 'petro-white-house-postponed-2026-02-01';
const CHILE = 'chile-port-strike-vote-2026-02-02';
const briefs = parseBriefs(readBriefFiles('tests/fixtures/threads'));
const engine = buildEngine(briefs, readLexicon());

describe('the newest brief of a story answers', () => {
  it('finds the story at build time: the update joins the seed, the strike vote stands alone', () => {
    expect(engine.brief(SEED)!.story).toBe(SEED);
    expect(engine.brief(UPDATE)!.story).toBe(SEED);
    expect(engine.brief(CHILE)!.story).toBeUndefined();
  });

  it('"When is Petro meeting Trump?" → Feb. 10 from the update, then the earlier plan, dated', () => {
    const a = engine.ask('When is Petro meeting Trump?');
    expect(a.citations[0]!.briefId).toBe(UPDATE);
    expect(a.answer).toMatch(/^The meeting with U\.S\. President Donald Trump, first set for Feb\. 3, will now take place on Feb\. 10\. \[1\]/);
    expect(a.asOf).toBe('2026-02-01');
    const earlier = a.earlier![0]!;
    expect(a.citations[earlier - 1]!.briefId).toBe(SEED);
    expect(datedText(a)).toMatch(
      /^As of Feb\. 1, 2026: The meeting .* \[1\] Earlier, on Jan\. 30, 2026: Colombian President .* scheduled for Feb\. 3\. \[2\]$/,
    );
  });

  it.each(['What is the date of the meeting?', 'Was the meeting postponed?', 'Has the White House visit been delayed?'])(
    '"%s" is answered from the update',
    (q) => {
      const a = engine.ask(q);
      expect(a.answered).toBe(true);
      expect(a.citations[0]!.briefId).toBe(UPDATE);
      expect(a.answer.split(' [1]')[0]).toMatch(/Feb\. 10|pushed back/);
    },
  );

  it('a detail only the older brief gives still comes from it', () => {
    const a = engine.ask('What did the U.S. deputy ambassador tell the Security Council?');
    expect(a.citations[0]!.briefId).toBe(SEED);
    expect(a.answer).toMatch(/Locetta/);
    expect(a.asOf).toBe('2026-01-30');
    expect(a.earlier).toBeUndefined();
  });

  it('an unrelated brief is not pushed around by the dates', () => {
    const a = engine.ask('When will Chilean dockworkers vote on a strike?');
    expect(a.citations[0]!.briefId).toBe(CHILE);
    expect(a.answer).toMatch(/Feb\. 12/);
  });

  it('undated briefs give undated answers', () => {
    const undated = buildEngine(
      briefs.map(({ date: _d, ...b }) => b as Brief),
      readLexicon(),
    );
    expect(undated.ask('When is Petro meeting Trump?').asOf).toBeUndefined();
  });
});

describe('relative time words, placed from the brief date', () => {
  it('"said Sunday" in the Feb. 1 update is Feb. 1; "on Friday said" is Jan. 30', () => {
    const a = engine.ask('What did Petro write on X about the extra week?');
    expect(a.citations[0]!.briefId).toBe(UPDATE);
    expect(a.times).toContainEqual(expect.objectContaining({ phrase: 'Friday', date: '2026-01-30' }));
  });
});

describe('"What\'s the latest on X?"', () => {
  it('lists the newest briefs about X, newest first, each dated', () => {
    const { reply } = chat(engine, "What's the latest on Petro's White House visit?");
    expect(reply.kind).toBe('latest');
    expect(reply.citations.map((c) => c.briefId)).toEqual([UPDATE, SEED]);
    expect(reply.answer.split('\n').slice(1)).toEqual([
      expect.stringMatching(/^Feb\. 1, 2026: .* \[1\]$/),
      expect.stringMatching(/^Jan\. 30, 2026: .* \[2\]$/),
    ]);
  });
  it('"What\'s happening with X?" asks the same, and a brief that only touches on X is not news about it', () => {
    const { reply } = chat(engine, "What's happening with Petro's White House visit?");
    expect(reply.kind).toBe('latest');
    expect(reply.citations.map((c) => c.briefId)).toEqual([UPDATE, SEED]);
    // The newest brief mentions a port strike in passing; the older one is about it.
    const e = buildEngine(
      parseBriefs([
        {
          path: 'strike-2026-03-01.md',
          bytes: new TextEncoder().encode(
            '---\ndate: 2026-03-01\n---\n# Dock workers strike at San Antonio port\n\nDock workers at the port of San Antonio walked out on Monday over pay. The port strike halted container traffic, the port authority said.\n',
          ),
        },
        {
          path: 'copper-2026-03-05.md',
          bytes: new TextEncoder().encode(
            '---\ndate: 2026-03-05\n---\n# Copper prices rise\n\nCopper prices rose for a third day on strong demand from China. Traders also pointed to supply worries, among them a brief port strike in Chile last week.\n',
          ),
        },
      ]),
      readLexicon(),
    );
    const strike = chat(e, "What's happening with the dock workers' port strike?").reply;
    expect(strike.citations.map((c) => c.briefId)).toEqual(['strike-2026-03-01']);
  });

  it('a brief whose title or lead names X is news about X as a whole: its line is the lead, not the passage that names X most', () => {
    const seedOnly = buildEngine(
      briefs.filter((b) => b.id === SEED),
      readLexicon(),
    );
    // "Colombia" matches the last paragraph best ("…the former FARC guerrilla group and Colombia…"); the title's
    // "Colombian President…" is about it (a word derived from it), and so is the lead.
    for (const q of ["What's the latest on Colombia?", 'latest on petro']) {
      const { reply } = chat(seedOnly, q);
      expect(reply.citations.map((c) => c.passageId)).toEqual([`${SEED}#p1`]);
      expect(reply.answer).toMatch(/^The latest on .*\nJan\. 30, 2026: Colombian President Gustavo Petro said he was optimistic/);
    }
    // A brief neither its title nor its lead names X about: its line is the passage that answers about X.
    expect(chat(seedOnly, "What's the latest on the FARC?").reply.citations[0]!.snippet).toMatch(/^The Security Council reviews .*FARC/);
  });
});

describe('expires', () => {
  const withExpiry = (id: string, expires: string) => briefs.map((b) => (b.id === id ? { ...b, expires } : b));

  it('an expired brief answers only when nothing else does, and then says it is old', () => {
    const e = buildEngine(withExpiry(UPDATE, '2026-02-05'), readLexicon());
    const after = Date.parse('2026-03-01T00:00:00Z');
    // The seed answers now; the expired update is still cited, below it.
    const a = e.ask('When is Petro meeting Trump?', { now: after });
    expect(a.citations[0]!.briefId).toBe(SEED);
    expect(a.expired).toBeUndefined();
    // Only the expired brief speaks of the postponement: it answers, and says so. (Asked "Why did the
    // ministry say…", the Chilean brief's "The Labor Ministry said…" speaks to part of it, and answers.)
    const b = e.ask('Why was the visit pushed back?', { now: after });
    expect(b.citations[0]!.briefId).toBe(UPDATE);
    expect(b.expired).toEqual([{ marker: 1, expires: '2026-02-05' }]);
    expect(datedText(b)).toMatch(/\n\nNote: \[1\] comes from a brief that expired on Feb\. 5, 2026; it may be out of date\.$/);
    // Before it expires, it answers as any brief.
    expect(e.ask('When is Petro meeting Trump?', { now: Date.parse('2026-02-02T00:00:00Z') }).citations[0]!.briefId).toBe(UPDATE);
  });
});
