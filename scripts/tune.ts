/**
 * Retrieval/answer tuning harness: builds each evaluation set once, then
 * scores settings in-process (seconds per run instead of a CLI round trip).
 * Used to choose the defaults in src/core/retrieve.ts and answer.ts.
 *
 *   npx tsx scripts/tune.ts [--kit ../shared/evalkit] '{"passageWeight":0.4}' '{"retrieve":{"boost":{"title":1}}}' ...
 *
 * Each JSON argument is one variant of the answer options (merged over the defaults).
 * @module
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { AnswerOptions } from '../src/core/answer.js';
import { parseBriefs } from '../src/core/brief.js';
import { Engine } from '../src/core/engine.js';
import { readBriefFiles } from '../src/node/briefs-dir.js';
import { retrieve } from '../src/core/retrieve.js';

interface Q {
  id: string;
  question: string;
  answerable: boolean;
  answers: string[];
  briefId: string | null;
  kind: string;
}

const { values, positionals } = parseArgs({ allowPositionals: true, options: { kit: { type: 'string', default: '../shared/evalkit' }, sets: { type: 'string', default: 'squad2,newsroom' } } });
const kit = resolve(values.kit);
const { containsAny } = (await import(join(kit, 'metrics.mjs'))) as { containsAny: (text: string, golds: string[]) => boolean };

const variants: Partial<AnswerOptions>[] = positionals.length ? positionals.map((p) => JSON.parse(p)) : [{}];
for (const set of values.sets.split(',')) {
  const dir = join(kit, 'public', set);
  const engine = Engine.build(parseBriefs(readBriefFiles(join(dir, 'briefs'))));
  const qs: Q[] = readFileSync(join(dir, 'questions.jsonl'), 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l));
  for (const v of variants) {
    let p1 = 0, pb1 = 0;
    let a1 = 0, a3 = 0, b1 = 0, ans = 0, abst = 0, abstU = 0, ooc = 0, oocAbst = 0, falseAbst = 0;
    const t0 = performance.now();
    for (const q of qs) {
      const r = engine.ask(q.question, { limit: 3 }, v);
      if (!r.answered) abst++;
      if (!q.answerable) {
        if (!r.answered) abstU++;
        if (q.kind === 'out-of-corpus') { ooc++; if (!r.answered) oocAbst++; }
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
    }
    const pct = (x: number, n: number) => (n ? ((100 * x) / n).toFixed(1) : 'n/a');
    console.log(
      `${set.padEnd(9)} passage@1 ${pct(p1, ans)} pbrief@1 ${pct(pb1, ans)} a@1 ${pct(a1, ans)} a@3 ${pct(a3, ans)} b@1 ${pct(b1, ans)} falseAbst ${pct(falseAbst, ans)} ` +
        `abstP ${pct(abstU, abst)} oocR ${pct(oocAbst, ooc)} (${Math.round(performance.now() - t0)} ms) ${JSON.stringify(v)}`,
    );
  }
}
