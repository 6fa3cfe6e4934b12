/**
 * Which language a text is in, for choosing its analysis (`analyze.ts`),
 * question words (`questions.ts`) and reply strings (`strings.ts`).
 *
 * Scripts decide most languages outright (Han → zh, kana → ja, Thai, Arabic,
 * Devanagari → hi, Greek, Cyrillic → ru, Hangul → ko). Latin-script text is
 * told apart by its function words (a short profile per language) and a few
 * letters only one of the languages uses (ñ, ß, ș, ı, ơ…).
 * @module
 */

/** Languages with their own analysis; anything else is analysed as English (`en`). */
const LANGUAGES = ['en', 'es', 'fr', 'de', 'pt', 'it', 'nl', 'ro', 'tr', 'vi', 'ru', 'el', 'ar', 'hi', 'zh', 'ja', 'th', 'ko'] as const;
export type Lang = (typeof LANGUAGES)[number];

/** The analysis language of a BCP 47 tag ("pt-BR" → "pt", "zh-Hant" → "zh"); unknown ones read as English. */
export function langOf(tag: string | undefined | null): Lang {
  // Most calls pass a language already worked out (every sentence read is analysed with its brief's): no parsing.
  if ((LANGUAGES as readonly (string | undefined | null)[]).includes(tag)) return tag as Lang;
  const base = (tag ?? '').trim().toLowerCase().split(/[-_]/)[0] ?? '';
  return (LANGUAGES as readonly string[]).includes(base) ? (base as Lang) : 'en';
}

/** Scripts that name their language outright, in the order they are checked. */
const SCRIPTS: [RegExp, Lang][] = [
  [/[\p{sc=Hiragana}\p{sc=Katakana}]/gu, 'ja'],
  [/\p{sc=Han}/gu, 'zh'],
  [/\p{sc=Hangul}/gu, 'ko'],
  [/\p{sc=Thai}/gu, 'th'],
  [/\p{sc=Arabic}/gu, 'ar'],
  [/\p{sc=Devanagari}/gu, 'hi'],
  [/\p{sc=Greek}/gu, 'el'],
  [/\p{sc=Cyrillic}/gu, 'ru'],
];
/** Letters outside Latin script: only then are the scripts above counted. */
const NON_LATIN = /[^\P{L}\p{sc=Latin}]/u;

/** Very common function words (and question words) of each Latin-script language. */
const PROFILES: Partial<Record<Lang, string>> = {
  en: 'the of and to in is was that for it with as by on are were which what who when how this from have has be an',
  es: 'el la de que y los las en del se por un una es con para al lo como más qué cuándo quién cuál cómo dónde cuántos fue son',
  fr: 'le la les de des et est un une du que qui dans pour en au aux sur par pas quel quelle quand où combien été sont ce pourquoi comment quoi lequel laquelle',
  de: 'der die das und ist von den mit zu im ein eine nicht auf dem des sich wer wie was wann wo welche welcher welches welchen welchem weshalb warum wieso wodurch wofür worum wessen wem wen wird wenn sein seine seiner wurde wurden sind für hat haben war waren einen einem einer auch als nach bei aus zum zur ich es sie',
  pt: 'o a os as de do da dos das e é que em um uma para com não no na qual quando quem onde quantos quantas porque foi são pelo pela',
  it: 'il di che e la per un non sono del della chi quando dove quale perché cosa quanti quante gli nel alla anche è le',
  nl: 'de het een van en is dat op te niet wie wat wanneer waar welke waarom hoeveel hoe zijn werd met voor',
  ro: 'și în de la a cu care este din pe un o ce cine când unde câți câte cum au fost pentru sunt mai',
  tr: 've bir bu da de için ile ne kim nasıl olan olarak en çok hangi kaç nerede neden mı mi',
  vi: 'của và là có những các được trong cho không người một này với ai gì nào khi đã đến năm bao nhiêu',
};
/** (A list, not a Map read entry by entry for every word of every question.) */
const PROFILE_SETS: [Lang, Set<string>][] = Object.entries(PROFILES).map(([l, s]) => [l as Lang, new Set(s.split(' '))]);

/** Letters that only one of the Latin-script languages above uses. */
const LETTERS: [RegExp, Lang][] = [
  [/[ơưđạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]/iu, 'vi'],
  [/[ışğİ]/u, 'tr'],
  [/[șțăȘȚĂ]/u, 'ro'],
  [/[ñ¿¡]/iu, 'es'],
  [/ß/u, 'de'],
  [/[ãõ]/iu, 'pt'],
];

/**
 * The language of `text`. Among Latin-script languages only `candidates` are
 * considered (all when omitted); with no evidence at all, `fallback`.
 */
export function detectLanguage(text: string, candidates?: readonly Lang[], fallback: Lang = 'en', preferred?: Lang): Lang {
  const sample = text.length > 4000 ? text.slice(0, 4000) : text;
  // The script most letters are in decides, when it names a language.
  const letters = sample.match(/\p{L}/gu)?.length ?? 0;
  if (letters && NON_LATIN.test(sample)) {
    for (const [re, lang] of SCRIPTS) {
      const n = sample.match(re)?.length ?? 0;
      if (n / letters >= 0.3) return lang;
    }
  }
  const allowed = (l: Lang) => !candidates || candidates.includes(l);
  const score = new Map<Lang, number>();
  // A word with its apostrophe ("Jacksonville'in", "l'homme") is one word: the piece after it is no function word.
  for (const w of sample.toLowerCase().match(/[\p{L}\p{M}]+(?:['’][\p{L}\p{M}]+)*/gu) ?? []) {
    for (const [lang, set] of PROFILE_SETS) if (allowed(lang) && set.has(w)) score.set(lang, (score.get(lang) ?? 0) + 1);
  }
  for (const [re, lang] of LETTERS) if (allowed(lang) && re.test(sample)) score.set(lang, (score.get(lang) ?? 0) + 2);
  // A tie goes to the preferred language (a collection's main one).
  if (preferred && score.has(preferred)) score.set(preferred, score.get(preferred)! + 0.5);
  let best: Lang | undefined;
  let bestScore = 0;
  for (const [lang, s] of score) {
    if (s > bestScore) [best, bestScore] = [lang, s];
  }
  if (best) return best;
  // A script the list does not name (Hebrew, …) or no function word at all.
  if (letters && candidates?.length === 1) return candidates[0]!;
  return fallback;
}

/** Latin-script languages (the ones told apart by function words). */
const LATIN: ReadonlySet<Lang> = new Set(['en', 'es', 'fr', 'de', 'pt', 'it', 'nl', 'ro', 'tr', 'vi']);

/**
 * The language of a question asked of a collection in `languages` (most
 * briefs first): its script's, else among the collection's Latin-script
 * languages and English by function words, else the collection's main one.
 * An English-only collection reads every Latin-script question as English.
 */
export function questionLanguage(question: string, languages: readonly Lang[]): Lang {
  const candidates = [...new Set<Lang>([...languages.filter((l) => LATIN.has(l)), 'en'])];
  const lang = detectLanguage(question, candidates, languages[0] ?? 'en', languages[0]);
  if (lang !== 'en') return lang;
  // A question plainly in a Latin-script language the collection lacks is read as that language (its
  // stop words and stems; the reply's words in it): names and numbers still find the briefs.
  const other = plainlyIn(question);
  return other && !candidates.includes(other) ? other : lang;
}

/** Common English words, one of which keeps a question English ("Tell me about El Niño"). */
const ENGLISH = new Set(
  `${PROFILES.en} a about after all also any at before but can could did do does get give had her his i if into its just know latest me more most my new news no not or our over please say said show so some tell than their them then there they up us we what's where whom whose why will would you your`.split(
    ' ',
  ),
);

/**
 * The Latin-script language a question is plainly written in: two of its function or question words
 * that are not English ones ("¿" counts as one for Spanish), and no common English word that is not
 * also one of that language's ("a" is Portuguese too: "Quando é a reunião?"). Undefined otherwise
 * ("Did Petro visit San Juan de la Cruz?", "El Niño?" stay English).
 */
function plainlyIn(question: string): Lang | undefined {
  const words = new Set(question.toLowerCase().match(/[\p{L}\p{M}]+(?:['’][\p{L}\p{M}]+)*/gu) ?? []);
  const english = [...words].filter((w) => ENGLISH.has(w));
  let best: Lang | undefined;
  let bestScore = 0;
  for (const [lang, set] of PROFILE_SETS) {
    if (lang === 'en' || english.some((w) => !set.has(w))) continue;
    let n = 0;
    for (const w of words) if (set.has(w) && !ENGLISH.has(w)) n++;
    // "¿" and "¡" open Spanish questions; a letter ("ñ", "ß") may be a name's.
    if (lang === 'es' && /[¿¡]/.test(question)) n++;
    if (n > bestScore) [best, bestScore] = [lang, n];
  }
  return bestScore >= 2 ? best : undefined;
}
