/**
 * What a question asks for, in languages other than English ("¿Cuándo…?" →
 * a date, "Wer…?" → a person, "多少" → a number), and what in a sentence
 * answers it (a year or month name, a number, a capitalised name, a reason
 * word). English keeps its own rules in `question.ts` and `evidence.ts`.
 * @module
 */
import type { Lang } from './detect.js';

type AskedType = 'date' | 'number' | 'person' | 'place' | 'reason';

/** Question phrases per language and type (lower case; matched on word boundaries, or anywhere for zh/ja/th). */
const TYPES: Partial<Record<Lang, Partial<Record<AskedType, string[]>>>> = {
  es: {
    date: ['cuándo', 'qué año', 'qué fecha', 'qué día', 'cuál año', 'qué mes', 'qué siglo'],
    number: ['cuántos', 'cuántas', 'cuánto', 'cuánta'],
    person: ['quién', 'quiénes', 'a quién', 'de quién'],
    place: ['dónde', 'adónde', 'qué ciudad', 'qué país'],
    reason: ['por qué'],
  },
  fr: {
    date: ['quand', 'quelle année', 'quelle date', 'quel jour', 'quel mois', 'quel siècle'],
    number: ['combien'],
    person: ['qui'],
    place: ['où', 'quelle ville', 'quel pays'],
    reason: ['pourquoi'],
  },
  de: {
    date: ['wann', 'welchem jahr', 'welches jahr', 'welchem datum', 'welchem tag', 'welchem monat', 'welchem jahrhundert', 'seit wann'],
    number: ['wie viele', 'wie viel', 'wieviele', 'wieviel'],
    person: ['wer', 'wem', 'wen', 'wessen'],
    place: ['wo', 'wohin', 'woher', 'welcher stadt', 'welchem land'],
    reason: ['warum', 'weshalb', 'wieso'],
  },
  pt: {
    date: ['quando', 'que ano', 'qual ano', 'que data', 'qual data', 'que dia', 'que mês', 'que século'],
    number: ['quantos', 'quantas', 'quanto', 'quanta'],
    person: ['quem'],
    place: ['onde', 'aonde', 'que cidade', 'que país'],
    reason: ['por que', 'por quê', 'porque'],
  },
  it: {
    date: ['quando', 'che anno', 'quale anno', 'che giorno', 'quale data'],
    number: ['quanti', 'quante', 'quanto', 'quanta'],
    person: ['chi'],
    place: ['dove'],
    reason: ['perché'],
  },
  nl: { date: ['wanneer', 'welk jaar'], number: ['hoeveel'], person: ['wie'], place: ['waar'], reason: ['waarom'] },
  ro: {
    date: ['când', 'ce an', 'care an', 'ce dată', 'ce zi', 'ce lună', 'ce secol'],
    number: ['câți', 'câte', 'cât', 'câtă', 'cati', 'cate'],
    person: ['cine', 'cui'],
    place: ['unde', 'ce oraș', 'ce țară'],
    reason: ['de ce'],
  },
  tr: {
    date: ['ne zaman', 'hangi yıl', 'hangi tarih', 'hangi gün', 'hangi ay', 'hangi yüzyıl', 'kaç yılında'],
    number: ['kaç', 'ne kadar'],
    person: ['kim', 'kime', 'kimin', 'kimi', 'kimler', 'kimdir', 'kimdi'],
    place: ['nerede', 'nereye', 'nereden', 'nerde', 'hangi şehir', 'hangi ülke'],
    reason: ['neden', 'niçin', 'niye'],
  },
  vi: {
    date: ['khi nào', 'bao giờ', 'năm nào', 'ngày nào', 'lúc nào', 'tháng nào', 'thời gian nào', 'năm bao nhiêu'],
    number: ['bao nhiêu', 'mấy'],
    person: ['ai'],
    place: ['ở đâu', 'đâu', 'nơi nào', 'thành phố nào'],
    reason: ['tại sao', 'vì sao'],
  },
  ru: {
    date: ['когда', 'в каком году', 'какого года', 'какой год', 'какая дата', 'какого числа', 'в каком веке'],
    number: ['сколько'],
    person: ['кто', 'кого', 'кому', 'кем'],
    place: ['где', 'куда', 'откуда', 'в каком городе', 'в какой стране'],
    reason: ['почему', 'зачем'],
  },
  el: {
    date: ['πότε', 'ποιο έτος', 'ποια χρονιά', 'ποια ημερομηνία', 'ποιο έτος', 'ποια ημέρα'],
    number: ['πόσα', 'πόσοι', 'πόσες', 'πόσο', 'πόση', 'πόσους', 'πόσων'],
    person: ['ποιος', 'ποιον', 'ποιου', 'ποιοι'],
    place: ['πού', 'που βρίσκεται'],
    reason: ['γιατί'],
  },
  ar: {
    date: ['متى', 'في أي عام', 'في أي سنة', 'أي عام', 'أي سنة', 'ما تاريخ', 'في أي يوم'],
    number: ['كم'],
    person: ['من هو', 'من هي', 'من هم', 'من كان', 'من كانت', 'لمن'],
    place: ['أين', 'في أي مدينة', 'في أي بلد'],
    reason: ['لماذا', 'لم'],
  },
  hi: {
    date: ['कब', 'किस वर्ष', 'किस साल', 'कौन से वर्ष', 'किस तारीख', 'किस दिन', 'किस सदी'],
    number: ['कितने', 'कितना', 'कितनी'],
    person: ['कौन', 'किसने', 'किसको', 'किसे', 'किसका', 'किसकी', 'किसके'],
    place: ['कहाँ', 'कहां', 'किस शहर', 'किस देश'],
    reason: ['क्यों'],
  },
  zh: {
    date: ['什么时候', '何时', '哪一年', '哪年', '何年', '哪天', '哪一天', '几月', '什么时间', '哪个世纪', '哪个年代', '什么年代'],
    number: ['多少', '几', '多大', '多长', '多久', '多高', '多远'],
    person: ['谁'],
    place: ['哪里', '哪儿', '在哪', '何处', '什么地方', '哪个城市', '哪个国家'],
    reason: ['为什么', '为何'],
  },
  ja: {
    date: ['いつ', '何年', '何月', '何日'],
    number: ['いくつ', '何人', 'いくら', 'どのくらい'],
    person: ['誰', 'だれ'],
    place: ['どこ'],
    reason: ['なぜ', 'どうして'],
  },
  th: {
    date: ['เมื่อไร', 'เมื่อไหร่', 'เมื่อใด', 'ปีใด', 'ปีไหน', 'ปีอะไร', 'วันที่เท่าไร', 'ช่วงใด', 'ช่วงไหน'],
    number: ['กี่', 'เท่าไร', 'เท่าไหร่', 'จำนวนเท่าใด'],
    person: ['ใคร'],
    place: ['ที่ไหน', 'ที่ใด', 'แห่งใด'],
    reason: ['ทำไม', 'เพราะอะไร'],
  },
  ko: { date: ['언제'], number: ['몇', '얼마'], person: ['누구', '누가'], place: ['어디'], reason: ['왜'] },
};

/** Languages whose words are not separated by spaces: their phrases match anywhere. */
const UNSPACED: ReadonlySet<Lang> = new Set(['zh', 'ja', 'th']);

/** Nouns in the question phrases ("year", "city"): they stay terms, a passage may say them. */
const NOUNS = new Set(
  (
    'año fecha día mes siglo ciudad país année date jour mois siècle ville pays jahr datum tag monat jahrhundert stadt land ' +
    'ano data dia mês século cidade anno giorno jaar an dată zi lună secol oraș țară yıl tarih gün ay yüzyıl şehir ülke yılında ' +
    'năm ngày tháng thời gian thành phố nơi году года год дата числа веке городе стране έτος χρονιά ημερομηνία ημέρα ' +
    'عام سنة تاريخ يوم مدينة بلد वर्ष साल तारीख दिन सदी शहर देश'
  ).split(' '),
);

/**
 * Words that ask "what", "which" or "how" without naming a type, where the
 * language's stop-word list lacks them (as "what", "which" and "how" are stop
 * words in English): Turkish question forms with a copula ("nedir" "what is",
 * "neydi" "what was"), Thai "อะไร", Vietnamese "gì", Greek "τι", Hindi
 * "क्या", and inflected forms that stem onto a question word (Russian "какие").
 */
const ASKING: Partial<Record<Lang, string>> = {
  tr: 'nedir neydi nelerdir nelerdi neler hangisi hangisidir nasıldır',
  th: 'อะไร',
  vi: 'gì',
  ru: 'какое какие каков каково какую каким каких',
  el: 'τι',
  hi: 'क्या कैसे कैसा कैसी',
};

/**
 * The words the question phrases use, per language (space-separated), less
 * their nouns, and the words of {@link ASKING}: they are stop words
 * (`stopwords.ts`), as "when" and "who" are in English.
 */
export const QUESTION_WORDS: Partial<Record<Lang, string>> = Object.fromEntries(
  Object.entries(TYPES).map(([lang, types]) => [
    lang,
    [...new Set(Object.values(types).flatMap((ps) => ps.flatMap((p) => p.split(' '))))]
      .filter((w) => !NOUNS.has(w))
      .concat(ASKING[lang as Lang]?.split(' ') ?? [])
      .join(' '),
  ]),
);

const ORDER: AskedType[] = ['date', 'number', 'person', 'place', 'reason'];

/** What a question in `lang` (not English) asks for, or 'other'. */
export function questionTypeIn(question: string, lang: Lang): AskedType | 'other' {
  const types = TYPES[lang];
  if (!types) return 'other';
  const q = ' ' + (lang === 'tr' ? question.toLocaleLowerCase('tr') : question.toLowerCase()).replace(/[^\p{L}\p{M}\p{N}]+/gu, ' ') + ' ';
  // The phrase met first in the question decides ("¿Cuántos años… cuándo…" is rare; "¿En qué año…" is a date).
  let best: AskedType | 'other' = 'other';
  let bestAt = Infinity;
  for (const type of ORDER) {
    for (const phrase of types[type] ?? []) {
      const at = UNSPACED.has(lang) ? q.indexOf(phrase) : q.indexOf(` ${phrase} `);
      if (at >= 0 && (at < bestAt || (at === bestAt && type === 'date'))) [best, bestAt] = [type, at];
    }
  }
  return best;
}

/** Month names (and their common stems) of the languages with cased Latin or Cyrillic/Greek script. */
const MONTHS =
  'enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|setiembre|octubre|noviembre|diciembre|' +
  'janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre|' +
  'januar|februar|märz|april|juni|juli|oktober|dezember|' +
  'janeiro|fevereiro|março|maio|junho|julho|setembro|outubro|novembro|dezembro|' +
  'gennaio|febbraio|aprile|maggio|giugno|luglio|settembre|ottobre|dicembre|' +
  'ianuarie|februarie|martie|aprilie|iunie|iulie|septembrie|octombrie|noiembrie|decembrie|' +
  'ocak|şubat|mart|nisan|mayıs|haziran|temmuz|ağustos|eylül|ekim|kasım|aralık|' +
  'январ\\p{L}*|феврал\\p{L}*|март\\p{L}*|апрел\\p{L}*|ма[йя]|июн\\p{L}*|июл\\p{L}*|август\\p{L}*|сентябр\\p{L}*|октябр\\p{L}*|ноябр\\p{L}*|декабр\\p{L}*|' +
  'ιανουαρ\\p{L}*|φεβρουαρ\\p{L}*|μαρτ\\p{L}*|απριλ\\p{L}*|μαΐ\\p{L}*|ιουν\\p{L}*|ιουλ\\p{L}*|αυγουστ\\p{L}*|σεπτεμβρ\\p{L}*|οκτωβρ\\p{L}*|νοεμβρ\\p{L}*|δεκεμβρ\\p{L}*|' +
  'يناير|فبراير|مارس|أبريل|مايو|يونيو|يوليو|أغسطس|سبتمبر|أكتوبر|نوفمبر|ديسمبر|' +
  'जनवरी|फ़रवरी|फरवरी|मार्च|अप्रैल|मई|जून|जुलाई|अगस्त|सितंबर|अक्टूबर|नवंबर|दिसंबर|' +
  'มกราคม|กุมภาพันธ์|มีนาคม|เมษายน|พฤษภาคม|มิถุนายน|กรกฎาคม|สิงหาคม|กันยายน|ตุลาคม|พฤศจิกายน|ธันวาคม|' +
  'tháng';

/**
 * Number words, as English's "two … twelve, twenty … fifty, hundreds, thousands, millions, dozen, half"
 * (a number spelt out answers "how many" as digits do). Words that are also common function words are
 * left out: Turkish "bir" (one, also "a"), Romanian "o" and "un" (one, also "a"), Spanish and Portuguese
 * "un"/"um", French and Italian "un"/"uno", Greek "ένα", German "ein".
 */
const NUMBER_WORDS = [
  // es
  'dos|tres|cuatro|cinco|seis|siete|ocho|nueve|diez|once|doce|veinte|treinta|cuarenta|cincuenta|cien|cientos?|mil|miles|millón|millones|docenas?|mitad',
  // fr
  'deux|trois|quatre|cinq|six|sept|huit|neuf|dix|onze|douze|vingt|trente|quarante|cinquante|cent|cents|mille|milliers?|millions?|milliards?|douzaines?|moitié',
  // de
  'zwei|drei|vier|fünf|sechs|sieben|acht|neun|zehn|elf|zwölf|zwanzig|dreißig|vierzig|fünfzig|hundert|tausend|millionen?|milliarden?|dutzend|hälfte',
  // pt
  'dois|duas|três|quatro|cinco|seis|sete|oito|nove|dez|onze|doze|vinte|trinta|quarenta|cinquenta|cem|centenas?|mil|milhares|milhão|milhões|dúzias?|metade',
  // it
  'due|tre|quattro|cinque|sei|sette|otto|nove|dieci|undici|dodici|venti|trenta|quaranta|cinquanta|cento|mille|migliaia|milioni?|dozzine?|metà',
  // nl
  'twee|drie|vier|vijf|zes|zeven|acht|negen|tien|elf|twaalf|twintig|dertig|veertig|vijftig|honderd|duizend|miljoen|miljard|dozijn|helft',
  // ro
  'doi|două|trei|patru|cinci|șase|șapte|opt|nouă|zece|douăzeci|treizeci|patruzeci|cincizeci|sută|sute|mie|mii|milioane|milion|jumătate',
  // tr
  'iki|üç|dört|beş|altı|yedi|sekiz|dokuz|on|yirmi|otuz|kırk|elli|yüz|bin|milyon|milyar|düzine|yarım|yarısı',
  // ru
  'два|две|три|четыре|пять|шесть|семь|восемь|девять|десять|одиннадцать|двенадцать|двадцать|тридцать|сорок|пятьдесят|сто|сотни|тысяч\\p{L}*|миллион\\p{L}*|миллиард\\p{L}*|дюжин\\p{L}*|половин\\p{L}*',
  // el
  'δύο|τρία|τρεις|τέσσερα|τέσσερις|πέντε|έξι|επτά|εφτά|οκτώ|οχτώ|εννέα|εννιά|δέκα|έντεκα|δώδεκα|είκοσι|τριάντα|σαράντα|πενήντα|εκατό|χίλια|χιλιάδες|εκατομμύρι\\p{L}*|δισεκατομμύρι\\p{L}*|μισό',
  // vi
  'hai|ba|bốn|sáu|bảy|tám|chín|mười|trăm|nghìn|ngàn|triệu|tỷ|tá|nửa',
].join('|');

/** Evidence per type in a sentence of any language but English. */
const EVIDENCE: Record<AskedType, RegExp> = {
  date: new RegExp(`(?<!\\p{N})(?:1\\p{N}{3}|20\\p{N}{2})(?!\\p{N})|\\p{N}+\\s*[年月日]|(?<![\\p{L}])(?:${MONTHS})(?![\\p{L}])`, 'giu'),
  number: new RegExp(`\\p{N}|(?<![\\p{L}])(?:${NUMBER_WORDS})(?![\\p{L}])`, 'giu'),
  // A capitalised word (cased scripts only), not the sentence's first.
  person: /(?<=\s)\p{Lu}[\p{L}\p{M}'’-]+/gu,
  place: /(?<=\s)\p{Lu}[\p{L}\p{M}'’-]+/gu,
  reason:
    /porque|debido a|parce que|à cause|weil|wegen|da sie|deoarece|pentru că|din cauza|çünkü|nedeniyle|yüzünden|vì|do đó|bởi|потому что|из-за|так как|επειδή|λόγω|لأن|بسبب|क्योंकि|कारण|因为|由于|เพราะ|เนื่องจาก|perché|omdat/giu,
};

/** Does `text` hold something of `type` that the question does not (its own words are `questionText`)? */
export function typeEvidenceIn(type: AskedType, text: string, questionText: string): number {
  const q = questionText.toLowerCase();
  for (const m of text.matchAll(EVIDENCE[type])) if (!q.includes(m[0].toLowerCase())) return 1;
  return 0;
}
