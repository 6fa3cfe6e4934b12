/**
 * Stories: which briefs report the same developing story, so that the newest
 * of them answers (see `recency.ts` and `answer.ts`). Run once at build time
 * (`buildEngine`); each brief of a story of two or more gets `story`, the id
 * of the story's first brief, which travels in the packed index.
 *
 * Two briefs are linked when one names the other in `updates` / `supersedes`,
 * or when their headlines and leads share enough of the words that identify a
 * story — names and rare key words, weighed by how rare they are among the
 * headlines and leads of the whole collection — and they were published within
 * {@link StoryOptions.days} of each other. Stories are the connected groups of
 * links.
 * @module
 */
import { backgroundIdf, type Lexicon } from './lexicon.js';
import { analyze } from './text.js';
import type { Brief } from './types.js';

/** Story detection settings (chosen on the tune half of the dated threads set; see docs/tuning.md). */
export interface StoryOptions {
  /**
   * Link two briefs when the key words they share weigh at least this much
   * (cosine of their key-word sets, each word by its IDF among headlines and
   * leads, 0–1)…
   */
  threshold: number;
  /** …and they share at least this many key words. */
  minShared: number;
  /**
   * Divide the shared weight by the smaller brief's key-word weight (an
   * overlap coefficient: a short update that names the story's people links to
   * the long first report) rather than by both (cosine).
   */
  overlap: boolean;
  /** …and they are at most this many days apart (an undated brief links to any date). */
  days: number;
  /** Sentences of the first paragraph read with the headline. */
  leadSentences: number;
  /**
   * Words in more than this share of the headlines and leads say nothing about
   * which story a brief tells ("said", "company", "year"), and are left out.
   */
  maxShare: number;
}

const DEFAULT_STORY_OPTIONS: StoryOptions = { threshold: 0.35, days: 30, leadSentences: 2, maxShare: 0.01, minShared: 2, overlap: false };

/** Words in fewer briefs than this always count, whatever {@link StoryOptions.maxShare} says (small collections). */
const MIN_COMMON = 5;

/** The briefs with `story` set on those that share one (the input is not changed). */
export function assignStories(briefs: Brief[], options: Partial<StoryOptions> = {}, lexicon?: Lexicon): Brief[] {
  const groups = findStories(briefs, options, lexicon);
  return briefs.map((b, i) => {
    const { story: _old, ...rest } = b;
    const g = groups[i];
    return g === undefined ? rest : { ...rest, story: g };
  });
}

/** Per brief (same order): the id of its story's first brief, or undefined when it stands alone. */
export function findStories(briefs: Brief[], options: Partial<StoryOptions> = {}, lexicon?: Lexicon): (string | undefined)[] {
  const o = { ...DEFAULT_STORY_OPTIONS, ...options };
  const n = briefs.length;
  const parent = Array.from({ length: n }, (_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) i = parent[i] = parent[parent[i]!]!;
    return i;
  };
  const union = (a: number, b: number) => {
    const ra = find(a);
    const rb = find(b);
    if (ra !== rb) parent[Math.max(ra, rb)] = Math.min(ra, rb);
  };

  // Explicit links first.
  const position = new Map(briefs.map((b, i) => [b.id, i]));
  briefs.forEach((b, i) => {
    for (const id of b.supersedes ?? []) {
      const j = position.get(id);
      if (j !== undefined) union(i, j);
    }
  });

  // Key words of each brief: its headline and lead, analysed as the index analyses them.
  const keys = briefs.map((b) => new Set(analyze(`${b.title}. ${lead(b, o.leadSentences)}`)));
  const postings = new Map<string, number[]>();
  keys.forEach((k, i) => {
    for (const t of k) {
      let list = postings.get(t);
      if (!list) postings.set(t, (list = []));
      list.push(i);
    }
  });
  const common = Math.max(MIN_COMMON, o.maxShare * n);
  const weight = new Map<string, number>();
  // A word weighs by how rare it is among the headlines and leads and, with the lexicon, in general
  // English: in a small collection every word is rare, but "Petro" says more than "said".
  for (const [t, list] of postings) {
    if (list.length <= common && n > 1) weight.set(t, Math.log(1 + n / list.length) * (lexicon ? backgroundIdf(lexicon, t) : 1));
  }
  const mass = keys.map((k) => {
    let sum = 0;
    for (const t of k) sum += weight.get(t) ?? 0;
    return sum;
  });
  const day = briefs.map((b) => dayOf(b.date));

  // Shared weight (and count) per pair of briefs that share a key word (only rare words have postings to walk).
  const shared = new Map<number, number>();
  const count = new Map<number, number>();
  for (const [t, w] of weight) {
    const list = postings.get(t)!;
    for (let x = 0; x < list.length; x++) {
      for (let y = x + 1; y < list.length; y++) {
        const key = list[x]! * n + list[y]!;
        shared.set(key, (shared.get(key) ?? 0) + w);
        count.set(key, (count.get(key) ?? 0) + 1);
      }
    }
  }
  // Each brief joins the story of the brief before it (or of its day) that it resembles most, if
  // any resembles it enough: a thread of updates, not a web of loosely similar stories.
  const best = new Array<number>(n).fill(-1);
  const bestSim = new Array<number>(n).fill(0);
  for (const [key, w] of shared) {
    if (count.get(key)! < o.minShared) continue;
    const a = Math.floor(key / n);
    const b = key % n;
    const sim = o.overlap ? w / Math.min(mass[a]!, mass[b]!) : w / Math.sqrt(mass[a]! * mass[b]!);
    if (sim < o.threshold) continue;
    const da = day[a]!;
    const db = day[b]!;
    if (!Number.isNaN(da) && !Number.isNaN(db) && Math.abs(da - db) > o.days) continue;
    // The later of the two (undated counts as earliest) looks back to the earlier.
    const [later, before] = earlier(briefs[a]!, briefs[b]!) ? [b, a] : [a, b];
    if (sim > bestSim[later]!) {
      bestSim[later] = sim;
      best[later] = before;
    }
  }
  best.forEach((before, i) => before >= 0 && union(i, before));

  // Name each story after its first brief (earliest date, then id).
  const members = new Map<number, number[]>();
  for (let i = 0; i < n; i++) {
    const r = find(i);
    let list = members.get(r);
    if (!list) members.set(r, (list = []));
    list.push(i);
  }
  const out: (string | undefined)[] = new Array(n).fill(undefined);
  for (const list of members.values()) {
    if (list.length < 2) continue;
    const first = list.reduce((a, b) => (earlier(briefs[b]!, briefs[a]!) ? b : a));
    for (const i of list) out[i] = briefs[first]!.id;
  }
  return out;
}

/** The first sentences of a brief's first paragraph. */
function lead(b: Brief, sentences: number): string {
  const p = b.passages[0];
  if (!p) return '';
  const end = p.sentences[Math.min(sentences, p.sentences.length) - 1]?.[1] ?? p.text.length;
  return p.text.slice(0, end);
}

/** Days since 1970-01-01 of an ISO date (NaN when absent). */
export function dayOf(date: string | undefined): number {
  if (!date) return NaN;
  return Math.floor(Date.parse(date.length === 10 ? `${date}T00:00:00Z` : date.replace(' ', 'T')) / 86_400_000);
}

/** Is `a` published before `b` (undated counts as earliest; ties by id)? */
function earlier(a: Brief, b: Brief): boolean {
  const da = dayOf(a.date);
  const db = dayOf(b.date);
  const x = Number.isNaN(da) ? -Infinity : da;
  const y = Number.isNaN(db) ? -Infinity : db;
  return x < y || (x === y && a.id < b.id);
}
