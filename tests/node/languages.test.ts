/**
 * Briefs and readers in other languages, on real sentences: one XQuAD
 * article in eight languages (and a second in Spanish and Chinese) indexed
 * together, a mixed-language collection, asked the XQuAD questions in each
 * language (tests/fixtures/languages, CC BY-SA 4.0). The Russian brief has
 * no `lang:` and must be recognised. Answers come back from the brief in the
 * question's language, in the reader's language.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { questionType } from '../../src/core/question.js';
import { parseBriefs } from '../../src/core/brief.js';
import { chat } from '../../src/core/chat.js';
import type { Engine } from '../../src/core/engine.js';
import { detectIntent } from '../../src/core/intents.js';
import { buildEngine } from '../../src/core/indexer.js';
import { detectLanguage, questionLanguage } from '../../src/core/lang/detect.js';
import { typeEvidenceIn } from '../../src/core/lang/questions.js';
import { analyze, splitSentences } from '../../src/core/text.js';
import { readBriefFiles } from '../../src/node/briefs-dir.js';
import { readLexicon } from '../../src/node/lexicon.js';

const DIR = join(import.meta.dirname, '..', 'fixtures', 'languages');
interface Question {
  id: string;
  question: string;
  answers: string[];
  briefId: string;
}
const questions: Question[] = readFileSync(join(DIR, 'questions.jsonl'), 'utf8')
  .split('\n')
  .filter(Boolean)
  .map((l) => JSON.parse(l) as Question);
const langOf = (q: Question) => /^xquad-([a-z]+)-/.exec(q.briefId)![1]!;

/** The snippet holds a gold answer: as whole words where words are spaced, as a substring in Chinese and Thai. */
function holds(snippet: string, answers: string[], lang: string): boolean {
  const norm = (s: string) =>
    s
      .toLowerCase()
      .replace(/[\p{P}\p{S}]/gu, '')
      .replace(/\s+/g, ' ')
      .trim();
  const text = norm(snippet);
  return answers.some((a) => (lang === 'zh' || lang === 'th' ? text.includes(norm(a)) : ` ${text} `.includes(` ${norm(a)} `)));
}

let engine: Engine;
beforeAll(() => {
  engine = buildEngine(parseBriefs(readBriefFiles(DIR)), readLexicon());
});

describe('a mixed-language collection', () => {
  it('reads each brief in its language, and recognises the one without `lang:` (Russian) from its text', () => {
    expect(Object.fromEntries(engine.briefs.map((b) => [b.id, b.lang]))).toMatchObject({
      'xquad-es-01': 'es',
      'xquad-zh-05': 'zh',
      'xquad-ru-01': 'ru',
      'xquad-ar-01': 'ar',
    });
  });

  const langs = [...new Set(questions.map(langOf))];
  it.each(langs)('answers %s questions from the brief in that language, with the answer in the first snippet', (lang) => {
    const qs = questions.filter((q) => langOf(q) === lang);
    let right = 0;
    let sameBrief = 0;
    let answered = 0;
    for (const q of qs) {
      const a = engine.ask(q.question);
      if (a.answered) answered++;
      if (a.citations[0]?.briefId === q.briefId) sameBrief++;
      if (a.citations[0] && holds(a.citations[0].snippet, q.answers, lang)) right++;
      expect(a.lang).toBe(lang);
    }
    // Every brief holds the same article in another language: only the question's own language may answer.
    expect(sameBrief / qs.length).toBeGreaterThanOrEqual(0.95);
    expect(answered / qs.length).toBeGreaterThanOrEqual(0.95);
    expect(right / qs.length).toBeGreaterThanOrEqual(0.6);
  });

  it('finds the right article among two in one language (Spanish: football or complexity theory)', () => {
    const a = engine.ask('¿Qué es un problema computacional?');
    expect(a.citations[0]?.briefId).toBe('xquad-es-05');
    const b = engine.ask('¿Cuántos puntos cedió la defensa de los Panthers?');
    expect(b.citations[0]?.briefId).toBe('xquad-es-01');
    expect(b.citations[0]?.snippet).toContain('308');
  });
});

describe('replies in the reader’s language', () => {
  it('greets, thanks and helps in the language of the phrase', () => {
    expect(chat(engine, '¡Hola!').reply).toMatchObject({ kind: 'greeting', lang: 'es' });
    expect(chat(engine, '¡Hola!').reply.answer).toMatch(/^¡Hola! Respondo preguntas/);
    expect(chat(engine, 'Danke schön').reply).toMatchObject({ kind: 'thanks', lang: 'de', answer: expect.stringMatching(/^Gern geschehen/) });
    expect(chat(engine, 'مساعدة').reply).toMatchObject({ kind: 'help', lang: 'ar' });
    expect(chat(engine, '谢谢').reply.answer).toMatch(/^不客气/);
    expect(chat(engine, 'últimas noticias').reply).toMatchObject({
      kind: 'latest',
      answered: true,
      answer: expect.stringMatching(/^Los resúmenes más recientes:/),
    });
  });

  it('says "not found" in the language of the question', () => {
    const es = engine.ask('¿Quién ganó el campeonato mundial de ajedrez de Reikiavik?');
    expect(es.answered).toBe(false);
    expect(es.answer).toMatch(/^No encontré eso en los resúmenes/);
    const zh = engine.ask('谁赢得了雷克雅未克国际象棋世界冠军？');
    expect(zh.answered).toBe(false);
    expect(zh.answer).toMatch(/^我在简报中没有找到/);
  });

  it('tells a reader who asks in a language none of the briefs is in which language they are in, with the briefs its names lead to', () => {
    const english = buildEngine(parseBriefs(readBriefFiles(join(import.meta.dirname, '..', '..', 'seeds'))), readLexicon());
    const a = english.ask('¿Quién es Rubio?');
    expect(a).toMatchObject({ answered: false, lang: 'es', citations: [] });
    expect(a.answer).toBe(
      'Los resúmenes están en inglés y no puedo responder preguntas en otro idioma. Pregunta en inglés o por uno de los resúmenes relacionados.',
    );
    // "Rubio", which the Spanish stemmer makes "rubi", finds the brief in the form its English analysis gives.
    expect(a.related?.map((r) => r.briefId)).toEqual(['000-3f25df5bcd3f84e8']);
    expect(english.ask('Wer ist Rubio?').answer).toMatch(/^Die Meldungen sind auf Englisch, daher/);
    // An English word that is also the language's own ("a" is Portuguese too) does not keep a question English.
    expect(english.ask('Quando é a reunião?')).toMatchObject({ answered: false, lang: 'pt' });
    expect(english.ask('Quem é Rubio?').answer).toMatch(/^Os resumos estão em inglês/);
    // Nothing the names lead to: no related briefs to point at.
    expect(english.ask('¿Qué tiempo hace en París?').answer).toBe(
      'Los resúmenes están en inglés y no puedo responder preguntas en otro idioma. Pregunta en inglés.',
    );
    // English stays English, even with Spanish words in it.
    expect(english.ask('Did Petro visit San Juan de la Cruz?').lang).toBe('en');
    expect(english.ask('Tell me about El Niño').lang).toBe('en');
    expect(english.ask('El Niño?').lang).toBe('en');
  });

  it('marks each reply with its language, for the channels to word "Sources" in it (tests/worker/languages.spec.ts)', () => {
    expect(chat(engine, '¿Cuántos puntos cedió la defensa de los Panthers?').reply).toMatchObject({ kind: 'answer', lang: 'es' });
    expect(chat(engine, '黑豹队的防守丢了多少分？').reply).toMatchObject({ kind: 'answer', lang: 'zh' });
    expect(chat(engine, 'How many points did the Panthers defense surrender?').reply).toMatchObject({ kind: 'answer', lang: 'en' });
  });

  it('follows up in the language of the conversation: "source?" in Spanish', () => {
    const first = chat(engine, '¿Cuántos puntos cedió la defensa de los Panthers?');
    const src = chat(engine, '¿fuente?', first.history).reply;
    expect(src).toMatchObject({ kind: 'source', lang: 'es', answered: true });
    expect(src.answer).toMatch(/^Fuentes de mi respuesta a «¿Cuántos puntos/);
  });
});

describe('question types and intents in other languages', () => {
  it.each([
    ['¿Cuándo se fundó la universidad?', 'es', 'date'],
    ['¿En qué año se fundó?', 'es', 'date'],
    ['¿Cuántos puntos cedió la defensa?', 'es', 'number'],
    ['Wer sang die Nationalhymne?', 'de', 'person'],
    ['Wann fand der Super Bowl statt?', 'de', 'date'],
    ['Où se trouve le stade ?', 'fr', 'place'],
    ['Сколько очков потеряла защита?', 'ru', 'number'],
    ['متى أقيمت المباراة؟', 'ar', 'date'],
    ['黑豹队的防守丢了多少分？', 'zh', 'number'],
    ['谁演唱了国歌？', 'zh', 'person'],
    ['ใครร้องเพลงชาติ', 'th', 'person'],
    ['पैंथर्स ने कब जीता?', 'hi', 'date'],
    ['Neden kaybettiler?', 'tr', 'reason'],
    ['Maçın en değerli oyuncusu kimdi?', 'tr', 'person'],
  ] as const)('%s → %s %s', (q, lang, type) => {
    expect(detectLanguage(q, ['es', 'de', 'fr', 'tr', 'en'])).toBe(lang);
    expect(questionType(q, lang)).toBe(type);
  });

  it('reads a question by its question words too: "In welchem Jahr…", "Weshalb…" are German, in a German collection', () => {
    // "In" and "The" alone would make them English.
    expect(questionLanguage('In welchem Jahr wurde der Song „Fog on the Tyne“ veröffentlicht?', ['de'])).toBe('de');
    expect(questionLanguage('Was macht Doctor Who, wenn sein Körper tödlich verwundet wird?', ['de'])).toBe('de');
    expect(questionLanguage('Pourquoi Petro est-il optimiste ?', ['en'])).toBe('fr');
    expect(questionLanguage('Who is Petro?', ['de'])).toBe('en');
    // A Turkish ending after an apostrophe is not the English "in".
    expect(questionLanguage("2010'dan itibariyle Jacksonville'in beyaz nüfusu neydi?", ['tr'])).toBe('tr');
  });

  it('a number spelt out answers "how many" as digits do (German, Spanish, Turkish)', () => {
    const e = buildEngine(
      parseBriefs([
        {
          path: 'de.md',
          bytes: new TextEncoder().encode('---\nlang: de\n---\n# Spielbericht\n\nNorman fing Bälle im Training.\n\nNorman fing vier Bälle im Spiel.\n'),
        },
      ]),
      readLexicon(),
    );
    const q = 'Wie viele Bälle fing Norman?';
    expect(e.ask(q).answer).toMatch(/^Norman fing vier Bälle/);
    expect(e.ask(q, {}, { typeWeight: 0 }).answer).toMatch(/^Norman fing Bälle im Training/);
    expect(typeEvidenceIn('number', 'Ganó tres títulos.', '¿Cuántos títulos ganó?')).toBe(1);
    expect(typeEvidenceIn('number', 'Takım dört maç kazandı.', 'Takım kaç maç kazandı?')).toBe(1);
    expect(typeEvidenceIn('number', 'Er spielte für Denver.', 'Wie viele?')).toBe(0);
  });

  it.each([
    ['hola', 'greeting'],
    ['Buenos días', 'greeting'],
    ['gracias!', 'thanks'],
    ['ayuda', 'help'],
    ['Últimas noticias', 'latest'],
    ['¿De qué trata?', 'latest'],
    ['Zusammenfassung', 'latest'],
    ['Résumé', 'latest'],
    ['cuéntame más', 'more'],
    ['¿Fuentes?', 'source'],
    ['спасибо', 'thanks'],
    ['شكرًا', 'thanks'],
    ['धन्यवाद', 'thanks'],
    ['你好', 'greeting'],
    ['ข่าวล่าสุด', 'latest'],
  ] as const)('%s is %s', (text, intent) => {
    expect(detectIntent(text)).toBe(intent);
  });
});

describe('compound words (German)', () => {
  const de = (path: string, body: string) => ({ path, bytes: new TextEncoder().encode(`---\nlang: de\n---\n${body}`) });
  const e = () =>
    buildEngine(
      parseBriefs([
        de('a.md', '# Haushalt\n\nDie Bundesregierung beschloss den Plan am Mittwoch.\n'),
        de('b.md', '# Bayern\n\nDie Regierung in München lehnte den Plan ab.\n'),
        de('c.md', '# Kosten\n\nDer Bund zahlt die Hälfte der Kosten.\n'),
      ]),
      readLexicon(),
    );

  it('a compound also gives the words it is made of, where the collection uses them on their own', () => {
    const engine = e();
    expect(analyze('Bundesregierung', 'de')).toEqual(['bundesregier']);
    expect(analyze('Bundesregierung', 'de', engine.index.known)).toEqual(['bundesregier', 'bund', 'regier']);
    // "Haushalt" is not split: "Haus" and "Halt" are not words of this collection.
    expect(analyze('Haushalt', 'de', engine.index.known)).toEqual(['haushalt']);
    // Linking elements go: "Arbeit·s·markt".
    expect(analyze('Arbeitsmarkt', 'de', (t) => t === 'arbeit' || t === 'markt')).toEqual(['arbeitsmarkt', 'arbeit', 'markt']);
  });

  it('"die Regierung des Bundes" finds the brief about the Bundesregierung', () => {
    const a = e().ask('Was beschloss die Regierung des Bundes?');
    expect(a.citations[0]!.briefId).toBe('a');
    expect(a.answer).toMatch(/^Die Bundesregierung beschloss/);
  });
});

describe('inflected forms the stemmer leaves apart', () => {
  it('count in part in choosing the sentence when they open with the same four letters', () => {
    // "How many tackles did Luke Kuechly record?": the Snowball stemmer leaves "блокировок" (genitive plural)
    // and "блокировкам" (dative plural) apart; the sentence holding the count says the latter.
    // The two terms are also one edit apart, so `retrieve.misspellings` reads the question's as the brief's.
    const q = 'Сколько блокировок записал на свой счет Люк Кикли?';
    expect(engine.ask(q).citations[0]!.snippet).toContain('(118)');
    expect(engine.ask(q, {}, { retrieve: { misspellings: 0 } }).citations[0]!.snippet).toContain('(118)');
    expect(engine.ask(q, {}, { prefixWeight: 0 }).citations[0]!.snippet).toContain('(118)');
    expect(engine.ask(q, {}, { prefixWeight: 0, retrieve: { misspellings: 0 } }).citations[0]!.snippet).not.toContain('(118)');
  });
});

describe('Thai clauses', () => {
  it('scores a clause with the question words of the clauses around it: Thai spaces end clauses, not sentences', () => {
    // "Who led the Panthers in tackles in 2015?": the clause naming Luke Kuechly holds few of the question's
    // words, the clauses around it more; alone, another clause of the paragraph scores higher.
    const q = 'ใครคือผู้นำการแทคเกิลของแพนเธอร์สในปี 2015';
    expect(engine.ask(q).citations[0]!.snippet).toContain('ลูค คีคลี');
    expect(engine.ask(q, {}, { clauseContext: { clauses: 2, weight: 0 } }).citations[0]!.snippet).not.toContain('ลูค คีคลี');
  });
});

describe('analysis', () => {
  it('ends sentences at "।", "。", "！", "？" and "؟"', () => {
    const cut = (t: string) => splitSentences(t).map(([a, b]) => t.slice(a, b));
    expect(cut('यह पहला वाक्य है। यह दूसरा है।')).toEqual(['यह पहला वाक्य है।', 'यह दूसरा है।']);
    expect(cut('他们赢了。谁输了？我们！')).toEqual(['他们赢了。', '谁输了？', '我们！']);
    expect(cut('من فاز؟ فاز الفريق.')).toEqual(['من فاز؟', 'فاز الفريق.']);
  });

  it('does not end a sentence at an ordinal or a one-letter abbreviation in German and Turkish, nor at "EE. UU." or an Arabic initial', () => {
    const cut = (t: string, lang?: string) => splitSentences(t, lang).map(([a, b]) => t.slice(a, b));
    const de = 'Das Treffen ist für den 3. Februar geplant, z. B. im Weißen Haus. Im 17. Jahrhundert war es anders. Es endete 2:1. Danach ging es weiter.';
    expect(cut(de, 'de')).toEqual([
      'Das Treffen ist für den 3. Februar geplant, z. B. im Weißen Haus.',
      'Im 17. Jahrhundert war es anders.',
      'Es endete 2:1.',
      'Danach ging es weiter.',
    ]);
    // Untagged (or English) text keeps "…scored 21. The…" apart.
    expect(cut('He scored 21. The team won.')).toEqual(['He scored 21.', 'The team won.']);
    expect(cut('1. Dünya Savaşı 1914 yılında başladı. Sonra bitti.', 'tr')).toEqual(['1. Dünya Savaşı 1914 yılında başladı.', 'Sonra bitti.']);
    expect(cut('El presidente de EE. UU., Barack Obama, no viajó. Luego habló.', 'es')).toEqual([
      'El presidente de EE. UU., Barack Obama, no viajó.',
      'Luego habló.',
    ]);
    // An initial in a script without capitals ("فريديريك و. موت", Frederick W. Mote).
    expect(cut('كتب المؤرخ فريديريك و. موت أن المصطلح قديم. ثم تغير.', 'ar')).toEqual(['كتب المؤرخ فريديريك و. موت أن المصطلح قديم.', 'ثم تغير.']);
    // A brief's language reaches its passages, built or loaded from the packed index.
    const brief = { path: 'de.md', bytes: new TextEncoder().encode(`---\nlang: de\n---\n# Treffen\n\n${de}\n`) };
    const built = buildEngine(parseBriefs([brief]), readLexicon());
    expect(built.index.passages[0]!.sentences).toHaveLength(4);
    const loaded = (built.constructor as typeof Engine).load(built.serialize(), readLexicon());
    expect(loaded.index.passages[0]!.sentences).toEqual(built.index.passages[0]!.sentences);
  });

  it('stems with the language’s Snowball stemmer and drops its stop words', () => {
    expect(analyze('los presidentes', 'es')).toEqual(analyze('el presidente', 'es'));
    expect(analyze('der Präsidenten', 'de')).toEqual(analyze('Präsident', 'de'));
    expect(analyze('президента', 'ru')).toEqual(analyze('президент', 'ru'));
    expect(analyze('المدرسة', 'ar')).toEqual(analyze('مدرسة', 'ar'));
  });

  it('drops the words that ask "what" or "which", as English drops "what": a question matches on its topic alone', () => {
    // Turkish asks with a copula ("nedir" "what is", "neydi" "what was"); Vietnamese "gì", Greek "τι", Hindi "क्या",
    // Thai "อะไร"; Russian "какие" stems onto "как".
    expect(analyze('Saffir-Simpson skalası nedir?', 'tr')).toEqual(analyze('Saffir-Simpson skalası', 'tr'));
    expect(analyze('Fırtınanın adı neydi?', 'tr')).toEqual(analyze('Fırtınanın adı', 'tr'));
    expect(analyze('Thủ đô là gì?', 'vi')).toEqual(analyze('Thủ đô là', 'vi'));
    expect(analyze('Τι είναι η πρωτεύουσα;', 'el')).toEqual(analyze('είναι η πρωτεύουσα', 'el'));
    expect(analyze('राजधानी क्या है?', 'hi')).toEqual(analyze('राजधानी है', 'hi'));
    expect(analyze('Какие команды играли?', 'ru')).toEqual(analyze('команды играли', 'ru'));
    expect(analyze('ทีมอะไร', 'th')).toEqual(analyze('ทีม', 'th'));
  });

  it('leaves English exactly as it was (no language and "en" are the same pipeline)', () => {
    const text = 'When is Petro meeting the U.S. president? The Panthers’ defense gave up 308 points.';
    expect(analyze(text, 'en')).toEqual(analyze(text));
    expect(analyze(text, 'en-GB')).toEqual(analyze(text));
  });
});
