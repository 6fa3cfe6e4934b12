/**
 * Retrieval/answer tuning harness: builds each evaluation set once, then
 * scores settings in-process (seconds per run instead of a CLI round trip).
 * Used to choose the defaults in src/core/retrieve.ts and answer.ts — on the
 * `tune` part of each set only (split by brief, see scripts/split.ts);
 * `npm run eval` reports the `test` part, which these runs never see.
 *
 *   npx tsx scripts/tune.ts [--kit ../shared/evalkit] [--sets squad2,newsroom,paraphrase,followups] [--part tune] \
 *     '{"passageWeight":0.4}' '{"retrieve":{"boost":{"title":1}}}' ...
 *
 * Each JSON argument is one variant of the answer options (merged over the defaults);
 * `"stories": {…}` in a variant sets the story detection (`src/core/stories.ts`), which
 * runs when the index is built. The set `threads` is the dated story-thread set
 * (`evals/threads`, materialised into `.eval/threads` by `npm run eval:threads:build`);
 * its halves are the `part` of each question (split by thread).
 * @module
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { AnswerOptions } from '../src/core/answer.js';
import type { StoryOptions } from '../src/core/stories.js';
import type { Engine } from '../src/core/engine.js';
import { parseBriefs } from '../src/core/brief.js';
import { chat } from '../src/core/chat.js';
import type { FollowUpOptions } from '../src/core/conversation.js';
import { buildEngine } from '../src/core/indexer.js';
import { readLexicon } from '../src/node/lexicon.js';
import { retrieve } from '../src/core/retrieve.js';
import type { Turn } from '../src/core/types.js';
import { readBriefFiles } from '../src/node/briefs-dir.js';
import type { Line } from './eval-followups.js';
import { parsePart, selectConversations, selectPart } from './split.js';

interface Q {
  id: string;
  question: string;
  answerable: boolean;
  answers: string[];
  briefId: string | null;
  heldBackArticle?: string;
  kind: string;
}
type Variant = Partial<AnswerOptions> & { followUp?: Partial<FollowUpOptions>; stories?: Partial<StoryOptions> };

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    kit: { type: 'string', default: '../shared/evalkit' },
    sets: { type: 'string', default: 'squad2,newsroom,paraphrase,followups' },
    part: { type: 'string', default: 'tune' },
    verbose: { type: 'boolean', default: false },
  },
});
const kit = resolve(values.kit);
const part = parsePart(values.part, 'tune');
const { containsAny } = (await import(join(kit, 'metrics.mjs'))) as { containsAny: (text: string, golds: string[]) => boolean };
const pct = (x: number, n: number) => (n ? ((100 * x) / n).toFixed(1) : 'n/a');

const variants: Variant[] = positionals.length ? positionals.map((p) => JSON.parse(p)) : [{}];
for (const set of values.sets.split(',')) {
  if (set === 'threads') {
    threads();
    continue;
  }
  const dir = join(kit, 'public', set);
  const engine = buildEngine(parseBriefs(readBriefFiles(join(dir, 'briefs'))), readLexicon());
  if (set === 'followups') {
    const all: Line[] = readFileSync(join(dir, 'conversations.jsonl'), 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l));
    const lines = selectConversations(all, part);
    for (const v of variants) {
      const { followUp, ...answerTuning } = v;
      const g = { first: [0, 0], follow: [0, 0], shift: [0, 0] } as Record<string, [number, number]>;
      const histories = new Map<string, Turn[]>();
      for (const l of lines) {
        // chat() with the tuning: the engine's ask through the same intent layer the batch CLI uses.
        const history = histories.get(l.conversationId) ?? [];
        const r = chat(engine, l.question, history, { limit: 3, tuning: { ...answerTuning, ...(followUp ? { followUp } : {}) } });
        histories.set(l.conversationId, r.history);
        const key = l.turn === 1 ? 'first' : l.topicShift ? 'shift' : 'follow';
        g[key]![1]++;
        if (r.reply.citations[0] && containsAny(r.reply.citations[0].snippet, l.answers)) g[key]![0]++;
      }
      console.log(
        `followups ${part} a@1 turn1 ${pct(...g.first!)} (${g.first![1]}) follow ${pct(...g.follow!)} (${g.follow![1]}) shift ${pct(...g.shift!)} (${g.shift![1]}) ${JSON.stringify(v)}`,
      );
    }
    continue;
  }
  const qs = selectPart(
    readFileSync(join(dir, 'questions.jsonl'), 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l) as Q),
    part,
  );
  for (const v of variants) {
    let p1 = 0,
      pb1 = 0;
    let a1 = 0,
      a3 = 0,
      b1 = 0,
      ans = 0,
      abst = 0,
      abstU = 0,
      ooc = 0,
      oocAbst = 0,
      adv = 0,
      advAbst = 0,
      falseAbst = 0;
    const t0 = performance.now();
    for (const q of qs) {
      const r = engine.ask(q.question, { limit: 3 }, v);
      if (!r.answered) abst++;
      if (!q.answerable) {
        if (!r.answered) abstU++;
        if (q.kind === 'out-of-corpus') {
          ooc++;
          if (!r.answered) oocAbst++;
        }
        if (q.kind === 'adversarial') {
          adv++;
          if (!r.answered) advAbst++;
        }
        continue;
      }
      ans++;
      const hits = retrieve(engine.index, q.question, v.retrieve).hits;
      if (hits[0] && containsAny(hits[0].passage.text, q.answers)) p1++;
      if (hits[0]?.passage.briefId === q.briefId) pb1++;
      if (!r.answered) falseAbst++;
      const s = r.citations.map((c) => c.snippet);
      if (s[0] && containsAny(s[0], q.answers)) a1++;
      if (s.slice(0, 3).some((x) => containsAny(x, q.answers))) a3++;
      if (r.citations[0]?.briefId === q.briefId) b1++;
      if (values.verbose && !(s[0] && containsAny(s[0], q.answers)))
        console.error(`MISS ${q.id} ${r.answered ? '' : '(abstained) '}${q.question} | gold ${q.answers.join(' / ')} | got ${s[0]?.slice(0, 160) ?? ''}`);
    }
    console.log(
      `${set.padEnd(10)} ${part} passage@1 ${pct(p1, ans)} pbrief@1 ${pct(pb1, ans)} a@1 ${pct(a1, ans)} a@3 ${pct(a3, ans)} b@1 ${pct(b1, ans)} falseAbst ${pct(falseAbst, ans)} ` +
        `abstP ${pct(abstU, abst)} oocR ${pct(oocAbst, ooc)} advR ${pct(advAbst, adv)} (${qs.length} q, ${Math.round(performance.now() - t0)} ms) ${JSON.stringify(v)}`,
    );
  }
}

/** The dated story-thread set: per half and kind, answer@1, brief@1 and wrong-time@1 (see scripts/eval-threads.ts). */
function threads(): void {
  const dir = resolve(import.meta.dirname, '..', '.eval', 'threads');
  const threadList = JSON.parse(readFileSync(resolve(import.meta.dirname, '..', 'evals', 'threads', 'threads.json'), 'utf8')) as {
    id: string;
    briefs: string[];
  }[];
  const order = new Map(threadList.map((t) => [t.id, t.briefs]));
  const qs = readFileSync(join(dir, 'questions.jsonl'), 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as Q & { part: string; thread?: string })
    .filter((q) => values.part === 'all' || q.part === part);
  const briefs = parseBriefs(readBriefFiles(join(dir, 'briefs')));
  const engines = new Map<string, Engine>();
  for (const v of variants) {
    const { stories, ...tuning } = v;
    const key = JSON.stringify(stories ?? {});
    let engine = engines.get(key);
    if (!engine) engines.set(key, (engine = buildEngine(briefs, readLexicon(), undefined, stories)));
    const cells = new Map<string, { n: number; a1: number; b1: number; wt: number }>();
    for (const q of qs) {
      const r = engine.ask(q.question, { limit: 3 }, tuning);
      const first = r.citations[0];
      const a1 = first && containsAny(first.snippet, q.answers) ? 1 : 0;
      const at = order.get(q.thread ?? '')?.indexOf(q.briefId!) ?? -1;
      const firstAt = first ? (order.get(q.thread ?? '')?.indexOf(first.briefId) ?? -1) : -1;
      const wt = firstAt >= 0 && ((q.kind === 'latest' && firstAt < at) || (q.kind === 'older' && firstAt > at)) ? 1 : 0;
      for (const k of [q.kind, 'all']) {
        const c = cells.get(k) ?? { n: 0, a1: 0, b1: 0, wt: 0 };
        c.n++;
        c.a1 += a1;
        c.b1 += first?.briefId === q.briefId ? 1 : 0;
        c.wt += wt;
        cells.set(k, c);
      }
      if (values.verbose && !a1)
        console.error(
          `MISS ${q.kind} ${q.id} ${q.question} | gold ${q.answers.join(' / ')} (${q.briefId}) | got ${first?.briefId ?? '-'}: ${first?.snippet.slice(0, 140) ?? ''}`,
        );
    }
    const cell = (k: string) => {
      const c = cells.get(k);
      return c ? `${k} a@1 ${pct(c.a1, c.n)} b@1 ${pct(c.b1, c.n)}${k === 'latest' || k === 'older' ? ` wt ${pct(c.wt, c.n)}` : ''}` : '';
    };
    console.log(`threads    ${values.part} ${['latest', 'older', 'evergreen', 'all'].map(cell).join(' | ')} ${JSON.stringify(v)}`);
  }
}
