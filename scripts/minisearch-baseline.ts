/**
 * The plain MiniSearch baseline that `npm run eval` and `npm run eval:threads`
 * score beside Briefbot on the same questions.
 * @module
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import MiniSearch from 'minisearch';
import { parseBriefs } from '../src/core/brief.js';
import { readBriefFiles } from '../src/node/briefs-dir.js';

/**
 * The baseline a developer would write first: MiniSearch with default
 * options over the same passages (fields title + text), top 3 passages as
 * citations; each snippet is the passage's sentence sharing most words with
 * the question, cut to 300 characters (as the peers' "sent@1" is measured).
 * Predictions are written for the questions in `setDir` (the selected part).
 */
export function plainMiniSearch(setDir: string): string {
  const briefs = parseBriefs(readBriefFiles(join(setDir, 'briefs')));
  const docs = briefs.flatMap((b) => b.passages.map((p) => ({ id: p.id, briefId: b.id, title: b.title, text: p.text, sentences: p.sentences })));
  const byId = new Map(docs.map((d) => [d.id, d]));
  const ms = new MiniSearch({ fields: ['title', 'text'] });
  ms.addAll(docs.map(({ id, title, text }) => ({ id, title, text })));
  const tokens = (s: string) => new Set(s.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []);
  const lines: string[] = [];
  for (const line of readFileSync(join(setDir, 'questions.jsonl'), 'utf8').split('\n')) {
    if (!line.trim()) continue;
    const q = JSON.parse(line) as { id: string; question: string };
    const qt = tokens(q.question);
    const citations = ms
      .search(q.question)
      .slice(0, 3)
      .map((r) => {
        const d = byId.get(r.id as string)!;
        let best = '';
        let bestOverlap = -1;
        for (const [s, e] of d.sentences) {
          const sentence = d.text.slice(s, e);
          const overlap = [...tokens(sentence)].filter((t) => qt.has(t)).length;
          if (overlap > bestOverlap) [best, bestOverlap] = [sentence, overlap];
        }
        return { briefId: d.briefId, passageId: d.id, snippet: best.slice(0, 300), score: r.score };
      });
    lines.push(JSON.stringify({ id: q.id, answered: citations.length > 0, answer: citations[0]?.snippet ?? '', citations }));
  }
  return lines.join('\n') + '\n';
}
