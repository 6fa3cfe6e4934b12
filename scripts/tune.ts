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
 * Each JSON argument is one variant of the answer options (merged over the defaults).
 * @module
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { AnswerOptions } from '../src/core/answer.js';
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
type Variant = Partial<AnswerOptions> & { followUp?: Partial<FollowUpOptions> };

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
