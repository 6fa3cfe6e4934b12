/**
 * Fits the abstention model (`AnswerOptions.abstain` in src/core/answer.ts): a
 * logistic regression that tells out-of-corpus questions from answerable ones
 * by three signals of the retrieval (strength, brief coverage, best sentence
 * coverage; see `AbstentionSignals`).
 *
 *   npx tsx scripts/fit-abstention.ts [--kit ../shared/evalkit] [--part tune] [--scale 10000] [--at 0.75] \
 *     [--signals strength,coverage,sentence] [--small]
 *
 * Examples (tune part only, split by article as in scripts/split.ts):
 * - answerable: the answerable questions of squad2, newsroom, paraphrase and
 *   XQuAD English, each on its own collection;
 * - out of corpus: squad2's out-of-corpus questions (articles held back from
 *   the collection);
 * - at scale: squad2's answerable and out-of-corpus questions again, with
 *   squad2's briefs among the first `--scale` Reuters articles of the kit's
 *   `scale/` corpus (a large collection matches some words of any question).
 * - small (`--small`): newsroom's, paraphrase's and XQuAD English's answerable questions asked of
 *   their own brief alone, and out of corpus, of the next article alone (a collection of one brief;
 *   see scripts/eval-small.ts). The defaults were not fitted with these groups: with every group
 *   weighing the same, the fit declines far fewer out-of-corpus questions of the full sets.
 * Every group weighs the same in the fit. Questions another check declines
 * first (a name no brief holds) give no signals and are left out.
 *
 * `--signals` fits on some of the signals only (the others get 0): what each is worth.
 * `--languages` fits nothing: it prints, for every XQuAD language, the share of questions the
 * current defaults decline when asked of a collection that lacks their article (each part's
 * questions against the other part's briefs) — the out-of-corpus set outside English.
 * The model declines when its probability of "out of corpus" is above `--at`;
 * the printed coefficients fold that into the bias. The script prints the
 * share declined per group for both parts, and with the current defaults.
 * @module
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { declines, type AbstentionModel, type AbstentionSignals } from '../src/core/answer.js';
import { parseBriefs, type BriefFile } from '../src/core/brief.js';
import { buildEngine } from '../src/core/indexer.js';
import { readBriefFiles } from '../src/node/briefs-dir.js';
import { readLexicon } from '../src/node/lexicon.js';
import { kitMissing, prepareCorpus, workDir } from '../bench/corpora.js';
import { articlesAlone } from './eval-small.js';
import { partOf, splitKey } from './split.js';

const { values } = parseArgs({
  options: {
    kit: { type: 'string', default: '../shared/evalkit' },
    part: { type: 'string', default: 'tune' },
    scale: { type: 'string', default: '10000' },
    at: { type: 'string', default: '0.75' },
    signals: { type: 'string', default: 'strength,coverage,sentence' },
    languages: { type: 'boolean', default: false },
    small: { type: 'boolean', default: false },
  },
});
const kit = resolve(values.kit);
const missing = kitMissing(kit);
if (missing) {
  console.error(missing);
  process.exit(1);
}

interface Q {
  question: string;
  answerable: boolean;
  kind?: string;
  briefId?: string | null;
  heldBackArticle?: string | null;
}
const questions = (set: string): Q[] =>
  readFileSync(join(kit, 'public', set, 'questions.jsonl'), 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as Q);
/** The lexicon, read once for every collection built below. */
const lexicon = readLexicon();

if (values.languages) {
  for (const lang of readdirSync(join(kit, 'public', 'xquad'), { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort()) {
    const set = `xquad/${lang}`;
    const files = readBriefFiles(join(kit, 'public', set, 'briefs'));
    const qs = questions(set);
    let declined = 0;
    for (const part of ['tune', 'test'] as const) {
      const held = files.filter((f) => partOf(splitKey({ briefId: f.path.replace(/\.\w+$/, '') })) === part);
      const engine = buildEngine(parseBriefs(held), lexicon);
      for (const q of qs) if (partOf(splitKey(q)) !== part && !engine.ask(q.question, { limit: 3 }).answered) declined++;
    }
    console.log(`${lang}: ${((100 * declined) / qs.length).toFixed(1)} % of ${qs.length} questions declined when their article is not in the collection`);
  }
  process.exit(0);
}

interface Row extends AbstentionSignals {
  group: string;
  ooc: boolean;
  part: 'tune' | 'test';
  /** Declined with the current defaults. */
  declined: boolean;
}

const NEVER: AbstentionModel = { bias: -1, strength: 0, coverage: 0, sentence: 0 };
const rows: Row[] = [];

function collect(files: BriefFile[], qs: Q[], group: (q: Q) => string): void {
  const engine = buildEngine(parseBriefs(files), lexicon);
  for (const q of qs) {
    let signals: AbstentionSignals | undefined;
    engine.ask(q.question, { limit: 3 }, { abstain: NEVER, abstainBiasOther: -1, observe: (s) => (signals = { ...s }) });
    if (!signals) continue;
    const declined = !engine.ask(q.question, { limit: 3 }).answered;
    rows.push({ ...signals, group: group(q), ooc: q.kind === 'out-of-corpus', part: partOf(splitKey(q)), declined });
  }
}

const briefsOf = (set: string) => readBriefFiles(join(kit, 'public', set, 'briefs'));
const squad2 = questions('squad2').filter((q) => q.kind !== 'adversarial');
const kindOf = (suffix: string) => (q: Q) => (q.kind === 'out-of-corpus' ? 'out-of-corpus' : 'squad2') + suffix;
collect(briefsOf('squad2'), squad2, kindOf(''));
for (const set of ['newsroom', 'paraphrase', 'xquad/en'])
  collect(
    briefsOf(set),
    questions(set).filter((q) => q.answerable),
    () => set,
  );
// Small collections: each answerable question asked of its own brief alone, and of one other brief alone
// (the next article of its set): a press office with a handful of briefs.
if (values.small) {
  for (const set of ['newsroom', 'paraphrase', 'xquad/en']) {
    for (const { own, other, questions: qs } of articlesAlone(briefsOf(set), questions(set), 'all')) {
      collect([own], qs, () => `${set}@1`);
      collect(
        [other],
        qs.map((q) => ({ ...q, kind: 'out-of-corpus' })),
        () => `out-of-corpus@1`,
      );
    }
  }
}
const scale = Number(values.scale);
if (scale > 0) {
  const reuters = prepareCorpus(`reuters-${scale}`, kit, workDir());
  collect([...readBriefFiles(reuters.dir), ...briefsOf('squad2')], squad2, kindOf(`@${scale}`));
}

// Logistic regression on standardised features, every group weighing the same; plain gradient descent.
const SIGNALS = {
  strength: (r: AbstentionSignals) => Math.log(Math.min(r.strength, 5) + 0.05),
  coverage: (r: AbstentionSignals) => r.coverage,
  sentence: (r: AbstentionSignals) => r.sentence,
};
type Signal = keyof typeof SIGNALS;
const used = values.signals.split(',') as Signal[];
for (const u of used) if (!(u in SIGNALS)) throw new Error(`--signals: unknown signal "${u}" (known: ${Object.keys(SIGNALS).join(', ')})`);
const features = (r: AbstentionSignals) => used.map((u) => SIGNALS[u](r));
const train = rows.filter((r) => r.part === values.part || values.part === 'all');
const groups = [...new Set(rows.map((r) => r.group))];
const size = new Map(groups.map((g) => [g, train.filter((r) => r.group === g).length]));
const X = train.map(features);
const dims = X[0]!.length;
const mean = Array.from({ length: dims }, (_, j) => X.reduce((s, x) => s + x[j]!, 0) / X.length);
const sd = Array.from({ length: dims }, (_, j) => Math.sqrt(X.reduce((s, x) => s + (x[j]! - mean[j]!) ** 2, 0) / X.length) || 1);
const Z = X.map((x) => x.map((v, j) => (v - mean[j]!) / sd[j]!));
const w = train.map((r) => 1 / (groups.length * size.get(r.group)!));
const beta = new Array<number>(dims + 1).fill(0);
for (let it = 0; it < 20_000; it++) {
  const grad = new Array<number>(dims + 1).fill(0);
  Z.forEach((z, i) => {
    const p = 1 / (1 + Math.exp(-(beta[0]! + z.reduce((s, v, j) => s + v * beta[j + 1]!, 0))));
    const e = w[i]! * (p - (train[i]!.ooc ? 1 : 0));
    grad[0]! += e;
    z.forEach((v, j) => (grad[j + 1]! += e * v));
  });
  beta.forEach((_, j) => (beta[j]! -= 2 * grad[j]!));
}
// Back to raw features, with the decision threshold folded into the bias.
const at = Number(values.at);
const coef = mean.map((_, j) => beta[j + 1]! / sd[j]!);
const coefOf = (u: Signal) => (used.includes(u) ? coef[used.indexOf(u)]! : 0);
const model: AbstentionModel = {
  bias: beta[0]! - coef.reduce((s, c, j) => s + c * mean[j]!, 0) - Math.log(at / (1 - at)),
  strength: coefOf('strength'),
  coverage: coefOf('coverage'),
  sentence: coefOf('sentence'),
};
const round = (x: number) => Math.round(x * 1000) / 1000;
console.log(`fitted on the ${values.part} part (${train.length} questions), declining above p = ${at}:`);
console.log(JSON.stringify(Object.fromEntries(Object.entries(model).map(([k, v]) => [k, round(v)]))));
const pct = (rs: Row[], f: (r: Row) => boolean) => (rs.length ? ((100 * rs.filter(f).length) / rs.length).toFixed(1) : 'n/a');
console.log('\nshare declined (answerable: false abstentions; out-of-corpus: recall), fitted model / current defaults:');
for (const g of groups)
  console.log(
    g.padEnd(24),
    (['tune', 'test'] as const)
      .map((p) => {
        const rs = rows.filter((r) => r.group === g && r.part === p);
        return `${p} ${pct(rs, (r) => declines(model, r))} / ${pct(rs, (r) => r.declined)} (${rs.length})`;
      })
      .join('   '),
  );
