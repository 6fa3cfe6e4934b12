import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runSmall, smallTable } from '../../scripts/eval-small.js';

// A kit of one set: the sample's six articles and their questions, with the kit's answer matching
// (whole words after SQuAD normalisation) written out, as the kit is not part of the repository.
const SAMPLE = resolve('tests/fixtures/eval-sample');
const kit = mkdtempSync(join(tmpdir(), 'briefbot-small-'));
mkdirSync(join(kit, 'public', 'sample'), { recursive: true });
symlinkSync(join(SAMPLE, 'briefs'), join(kit, 'public', 'sample', 'briefs'), 'dir');
writeFileSync(
  join(kit, 'public', 'sample', 'questions.jsonl'),
  readFileSync(join(SAMPLE, 'questions.jsonl'), 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.stringify({ ...JSON.parse(l), answerable: true }))
    .join('\n'),
);
writeFileSync(
  join(kit, 'metrics.mjs'),
  `const norm = (s) => s.toLowerCase().replace(/[\\p{P}\\p{S}]/gu, '').replace(/\\b(a|an|the)\\b/g, ' ').replace(/\\s+/g, ' ').trim();
export const containsAny = (text, golds) => golds.some((g) => norm(g) && (' ' + norm(text) + ' ').includes(' ' + norm(g) + ' '));\n`,
);
afterAll(() => rmSync(kit, { recursive: true, force: true }));

describe('small collections (scripts/eval-small.ts)', () => {
  it("asks each article's questions of that article alone, and of another article alone", async () => {
    const { sample } = await runSmall(kit, 'all', ['sample']);
    expect(sample).toBeDefined();
    expect(sample!.questions).toBe(166);
    expect(sample!.briefs).toBe(6);
    // Alone with its article, a question is answered, mostly from the right sentence…
    expect(sample!.falseAbstentions).toBeLessThan(10);
    expect(sample!.answerAt1).toBeGreaterThan(60);
    // …and alone with another article, it is declined.
    expect(sample!.otherDeclined).toBeGreaterThan(80);
    expect(smallTable('all', { sample: sample! })).toContain('| sample | 166 on 6 |');
  });
});
