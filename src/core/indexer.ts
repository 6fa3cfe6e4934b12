/**
 * Build step: index briefs with MiniSearch and pack the result
 * (`packed/writer.ts`). Only build-time code imports this module (the build
 * script, the CLI, the evaluation, tests): the Worker loads packed bytes
 * (`Engine.load`) and never pulls MiniSearch in.
 * @module
 */
import MiniSearch from 'minisearch';
import { Engine, type IndexStats } from './engine.js';
import type { Lexicon } from './lexicon.js';
import { assignStories, type StoryOptions } from './stories.js';
import { packIndex } from './packed/writer.js';
import { MINISEARCH_OPTIONS, type IndexedPassage, type SerializedIndex } from './search-index.js';
import { COMPOUNDING, type Vocabulary } from './lang/compound.js';
import { langOf } from './lang/detect.js';
import { formatSynonym, type SynonymRule } from './synonyms.js';
import { analyze } from './text.js';
import { impliedNames } from './evidence.js';
import type { Brief } from './types.js';

/**
 * The text the search indexes for passage `i` of brief `b`: its own, and the words its organisations' short
 * names stand for ("The Security Council" after "the U.N. Security Council": "U.N."; see `impliedNames`).
 */
export function indexedText(b: Brief, i: number): string {
  const text = b.passages[i]!.text;
  const implied = langOf(b.lang) === 'en' ? impliedNames(b.passages, i).filter((w) => w !== undefined) : [];
  return implied.length ? `${text} ${implied.join(' ')}` : text;
}

/** Index the briefs with MiniSearch and pack the result. `meta` travels in the header. */
function packBriefs(briefs: Brief[], meta: unknown, synonyms: readonly string[]): SerializedIndex {
  // Compound words (German, Dutch) also index their pieces, where the collection uses both pieces
  // as words of their own: a first pass gathers that vocabulary.
  let known: Vocabulary | undefined;
  if (briefs.some((b) => COMPOUNDING.has(langOf(b.lang)))) {
    const vocabulary = new Set<string>();
    for (const b of briefs) {
      for (const text of [b.title, ...b.passages.flatMap((p) => [p.section ?? '', p.text])]) for (const t of analyze(text, b.lang)) vocabulary.add(t);
    }
    known = (term) => vocabulary.has(term);
  }
  // Each passage is analysed in its brief's language (MiniSearch tokenizes a document's fields as it adds it).
  let lang = 'en';
  const mini = new MiniSearch<IndexedPassage>({ ...MINISEARCH_OPTIONS, tokenize: (text) => analyze(text, lang, known) });
  let id = 0;
  for (const b of briefs) {
    lang = b.lang;
    b.passages.forEach((p, i) => mini.add({ id: id++, title: b.title, section: p.section ?? '', text: indexedText(b, i) }));
  }
  return packIndex(mini.toJSON(), briefs, meta, synonyms);
}

/**
 * Build an engine from parsed briefs (build step, CLI, evaluation, tests).
 * The result is the very engine {@link Engine.load} gives for the packed
 * bytes ({@link Engine.serialize}), so the CLI and the evaluation run what
 * the Worker runs. `synonyms`: the newsroom's (`parseSynonyms` of the folder's
 * `synonyms.txt`), kept in the index.
 *
 * @example
 * const engine = buildEngine(parseBriefs(files), lexicon);
 * const answer = engine.ask('When is Petro meeting Trump?');
 */
export function buildEngine(
  briefs: Brief[],
  lexicon: Lexicon,
  builtAt = new Date().toISOString(),
  stories?: Partial<StoryOptions>,
  synonyms?: readonly SynonymRule[],
): Engine {
  const stats: IndexStats = {
    builtAt,
    briefs: briefs.length,
    passages: briefs.reduce((n, b) => n + b.passages.length, 0),
    contentHash: hashBriefs(briefs),
  };
  // Which briefs tell the same story (see `stories.ts`): the newest of a story answers.
  return Engine.load(packBriefs(assignStories(briefs, stories, lexicon), stats, (synonyms ?? []).map(formatSynonym)), lexicon);
}

/** FNV-1a over the brief contents: a cheap, stable fingerprint for `/health`. */
function hashBriefs(briefs: Brief[]): string {
  let h = 0x811c9dc5;
  const feed = (s: string) => {
    for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  };
  for (const b of briefs) {
    feed(b.id);
    feed(b.title);
    feed(b.date ?? '');
    for (const p of b.passages) feed(p.text);
  }
  return (h >>> 0).toString(16).padStart(8, '0');
}
