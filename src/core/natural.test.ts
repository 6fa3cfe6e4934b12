/**
 * Natural questions on the seed brief (tests/fixtures/natural-questions.json),
 * and one test per mechanism that bridges a reader's words and a brief's:
 * each fails when its mechanism is switched off.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DEFAULT_ANSWER_OPTIONS, evidenceWeight, type AnswerOptions } from './answer.js';
import { askedForTerms, askedRole, questionPredicates, questionType, spelledOut, withoutAsides, withoutStopWordTypos } from './question.js';
import { parseBriefs, type BriefFile } from './brief.js';
import { chat } from './chat.js';
import { buildEngine } from './indexer.js';
import { readLexicon } from '../node/lexicon.js';
import { phraseTerms, retrieve } from './retrieve.js';
import { backgroundIdf } from './lexicon.js';
import { analyze } from './text.js';
import { impliedNames } from './evidence.js';
import type { Turn } from './types.js';
import { readBriefFiles as readBriefFilesSync } from '../node/briefs-dir.js';

const file = (path: string, text: string): BriefFile => ({ path, bytes: new TextEncoder().encode(text) });
/** An engine over these brief files, with the bundled lexicon. */
const engineOf = (...files: BriefFile[]) => buildEngine(parseBriefs(files), readLexicon());
const SEED = '000-3f25df5bcd3f84e8';
const seed = engineOf({ path: '000_3f25df5bcd3f84e8.txt', bytes: readFileSync('seeds/000_3f25df5bcd3f84e8.txt') });
/** Each of `questions` is declined on the seed, and answered (with `answer`, when given) once `off` switches the check off: that check declines it. */
function declinedBy(off: Partial<AnswerOptions>, questions: string[], answer?: RegExp): void {
  for (const q of questions) {
    expect(seed.ask(q).answered, q).toBe(false);
    const a = seed.ask(q, {}, off);
    if (answer) expect(a.answer, q).toMatch(answer);
    else expect(a.answered, q).toBe(true);
  }
}

interface Natural {
  question: string;
  passage?: number;
  answer?: string;
  decline?: boolean;
  known?: boolean;
}
const { questions } = JSON.parse(readFileSync('tests/fixtures/natural-questions.json', 'utf8')) as { questions: Natural[] };

describe('natural questions on the seed brief', () => {
  const check = (q: Natural) => {
    const a = seed.ask(q.question);
    if (q.decline) {
      expect(a.answered, a.answer).toBe(false);
      expect(a.citations).toEqual([]);
      return;
    }
    expect(a.answered, `declined: ${q.question}`).toBe(true);
    expect(a.citations[0]!.passageId).toBe(`${SEED}#p${q.passage}`);
    expect(a.answer).toContain(q.answer!);
  };
  for (const q of questions) {
    if (q.known) it.fails(`(not yet) ${q.question}`, () => check(q));
    else it(`${q.question} → ${q.decline ? 'declined' : `#p${q.passage}`}`, () => check(q));
  }

  it('answers about 9 in 10 of them', () => {
    const ok = questions.filter((q) => {
      const a = seed.ask(q.question);
      return q.decline ? !a.answered : a.answered && a.citations[0]?.passageId === `${SEED}#p${q.passage}` && a.answer.includes(q.answer!);
    });
    // 18 of the first 20; the 42 questions added on 2026-11-29 (written as a reader would, before asking the
    // bot) brought it to 50 of 62, questions about what someone said (and who said it) to 52, "American" meeting "U.S." to 53, "hopeful" meeting "optimistic" to 54.
    // The 66 added on 2026-11-30 (three sets written the same way): 59 right, 113 of 128 in all. The 33 of a fourth set
    // (same day): 22 right as written; with numbers checked, speech in the passive and "since" 26, 139 of 161 in all.
    // A fifth set of 25 (same day, after those changes): 20 right as written, 21 once a request opening a message
    // ("Explain…") was told from the verb ("What did Petro want to explain?"), which also answers the fourth set's
    // "What did Petro explain to Trump?" (140 of the first 161): 161 of 186 in all. The issue's bar is about 9 in 10: this guards what is reached.
    // The eleventh session's six sets, written by helpers that saw only the brief, scored 19, 14, 18, 22, 18 and 21 of
    // 30 as written (heavier paraphrase, typos, indirect questions): 886 of 1,041 in all after its changes.
    // The twelfth session's five (a retired teacher's courtesies, a Colombian reader's "Gustavo" and "the gringos",
    // a student's analysis, two questions in one message, what things mean) and a sixth of plain, short questions
    // (23 of 30 right as written): 1,011 of 1,200 (84 %) after its changes.
    // The thirteenth session's eight (a fact-checker, a reader whose first language is not English, a business
    // analyst, a voice assistant's transcripts, a radio producer, a teenager's chat, a reader who remembers the story
    // vaguely, a reader who asks how and why): 150 right as written of 240, harder than the sets before (the teenager,
    // the vague memory and the how-and-why sets scored 16 of 30 each): 1,176 of 1,428 (82 %) after its changes.
    // 1,177 after the fourteenth session's changes ("Is the fight against the mafias… going to be on the agenda too?": topics to come).
    // That session's four sets (a diplomat's jargon, a parent and a ten-year-old, a commuter's keyword
    // queries, a reader asking what changed): 63 right as written of 120 (jargon and child's words the briefs never
    // use: "bilateral", "rapprochement", "the man in charge of America's foreign stuff"): 1,239 of 1,546 (80 %).
    // Three more of plain, everyday questions (an ordinary reader; a reader of the headline and first two paragraphs;
    // a question per paragraph in everyday synonyms): 56 of 90 as written, 58 after "the two leaders" and "prove" /
    // "unproven"; 1,289 of 1,627 (79 %). 1,298 once "How long…?" is declined when no sentence says an amount of time,
    // 1,302 once a question for who goes along with someone is declined when no passage tells of anyone going along,
    // 1,303 once the alternative of "friendly or tense?" the brief lacks does not sink the question; 1,306 with
    // "Wait," read as no word, "sit-down" as a meeting and "…talk about at the White House?" as topics to come.
    // Two more sets of plain questions (one with 12 of 30 to decline): 45 of 60 as written; 1,338 of 1,672 (80 %);
    // 1,339 once an agenda is of what is to come. Two more of plain questions (a reader checking what they remember, a reader
    // of short why / how / yes-no questions): 40 of 60 as written; 1,368 of 1,719 (80 %). Fifteenth session: four sets (a
    // retired teacher, a student of international relations, a skeptical reader, a busy reader), 81 of 120 as written,
    // 1,450 of 1,833 (79 %); four more (two ordinary readers, a reader of numbers and dates, a British reader; 14 of the
    // first set's 30 were already here), 86 of 120 as written, 89 now: 1,525 of 1,935 (78.8 %). Two more (a reader
    // checking yes-no questions with wrong details, 19 of 30 as written; lower-case phone typing, 25 of 30): 1,573 of 1,991.
    // Two more (what the story's terms mean, 20 of 30; a relaxed Midwestern reader, 16 of 30, 18 now): 1,611 of 2,046.
    // Sixteenth session: six sets (two ordinary readers, a reader with family in Colombia, an older reader who names
    // people by description, a reader of short questions, a reader asking what comes next), 130 of 180 as written, 138
    // after the session's changes: 1,753 of 2,190 (80 %).
    // Six more (a reader of the headline, a TV viewer, a reader asking who is who, a reader writing English as a second
    // language, a reader of times and order, a reader asking why and how): 124 of 180 as written, 126 now: 1,855 of 2,339; 1,861 once travelling with someone and "Which specific…" were read.
    // Seventeenth session: six sets (an ordinary reader, a phone typist, a friend's questions retold, an American
    // reader, a reader checking yes-no and either-or questions, a reader of meanings and feelings), 140 of 180 as
    // written, 143 after the session's changes: 1,990 of 2,490 (80 %). Six more (an ordinary reader, what things are
    // and who people are, questions with context first, 2 to 6 words, what people want and feel, details), 134 of 180
    // as written: 2,090 of 2,634 (79 %).
    // Eighteenth session: four sets (an ordinary reader, a reader writing simple English, a reader of order and
    // timing, a reader skimming on a phone), 92 of 120 as written, 95 after the session's changes: 2,170 of 2,725 (80 %).
    // Four more (an ordinary reader, a reader asking who people are, a reader asking why, a reader typing in a hurry),
    // 87 of 120 as written: 2,226 of 2,811 (79 %).
    // Nineteenth session: five sets (a retired teacher's precise questions, a student asking why and how, yes-no checks
    // with wrong details, a reader with strong feelings, speech transcribed), 110 of 150 as written, 115 after the
    // session's changes: 2,353 of 2,959 (79.5 %). Five more (a reader of the headline, who the people are, what comes
    // next, either-or questions, a journalist fact-checking), 112 of 150 as written, 115 now: 2,455 of 3,085 (79.6 %).
    // Five more (Spanish speakers' English, search-box queries, a skeptic, numbers and dates, names slightly wrong),
    // 103 of 150 as written, 108 now: 2,564 of 3,226 (79.5 %). Twentieth session: six sets (two ordinary readers, a
    // reader of the headline, what the terms mean, a reader who never reuses the brief's words, typos), 129 of 180 as
    // written, 132 after the session's changes: 2,668 of 3,362 (79.4 %). Six more (two ordinary readers, a reader who
    // knows little about Colombia, causes and effects, who said what, two questions in one), 145 of 180 as written:
    // 2,780 of 3,494 (79.6 %). Six more (an ordinary reader, the relationship, French and German speakers' English, what
    // each side wants, very short questions, what the story's phrases mean), 141 of 180 as written: 2,881 of 3,628 (79.4 %).
    // Twenty-first session: 2,941 once the lexicon knows how news names people and acts ("leader", "envoy", "punish",
    // "thaw"), 2,961 once a question with no word of the brief's is searched for its words' derived forms. Twelve sets
    // (four ordinary readers, the main point of each part, trade and business, "how" questions, people named by role or
    // as news names them, "So…", "Wait…", questions from memory, a teenager's, the relationship), 273 of 360 as written,
    // 287 then: 3,145 of 3,881 (81.0 %). Six more, written after the session's changes (an ordinary reader, people,
    // places and dates, a student of international relations, a skimmer, a Colombian abroad, what each person did
    // and wants), 150 of 180 as written (147 with the session's first code): 3,238 of 3,996 (81.0 %); 3,250 (81.3 %)
    // after a question for a day finds the sentence naming one (`dayFloor`) and "plan to" became an aspect word.
    // Twenty-second session: 3,273 once "phone call" is a call, a question for what is to come finds the sentence that
    // dates it (`futureFloor`) and a question about something posted reads its medium as what it asks for. Ten sets
    // (two ordinary readers, why and what people want, a phone typist, a retired teacher, what was agreed or planned, a
    // reader of simple English, "how" questions, yes-or-no checks, the background), 241 of 300 as written, 246 now, 221
    // of their questions new: 3,443 of 4,217 (81.6 %); 3,458 once "Did the US cancel Petro's visa?" is not answered with
    // the threat (`unrealizedFactor`), "Will they discuss security?" is a topic question and "When does Petro's term end?"
    // is declined. Five more, written after these changes (an ordinary reader, a radio producer, a doubter, a phone
    // typist, what each person did), 134 of 150 as written (133 with the session's first code), 138 now, 91 of their
    // questions new: 3,539 of 4,308 (82.1 %); 3,545 once a question about something posted finds where it was posted
    // from 0.4 of the best (`postedFloor`), 3,544 once the medium is asked for only when something is posted (82.3 %).
    // Twenty-third session: 3,553 once phrasal verbs mean what the phrase means ("wipe out"), "Who spoke with…?" asks
    // for a person and "What's on the agenda?" for what is talked about. Ten sets (two ordinary readers, times and order,
    // who said what, causes and consequences, informal writing, the American side, how things changed, phrasal verbs
    // and idioms, the Colombian side), 251 of 300 as written, 255 now, 224 of their questions new: 3,734 of 4,532 (82.4 %).
    // Five more, written after most of the session's changes (an ordinary reader, long questions, numbers and dates,
    // feelings and tone, "Tell me about…"), 117 of 150 as written, 118 now, 125 new: 3,829 of 4,657 (82.2 %).
    // Twenty-fourth session: 3,845 once the act a question closes on is answered (`actFloor`), a negated auxiliary or a
    // tag asks of the positive and what was posted stands for the brief's word (`postedThing`); twenty-three sets (six
    // ordinary readers, a formal register, slang, exact wording, which and what kind, negations, short questions, the UN
    // side, tags, the passive, chat noise, two questions at once, British words, choices, meanings, quoted phrases,
    // typos, relative time), 554 of 690 as written (553 with the session's first code), 579 now, 520 new: 4,260 of
    // 5,177 (82.3 %). Five more written after its changes (two ordinary readers, roles, "what if", people named
    // vaguely), 126 of 150 as written, 127 now, 100 new: 4,344 of 5,277 (82.3 %). Five more (places, yes-or-no
    // questions answered "no", what each side wants, an ordinary reader, greetings), 128 of 150 as written, 129 now,
    // 108 new: 4,433 of 5,385 (82.3 %). Five more (an ordinary reader twice, institutions, superlatives, how things
    // were done), 110 of 150 as written, 112 now, 108 new: 4,507 of 5,493 (82.0 %).
    // Twenty-fifth session: 4,521 once a role stands for the person the brief gives it (`roleNames`); six sets (two
    // ordinary readers, roles, how people described things, echo questions, the background), 140 of 180 as written,
    // 143 now, 123 new: 4,609 of 5,616 (82.1 %). 4,654 with plural roles, news usage ("crack down") and the thing
    // asked about read as its last word; six more (two ordinary readers, what comes next, who did what to whom, a
    // journalist's checks, a fan's verbs), 152 of 180 as written, 156 now, 113 new: 4,743 of 5,729 (82.8 %); 4,761
    // (83.1 %) with five more lines of news usage ("set up", "go after").
    // Twenty-sixth session: 4,763 once what a reader heard is asked as a yes-no question and spoken fillers are no
    // words, 4,828 (84.3 %) with nine more lines of news usage ("rebels", "promised", "better"); ten sets (five ordinary
    // readers, learner English, what a reader heard, a voice assistant, search-box keywords, half-remembered details),
    // 257 of 300 as written (254 with the session's first code), 271 now, 191 new: 4,990 of 5,920 (84.3 %); 4,991 once
    // a titled post typed with a typo is the post, 4,997 with four more lines of news usage ("safe", "fighting"). Four
    // more written after most of its changes (three ordinary readers, a busy reader on a phone), 115 of 120 as written
    // (113 with the session's first code), 41 new: 5,035 of 5,961 (84.5 %; 4,942 with the session's first code).
    // Twenty-seventh session: 5,072 with a remark before the question read apart, a quote required for exact words,
    // "When exactly…?" dated only by its own event, `actorFloor` and news usage ("complain", "update", "together");
    // fourteen sets (four ordinary readers, a skeptic, what things mean, a teenager, negative questions, a talkative
    // reader, a Spanish speaker, British English, single words, how and why, who and which), 344 of 421 as written,
    // 356 now, 299 new: 5,312 of 6,260 (84.9 %; 5,265 with the session's first code).
    // Twenty-eighth session: 5,332 with its changes (the article as the one who says, "what'd", "might", a titled post
    // by the search's words, news usage "summit" and "Yanks", a title as the brief writes it as the name, a phone chat
    // as a call). Eighteen sets (three ordinary readers, idioms, Indian, Brazilian, Nigerian, Australian and French
    // speakers' English, what the article says, a formal editor, comparisons, modal verbs, attribution, abstract
    // nouns, how people relate, exceptions, a Japanese reader's textbook English): 351 of 540 as written, 374 now,
    // 502 new: 5,670 of 6,762 (83.9 %; 5,626 with the session's first code); 5,676 once "proof" is being proven, 5,678
    // once "chats" are conversations.
    // Twenty-ninth session: 5,721 with its changes (news usage "business", "angry", "progress"…, a named one's mood
    // given where they speak, a topic's subject in the briefs' words). Six sets (an ordinary reader, German and Chinese
    // speakers' English, a ten-year-old, a podcast host, misspelled names): 126 of 180 as written, 130 now, 167 new:
    // 5,838 of 6,929 (84.3 %; 5,791 with the session's first code).
    // Thirtieth session: 5,852 with its changes (what a meeting will cover, "in the first place", "in sept", a change told
    // in a related word, "beef", "hopeful", the hour asked on a phone). Ten sets (ordinary readers, a phone, a
    // fact-checker, a student of international relations, Indian and Mexican readers' English, a retired teacher, a
    // skeptic, a chatty older reader): 224 of 300 with the session's first code, 235 now, 269 new: 6,057 of 7,198
    // (84.1 %; 6,036 with the session's first code); 6,107 (84.8 %) with its later changes (topics asked with words before
    // them, a passive "got", whether something happened before, news usage "backfire", "goal", "upset", "claim"…).
    // Thirty-first session: 6,125 with its changes (a rarer word's forms from its root, "coming along", "kinds of
    // topics", news usage "still", "threat", "see", "odds", "row"…). Ten sets (ordinary readers, an importer, a
    // Colombian-American, a student misspelling names, change and comparison, a commuter, a radio listener, British
    // English, feelings and tone): 240 of 300 as written, 242 now, 264 new: 6,331 of 7,462 (84.8 %); 6,334 with "how X
    // feels" typed as what X says.
    // Thirty-second session: ten sets (Nigerian and Australian English, negations and tag questions, how-questions, a
    // voice assistant's transcripts, a journalist, people and their roles, the order of events, two ordinary readers):
    // 223 of 300 as written, 263 new: 6,521 of 7,725 with the session's first code; 6,605 (85.5 %) with its changes (a
    // call "on the phone", dropping sanctions, how a thing was made known, "the lady at the UN", "big", news usage).
    // Thirty-third session: 6,694 (86.7 %) with its changes (a word the briefs lack searched for its derived forms beside
    // words they hold, a bare "un", "between the two countries").
    // Each question guards its own answer (a known miss fails loudly once right); this guards the whole.
    expect(ok.length / questions.length).toBeGreaterThanOrEqual(0.8);
  });
});

interface NaturalTurn {
  question: string;
  passage?: number;
  decline?: boolean;
  known?: boolean;
}
const { conversations } = JSON.parse(readFileSync('tests/fixtures/natural-conversations.json', 'utf8')) as { conversations: { turns: NaturalTurn[] }[] };

// Conversations a reader might have about the seed brief (written before each was tried, as the single
// questions above; docs/conversations.md): each turn is answered from the paragraph it names, with the
// conversation so far, or declined.
describe('natural conversations on the seed brief', () => {
  /** Whether each turn of a conversation is answered as the fixture says. */
  const run = (turns: NaturalTurn[]) => {
    let history: Turn[] = [];
    return turns.map((t) => {
      const { reply, history: next } = chat(seed, t.question, history);
      history = next;
      return t.decline ? reply.answered === false : reply.answered !== false && reply.citations?.[0]?.passageId === `${SEED}#p${t.passage}`;
    });
  };
  conversations.forEach(({ turns }, c) => {
    turns.forEach((t, i) => {
      const name = `${c + 1}: ${turns
        .slice(0, i + 1)
        .map((x) => x.question)
        .join(' → ')} → ${t.decline ? 'declined' : `#p${t.passage}`}`;
      const check = () => expect(run(turns.slice(0, i + 1))[i]).toBe(true);
      if (t.known) it.fails(`(not yet) ${name}`, check);
      else it(name, check);
    });
  });

  it('answers about 9 in 10 of the turns', () => {
    const results = conversations.flatMap(({ turns }) => run(turns));
    // 93 of the 105 turns of the first 44 conversations (2026-11-30, eighth session); 121 of 135 with ten more (ninth session);
    // 155 of 181 with twelve more written by a helper that saw only the brief (eleventh session: 30 of their 46 as written);
    // 182 of 225 with ten more written the same way (twelfth session: 26 of their 44 as written, 27 after its changes);
    // 183 after the thirteenth session's changes ("why does the security council even look at colombia": an "even" that stresses);
    // 237 of 322 with twenty more written the same way (fourteenth session: a phone chat's one-to-four-word follow-ups,
    // 32 of 48 as written, and a careful reader digging into each answer, 21 of 49); 238 once "Where did he post that?"
    // asked for a platform with "post" as no word to match; 239 once "the two leaders" stood for the story's parties;
    // 242 once "How long…?" was declined without an amount of time; 272 of 369 with ten more from a plain reader (26 of
    // their 47 turns as written, 30 after "Wait,", "sit-down" and "…talk about at the White House?"); 275 once "When did she
    // speak?" is elliptical; 299 of 412 with ten more from a reader on a newsroom's widget (24 of their 43 as written);
    // 300 once "When did Locetta speak?" is read so too; 302 once a follow-up whose other words are the conversation's is
    // elliptical (fifteenth session); 391 of 596 with forty more (fifteenth session: a reader on a lunch break, one who
    // asks broadly then narrows down, one who connects things across the story, an older reader who refers back loosely:
    // 84 of their 184 turns as written, 89 after the session's changes). The share is what is reached: these are harder.
    // 445 of 694 with twenty more (a reader who keeps asking why and corrects themselves, 21 of 49 as written; a
    // student preparing a presentation, 29 of 49, 32 after "in this story" and "the main point" were read); 490 of 767 with
    // twenty more, 488 once a concession is an aside only as a mood or a thing (a widget chat with small talk, whose "hi" and "thanks, bye" are left out here: 16 of its 30 questions as
    // written; a reader switching between people, 24 of 43).
    // 551 of 850 with twenty more (sixteenth session: an ordinary reader, 27 of 41 as written, 28 now; a reader typing terse
    // follow-ups on a phone, 25 of 42).
    // 609 of 938 with twenty more (a reader who starts broad and drills down, 24 of 47, 25 now; a reader moving between
    // people, 29 of 41).
    // 663 of 1,023 with twenty more (seventeenth session: an ordinary reader, 23 of 41 as written, 24 now; a reader
    // chatting on a phone in short lower-case messages, 26 of 44). 716 of 1,109 with twenty more (an ordinary reader,
    // 29 of 42, 30 once "Who was the speaker?" was read; a reader who keeps asking why and what about, 23 of 44).
    // 787 of 1,198 with twenty more (eighteenth session: an ordinary reader, 24 of 42 as written, 25 now; a reader who
    // starts broad and narrows down, 31 of 47, 34 now). 850 of 1,289 with twenty more (an ordinary reader, 30 of 43; a
    // reader jumping between topics and back, 32 of 48). 945 of 1,417 with thirty more (nineteenth session: short
    // follow-ups on a phone, 31 of 45; who said what, 36 of 42; off the brief first and back, 25 of 41). 1,029 of 1,553
    // with thirty more (an ordinary reader, 29 of 44; "why?" and "and then?", 26 of 45, 27 now; pronouns, 28 of 47).
    // 1,120 of 1,685 with thirty more (checking details, 32 of 44, 33 now; "tell me more", 17 of 42, 18 now; a student
    // going through the parties, 39 of 46); 1,124 after the session's last changes. 1,223 of 1,774 with twenty more
    // (twentieth session: an ordinary reader, 30 of 45 as written, 34 now; a reader in their own words, 21 of 44, 24 now).
    // 1,287 of 1,860 with twenty more (an ordinary reader, 28 of 41; short checks of each answer, 31 of 45, 32 now).
    // 1,358 of 1,949 with twenty more (an ordinary reader, 29 of 43, 31 now; the story in time order, 32 of 46); 1,362
    // after the session's last changes. 1,382 once the lexicon knows how news names people and acts, 1,405 once a
    // question with no word of the brief's is searched for its words' derived forms; 1,522 of 2,125 with forty more
    // (twenty-first session: two ordinary readers, 33 of 44 and 28 of 42 as written, 35 and 28 now; related details of
    // the same people, 36 of 49, 35 now; people named as news names them, 16 of 41, 19 now). 1,603 of 2,210 with
    // twenty more written after the session's changes (an ordinary reader, 32 of 43, 30 with the session's first code;
    // a reader who follows one person with "he" and "she", 32 of 42); 1,608 once "Why does she think it backfired?" is
    // answered with the last answer, as an echo is; 1,611 with `dayFloor`, 1,614 once "What's her name?" asks who she is.
    // Twenty-second session: 1,618 with its changes; 1,744 of 2,383 with forty more (two ordinary readers, 34 of 43 and
    // 26 of 45 as written, 34 and 27 now; short follow-ups, 26 of 42, 29 now; a topic followed up and left, 34 of 43, 36 now).
    // 1,807 of 2,472 with twenty more written after most of the session's changes (an ordinary reader, 30 of 44, 31 now;
    // a reader who follows one person with "he" and "she", 28 of 45) and its last changes; 1,808 with `postedFloor`.
    // Twenty-third session: 1,949 of 2,655 with forty more (two ordinary readers, 31 of 43 and 34 of 44; questions about
    // what an answer named, 37 of 49, 38 now; a broad opening narrowed down, 32 of 47, 34 now); 2,015 of 2,745 with
    // twenty more written after most of its changes (an ordinary reader, 29 of 42; corrections, 37 of 48).
    // Twenty-fourth session: 2,021 with its changes; 2,273 of 3,060 with seventy more (252 of 315 as written); 2,339 of
    // 3,151 with twenty more written after its changes (66 of 91); 2,406 of 3,243 with twenty more (67 of 92); 2,473
    // of 3,330 with twenty more (66 of 87). Twenty-fifth session: 2,477 with `roleNames`; 2,532 of 3,417 with twenty
    // more (55 of 87); 2,549 with plural roles and news usage; 2,603 of 3,502 with twenty more (53 of 85, 54 now);
    // 2,610 with five more lines of news usage. Twenty-sixth session: 2,655 with nine more lines of news usage; 2,783 of
    // 3,673 with forty more (two ordinary readers, 37 of 45 and 31 of 41; learner English, 27 of 42; a phone, 29 of 43
    // as written, 33 now); 2,800 with four more lines of news usage ("Who else got hit besides him?"); 2,869 of 3,758
    // with twenty more written after them (an ordinary reader, 34 of 43, 36 now; a reader who follows up on what the
    // answer mentioned, 32 of 42, 33 now). Twenty-seventh session: 2,937 with its changes (exact words quoted, "What was
    // he reacting to?" as "why", `actorFloor`); 3,135 of 4,018 with sixty more (two ordinary readers, a skeptic, the
    // same asked of each party, a teenager, the order of events: 192 of 260 as written, 198 now).
    // Twenty-eighth session: 3,140 with its changes; 3,296 of 4,262 with sixty more (two ordinary readers, idioms,
    // hypothetical follow-ups, an ordinary reader and a Colombian mixing in Spanish: 154 of 244 as written, 156 now);
    // 3,298 with "proof". Twenty-ninth session: 3,314 with its changes; 3,380 of 4,348 with twenty more (an ordinary
    // reader, numbers and time spans: 66 of 86 as written, the same now).
    // Thirtieth session: 3,389 with its changes; 3,523 of 4,528 with forty more (two ordinary readers, a reader coming
    // back to earlier topics, terse follow-ups on a phone: 130 of 180 with the session's first code, 134 then); 3,557
    // with its later changes. Thirty-first session: 3,573 with its changes; 3,689 of 4,708 with forty more (two
    // ordinary readers, pronouns, a broad question narrowed down: 115 of 180 as written, 116 now). Thirty-second
    // session: 3,806 of 4,870 with forty more (two ordinary readers, clarifying the last answer, a skeptic: 116 of 162
    // as written) and its first code; 3,837 with its changes. Thirty-third session: 3,874 with its changes.
    expect(results.filter(Boolean).length / results.length).toBeGreaterThanOrEqual(0.69);
  });
});

describe('each mechanism changes the answer', () => {
  const none = { derived: 0, synonym: 0, similar: 0, hypernym: 0 };

  it('related words from the lexicon: "worried" meets "concerned"', () => {
    const q = 'What is the US worried about?';
    expect(seed.ask(q).answer).toMatch(/deeply concerned/);
    expect(seed.index.lexicon.related(analyze('worried')[0]!).synonym).toContain('concern');
    // Without the lexicon the question's "worried" is a word no brief holds.
    expect(seed.ask(q, {}, { linkWeight: none }).answered).toBe(false);
  });

  it('an adjective of the same term lends its relations: "hopeful" (the term "hope") meets "optimistic"', () => {
    expect(seed.index.lexicon.related(analyze('hopeful')[0]!).similar).toContain(analyze('optimistic')[0]);
    expect(seed.ask('Is Petro hopeful about the meeting?').answer).toMatch(/^Colombian President Gustavo Petro said he was optimistic/);
  });

  it('a derived form stands in fully: "die" finds "death"', () => {
    const e = engineOf(
      file('a.txt', 'Title: Royal news\n\nThe old king was loved by his people.\n\nThe death of the king in 1547 ended the war.\n'),
      file('b.txt', 'Title: Budget vote\n\nThe council passed the city budget after a long debate.\n'),
      file('c.txt', 'Title: Rail works\n\nTrains will run less often while the tracks are renewed.\n'),
    );
    expect(e.ask('When did the king die?').answer).toMatch(/^The death of the king in 1547/);
    expect(e.ask('When did the king die?', {}, { linkWeight: none, retrieve: { derivedOfUnknown: 0 } }).answered).toBe(false);
  });

  it('an irregular form the stemmer cannot join stands in fully: "say" finds "said"', () => {
    const e = engineOf(
      file(
        'a.txt',
        'Title: Harbour strike\n\nDock workers walked out at dawn.\n\nThe minister visited the port on Monday. The minister said the strike would end on Friday.\n',
      ),
      file('b.txt', 'Title: Budget vote\n\nThe council passed the city budget after a long debate.\n'),
    );
    expect(e.index.lexicon.related(analyze('say')[0]!).derived).toContain(analyze('said')[0]);
    // (A yes/no question: "What did the minister say?" is answered by the sentence where the minister speaks, link or not.)
    expect(e.ask('Did the minister say anything?').answer).toMatch(/^The minister said the strike/);
    // Without the link "said" is a word the question lacks: the visit ties with it, or nothing answers.
    expect(e.ask('Did the minister say anything?', {}, { linkWeight: none }).answer).not.toMatch(/^The minister said/);
  });

  it('background word frequencies: a common word the briefs lack weighs less than a name they lack', () => {
    const happen = evidenceWeight(seed.index, 'weather');
    const putin = evidenceWeight(seed.index, 'putin');
    expect(happen).toBeLessThan(0.8 * putin);
    expect(backgroundIdf(seed.index.lexicon, 'two')).toBeLessThan(backgroundIdf(seed.index.lexicon, 'petro'));
  });

  it("a brief that holds the question's words is about it, in a collection of one brief", () => {
    // One brief: BM25 finds "Locetta" no rarer than "criticize", so the strength signal alone is weak.
    const q = 'What did Locetta criticize?';
    expect(seed.ask(q).answered).toBe(true);
    expect(seed.ask(q, {}, { abstain: { ...DEFAULT_ANSWER_OPTIONS.abstain, coverage: 0 } }).answered).toBe(false);
  });

  it('the answer sits in one sentence: a sentence holding most of the question counts towards answering', () => {
    const q = 'What is the US worried about in Colombia?';
    let sentence = 0;
    expect(seed.ask(q, {}, { observe: (s) => (sentence = s.sentence) }).answered).toBe(true);
    expect(sentence).toBeGreaterThan(0.5);
    expect(seed.ask(q, {}, { abstain: { ...DEFAULT_ANSWER_OPTIONS.abstain, sentence: 0 } }).answered).toBe(false);
  });

  it('words scattered over the brief hold less of the question than words in one sentence', () => {
    const sentence = (q: string) => {
      let held = 1;
      seed.ask(q, {}, { entityCheck: false, observe: (s) => (held = s.sentence) });
      return held;
    };
    // Locetta and Villavicencio are in different paragraphs; Locetta and "criticized" in one sentence.
    expect(sentence('Did Locetta sanction Villavicencio?')).toBeLessThan(0.75 * sentence('Did Locetta criticize Petro?'));
    // "Putin", a name the brief never mentions, carries most of the question's weight.
    expect(sentence('Did Trump meet Putin?')).toBeLessThan(0.5);
  });

  it('in a collection of one brief, general English says which words carry the question', () => {
    // Every word the brief holds looks common in a collection of one brief, and every word it lacks
    // rare ("crops"); counted with passages of general English (`backgroundPassages`), "US" and
    // "worry" (the brief's "concerned") carry the question, and "crops" is a common word.
    const q = 'What crops worry the US?';
    expect(seed.ask(q).answer).toContain('illicit drug cultivation');
    expect(seed.ask(q, {}, { backgroundPassages: 0 }).answered).toBe(false);
    // Off-topic questions are still declined: "capital" is rarer in English than "crops" is common.
    expect(seed.ask('What is the capital of Colombia?').answered).toBe(false);
  });

  it("a topic question's subject the briefs lack is searched and checked in their words (retrieve.about)", () => {
    // "money and business": the brief says "trade, joint economic opportunities"; the search found no sentence of it.
    const q = 'Are they going to talk about money and business?';
    expect(seed.ask(q).answer).toMatch(/including trade, joint economic opportunities/);
    expect(seed.ask(q, {}, { retrieve: { about: [] } }).answered).toBe(false);
    // A related word the question itself holds counts too: gangs are crime ("…cross-border crime gangs?" was declined
    // as a subject no sentence read holds a word for).
    expect(seed.ask('Are they going to discuss cracking down on cross-border crime gangs?').answer).toMatch(/transnational organized crime/);
    // A subject with no related word the briefs hold is still declined.
    expect(seed.ask('Will they talk about tariffs?').answered).toBe(false);
    expect(seed.ask('Will they talk about climate change?').answered).toBe(false);
  });

  it('what was said or talked about, when no brief holds it nor a word related to it, is declined ("…about tariffs?")', () => {
    declinedBy({ entityCheck: false }, ["What did Petro say about Trump's tariffs?", 'What did Petro say about tariffs?'], /Petro said/);
    // A related word the passages hold ("economic" for "economy"), or a word that names what is asked for ("agenda").
    // (It asked "What does Petro think about the economy?" until a view asked of someone needed a sentence where they
    // speak of it, `saidCheck`: the topics are "according to both governments".)
    expect(seed.ask('What did both governments say about the economy?').answer).toMatch(/joint economic opportunities/);
    expect(seed.ask('Is trade on the agenda?').answer).toMatch(/including trade/);
    // A time the question closes on is not what it is about: "…about Colombia this week?" is about Colombia.
    expect(seed.ask('What did the US tell the UN about Colombia this week?').answer).toMatch(/deeply concerned/);
    expect(seed.ask("What did Petro say about Trump's tariffs this week?").answered).toBe(false);
    // Nor a medium: "…about the talks online?" is about the talks, and "…on social media?" says where, not what about
    // (nor is it a word the answer must hold: "…a brief message on X").
    expect(seed.ask('What did Petro post on social media?').answer).toMatch(/a brief message on X/);
    // A platform is a medium too, and no stranger to the entity check: the brief says X.
    expect(seed.ask('What did Petro say on Twitter?').answer).toMatch(/a brief message on X/);
    expect(seed.ask('What did Maduro say on Twitter?').answered).toBe(false);
    expect(seed.ask('hey what did petro say about the talks online').answer).toMatch(/The talks are going well/);
    expect(seed.ask("What did Petro say about Trump's tariffs online?").answered).toBe(false);
    // Nor the verb a clause closes on: "…about how the talks are shaping up?" is about the talks.
    expect(seed.ask('What did Petro say about how the talks are shaping up?').answer).toMatch(/^"The talks are going well,"/);
  });

  it('a name no brief holds is declined, not answered with a neighbour', () => {
    const q = 'When will Petro meet Putin at the White House?';
    expect(seed.ask(q).answered).toBe(false);
    expect(seed.ask(q, {}, { entityCheck: false }).answered).toBe(true);
    // A misspelt name the briefs hold is not a stranger: a letter missing, or two swapped.
    expect(seed.ask('What about the Villavicenco call?').answered).toBe(true);
    expect(seed.ask('What did Rubio and Villavicencoi finalize?').answered).toBe(true);
    expect(seed.ask('What did Rubio and Villavicencoix finalize?').answered).toBe(false);
  });

  it('a question word with two neighbouring letters swapped is read as the word the briefs hold ("Mohnadas", "Mohandas")', () => {
    const e = engineOf(
      file('satyagraha.md', '---\ntitle: Civil disobedience\n---\nMohandas Gandhi called his doctrine of nonviolent resistance Satyagraha.\n'),
      file('monroe.md', '---\ntitle: Monroe\n---\nPresident Monroe called his doctrine a warning to the powers of Europe.\n'),
      file('court.md', '---\ntitle: Court\n---\nThe trial of the marchers began in Delhi.\n'),
    );
    const q = 'What did Mohnadas call his doctrine?';
    // Fuzzy matching counts a swap as two edits, more than a word of eight letters may differ by.
    expect(retrieve(e.index, q).terms).toContain(analyze('Mohandas')[0]);
    expect(e.ask(q).answer).toMatch(/Satyagraha/);
    expect(e.ask(q, {}, { retrieve: { transpositions: false } }).answer).toMatch(/^President Monroe/);
    // A common English word is no typo of another ("trail", "trial").
    expect(retrieve(e.index, 'What trail did the march follow?').terms).toContain(analyze('trail')[0]);
  });

  it('an organisation\'s short name stands for its full form named earlier in the brief ("The Security Council" after "the U.N. Security Council")', () => {
    // Readers say "the UN"; the paragraph on the council's reviews says only "The Security Council", and the one
    // before it, which names the U.N., was the answer to every question for the UN's role.
    const q = 'Why was the UN Security Council looking at Colombia at all?';
    expect(seed.ask(q).answer).toMatch(/on a quarterly basis/);
    expect(seed.ask(q, {}, { fullNames: false }).answer).toMatch(/^U\.S\. deputy ambassador Jennifer Locetta/);
    const briefs = parseBriefs([
      file('a.md', '---\ntitle: A\n---\nThe envoy told the U.N. Security Council on Monday.\n\nThe Security Council reviews the deal.\n'),
      file('b.md', "---\ntitle: B\n---\nYuan Emperor Kublai Khan ruled China.\n\nKublai Khan's successors lost influence. The Mongol Empire split.\n"),
      file('c.md', '---\ntitle: C\n---\nThe Security Council met.\n\nThe Security Council voted.\n'),
    ]);
    expect(impliedNames(briefs[0]!.passages, 1)).toEqual(['U.N.']);
    // Not a person's name (no "the"), nor a short name no earlier one extends.
    expect(impliedNames(briefs[1]!.passages, 1)).toEqual([undefined, undefined]);
    expect(impliedNames(briefs[2]!.passages, 1)).toEqual([undefined]);
  });

  it('a role or the word before it typed with two letters swapped is the role the briefs hold ("foriegn minister", "minsiter")', () => {
    // The search read "foriegn" as "foreign"; the role check compared the word as typed with the title's and
    // took "Foreign Minister" for another post than the one asked for.
    expect(seed.ask("who is columbia's foriegn minister").answer).toMatch(/Rosa Villavicencio/);
    expect(seed.ask("who is colombia's foreign minsiter").answer).toMatch(/Rosa Villavicencio/);
    // Another post is still another post.
    expect(seed.ask("who is colombia's defense minister").answered).toBe(false);
  });

  it('a word after a role that names no role of its own ("the spokesman guy") is how the reader says it, not the role', () => {
    const q = 'who is the spokesman guy for the state dept in this story';
    // The role check took "guy" for the role, and no brief holds it; the role is "spokesman".
    expect(seed.ask(q).answer).toMatch(/Tommy Pigott/);
    expect(seed.ask('what did the spokesman guy say').answer).toMatch(/Rubio confirmed/);
    expect(seed.ask('Who is the mayor guy?').answered).toBe(false);
    // A role of its own when nothing comes before it: "Who is the man Helen met?" asks about a man.
    const e = engineOf(file('m.md', '---\ntitle: Park\n---\nHelen met a man in the park on Sunday.\n'));
    expect(e.ask('Who is the lady?').answered).toBe(false);
    // People counted are no role either ("two" was taken for the role, and no brief holds it).
    expect(askedRole('Who were the two people on the cordial call?')).toBeUndefined();
    // After a possessive they are what the question is about ("…strung up by whose men?", a DuoRC question).
    expect([...askedForTerms("The lady's father was strung up by whose men?", 'person')]).not.toContain(analyze('men')[0]);
    expect(seed.ask('Who were the two people on the cordial call?').answer).toMatch(/Rosa Villavicencio and U\.S\. Secretary of State Marco Rubio/);
    // A question closing on its preposition asks whom something was done with or by: "the peace deal" is what was
    // made, no role ("deal" was taken for one, and no brief holds it).
    expect(askedRole('Who was the peace deal with Colombia made with?')).toBeUndefined();
    expect(askedRole('Who is the president of Colombia?')?.word).toBe('president');
    expect(seed.ask('Who was the peace deal with Colombia made with?').answer).toMatch(/former FARC guerrilla group/);
  });

  it('a person described, not named by a role ("the guy from the state department", "the woman that speaks for the US"), is no role to check', () => {
    // The role check took "guy" and "speaks" for roles no brief holds, and declined.
    expect(seed.ask("who's the guy from the state department").answer).toMatch(/Tommy Pigott/);
    expect(seed.ask('Who is the woman that speaks for US in the Security Council?').answer).toMatch(/Jennifer Locetta/);
    // A role after the article still is one.
    expect(seed.ask('Who is the mayor of Bogota?').answered).toBe(false);
  });

  it('a misspelt name, one letter off, is read as the name the briefs hold ("Villavicensio", "Villavicencio")', () => {
    // Fuzzy matching found its passage, but no sentence held the word as typed: the question looked unanswered.
    for (const q of ['who is villavicensio', 'Who is Villavicenco?', 'What did Lochetta say?']) {
      expect(seed.ask(q).answered, q).toBe(true);
      expect(seed.ask(q, {}, { retrieve: { misspellings: 0 } }).answered, q).toBe(false);
    }
    expect(seed.ask('who is villavicensio').answer).toMatch(/Foreign Minister Rosa Villavicencio/);
    // Not a word one letter from two names, nor a common English word, nor a short one.
    const e = engineOf(
      file('a.md', '---\ntitle: Cup\n---\nThe Harrisons beat the Morrisons in the final.\n'),
      file('b.md', '---\ntitle: League\n---\nThe Harrisen family founded the club. Coach Ralston praised the team.\n'),
    );
    expect(retrieve(e.index, 'Who beat the Harrisin?').terms).toContain(analyze('Harrisin')[0]);
    expect(retrieve(e.index, 'Who won the finale?').terms).toContain(analyze('finale')[0]);
    expect(retrieve(e.index, 'What did Ralson say?').terms).toContain(analyze('Ralson')[0]);
    expect(retrieve(e.index, 'What did Ralson say?', { misspellings: 5 }).terms).toContain(analyze('Ralston')[0]);
  });

  it('a yes-no question meets the negated form of its word ("proven" / "unproven"); a question for what was proven does not', () => {
    const q = 'Were the allegations proven?';
    expect(seed.ask(q).answer).toMatch(/unproven drug-trafficking allegations/);
    expect(seed.ask(q, {}, { retrieve: { negatedForms: false } }).answered).toBe(false);
    expect(retrieve(seed.index, 'Which allegations were proven?').terms).toContain(analyze('proven')[0]);
    // Through a form derived from the word: "prove" → "proven" → "unproven" ("Did the US ever prove…?" was answered with the call).
    expect(seed.ask('Did the US ever prove those drug accusations against Petro?').answer).toMatch(/unproven drug-trafficking allegations/);
    expect(retrieve(seed.index, 'Did they prove the allegations?').terms).toContain(analyze('unproven')[0]);
  });

  it('a question word spelt the British or the American way meets the spelling the briefs use', () => {
    // An American brief (the seed), a British reader.
    expect(seed.ask('What did Locetta criticise?').answer).toMatch(/^She criticized/);
    expect(seed.ask('What did Locetta criticise?', {}, { retrieve: { spellings: false } }).answer).not.toMatch(/^She criticized/);
    expect(seed.ask('When will they finalise preparations?').answer).toMatch(/to finalize preparations/);
    // A British brief, an American reader.
    const e = engineOf(
      file('council.md', '---\ntitle: Council\n---\nThe mayor criticised the plan to close the theatre.\n\nThe council will vote on Monday.\n'),
      file('other.md', '---\ntitle: Budget\n---\nThe council passed its budget.\n'),
    );
    expect(e.ask('Who criticized the plan to close the theater?').answer).toMatch(/^The mayor criticised/);
    expect(retrieve(e.index, 'Who criticized the plan?').terms).toContain(analyze('criticised')[0]);
  });

  it('two words written as one are not a stranger when a brief read writes them apart ("Superbowl", "Super Bowl")', () => {
    const e = engineOf(
      file('final.md', '---\ntitle: The final\n---\nDenver won Super Bowl 50 in February.\n\nLady Gaga sang the national anthem before the game.\n'),
      file('other.md', '---\ntitle: Budget\n---\nThe council passed its budget.\n'),
    );
    expect(e.ask('Who sang the anthem at Superbowl 50?').answer).toMatch(/^Lady Gaga sang/);
    expect(e.ask('Who sang the anthem at Superdome 50?').answered).toBe(false);
  });

  it('a question about what someone thinks or feels is answered with what they said', () => {
    expect(questionType('What does Petro think about the talks?')).toBe('speech');
    expect(questionType('How does the US feel about Colombia?')).toBe('speech');
    expect(seed.ask('What does Petro think about the talks?').answer).toMatch(/^"The talks are going well," Petro said/);
    // (As an ordinary question, "talks" found "Discussions are also expected to focus on…" first.)
  });

  it('a question for how an exchange went is answered where a word qualifies it ("a cordial call") or says how it goes', () => {
    // "phone call" matched the January call word for word; the ministers' "cordial call" says how the call went.
    for (const q of [
      'How did the phone call with Rubio go?',
      "How did the ministers' phone call go?",
      'What was the tone of the call?',
      'What was the mood of the phone call between the two top diplomats?',
      // Two qualities offered, one of them an adjective: the quality is asked for, not a word to match.
      'Was that phone call with Rubio friendly or kinda tense?',
      'Was the phone call between the two top diplomats friendly or tense?',
    ])
      expect(seed.ask(q).answer, q).toMatch(/held a cordial call/);
    expect(seed.ask('How did the talks go?').answer).toMatch(/^"The talks are going well," Petro said/);
    // "a phone call": a noun before the question's word qualifies nothing.
    expect(seed.ask('How did the phone call between Trump and Petro go?').answer).toMatch(/took a phone call from Petro/);
  });

  it('the speaker of a sentence is the whole subject before its verb: "U.S. deputy ambassador Jennifer Locetta told…" is the US speaking', () => {
    // "Petro said…" (with "U.S. President Donald Trump" further on) scored higher when only three words before the verb counted.
    expect(seed.ask('What does the US think about Colombia?').answer).toMatch(/^U\.S\. deputy ambassador Jennifer Locetta told/);
    expect(seed.ask('What does the United States think about Colombia?').answer).toMatch(/^U\.S\. deputy ambassador Jennifer Locetta told/);
  });

  it('a request that opens the message is not a word to match, a verb inside the question is ("explain")', () => {
    // "Explain…" asks about what follows; "explain" in the brief ("…called to 'explain the drug situation'") is no answer to it.
    expect(seed.ask('Can you explain the sanctions?').citations[0]!.passageId).toBe(`${SEED}#p2`);
    expect(seed.ask('Explain what happened in September').citations[0]!.passageId).toBe(`${SEED}#p5`);
    // Asked about, it is a word like any other.
    expect(seed.ask('What did Petro want to explain?').answer).toMatch(/explain the drug situation/);
    // "pls" as written in chat is "please".
    expect(seed.ask('pls tell me what the US is worried about').answer).toMatch(/deeply concerned/);
    // The request alone asks about nothing.
    expect(seed.ask('Explain').answered).toBe(false);
    // A question asked indirectly is the question ("curious" and "idea" are in no brief, and sank it).
    expect(seed.ask("I'm curious what the two governments want to focus on").answer).toMatch(/common priorities/);
    expect(seed.ask('Do you know who Jennifer Locetta is?').answer).toMatch(/U\.S\. deputy ambassador Jennifer Locetta/);
    expect(seed.ask("I'd like to know when the meeting is").answer).toMatch(/scheduled for Feb\. 3/);
  });

  it('"take place" is what happens, not what the question is about', () => {
    // The phrase's "take" would otherwise count the phone call Trump "took" as the meeting's date.
    expect(seed.ask('When will the meeting take place?').answer).toMatch(/^Colombian President Gustavo Petro said .* Feb\. 3/);
  });

  it('"be held" in a question for a place or a date is what happens: the call Rubio "held" is not where the meeting is', () => {
    expect(seed.ask('Where will the meeting be held?').answer).toMatch(/White House meeting/);
    expect(seed.ask('Where was the rally held?').answer).toMatch(/New York rally/);
    // Not in other questions: who held the call is asked with its verb.
    expect(seed.ask('Who held a cordial call?').answer).toMatch(/Rosa Villavicencio and U\.S\. Secretary of State Marco Rubio held/);
  });

  it('a capitalised word derived from one the briefs hold is not a stranger: "American" where they say "U.S."', () => {
    // WordNet derives "American" from "America", whose synset holds "United States" and "U.S.": the lexicon
    // links "American" to the one token the analysis makes of every spelling of "U.S.".
    expect(seed.index.lexicon.related(analyze('American')[0]!).derived).toContain(analyze('U.S.')[0]);
    expect(seed.ask('Where did Petro criticize American foreign policy?').answer).toMatch(/New York rally/);
    // A demonym of a country no brief names is still a stranger.
    expect(seed.ask('When will Petro meet the Chinese president?').answered).toBe(false);
  });

  it('a national capital stands for its country\'s government ("Washington" for the U.S.), not where it is a place', () => {
    // WordNet: Washington is part of the District of Columbia, part of the United States; Bogotá, of Colombia.
    const derived = (w: string) => seed.index.lexicon.related(analyze(w)[0]!).derived;
    expect(derived('Washington')).toContain(analyze('U.S.')[0]);
    expect(derived('Bogota')).toContain(analyze('Colombia')[0]);
    // (The brief says "the United States remains deeply concerned"; "Washington" only of the September threat.)
    expect(seed.ask('What is Washington still worried about in Colombia?').answer).toMatch(/deeply concerned/);
    // A trip to Washington is to the city.
    const expansions = (q: string) => [...(retrieve(seed.index, q).expansions.get(analyze('Washington')[0]!)?.keys() ?? [])];
    expect(expansions('Is Petro bringing any cabinet ministers to Washington?')).not.toContain(analyze('U.S.')[0]);
    expect(expansions('What is Washington still worried about?')).toContain(analyze('U.S.')[0]);
  });

  it('"What will the meeting cover?": a verb for what a meeting takes up asks for its topics', () => {
    for (const q of ['What will the meeting cover?', "What's the White House meeting supposed to address?", 'What will the two presidents talk over?']) {
      expect(seed.ask(q).answer, q).toMatch(/^According to both governments, the upcoming meeting will pivot/);
    }
  });

  it('whether something happened before ("Have Petro and Trump ever met?") is not answered by the meeting to come', () => {
    // "…a high-stakes White House meeting with U.S. President Donald Trump scheduled for Feb. 3" says nothing of before.
    declinedBy(
      { outcomeCheck: false },
      ['Has Petro met Trump before?', 'Have Petro and Trump ever met in person before?', 'Is this the first time Petro and Trump will meet in person?'],
      /scheduled for Feb\. 3/,
    );
    // What the brief tells of the past still answers.
    expect(seed.ask('Did the US threaten his visa before?').answer).toMatch(/threatened to revoke Petro's visa/);
    expect(seed.ask('Has the US ever sanctioned Petro?').answer).toMatch(/impose sanctions/);
  });

  it('"got" making a passive ("Who else got hit with sanctions?") is no word to match', () => {
    // (Its "got" sank the question: declined.)
    expect(seed.ask('who else got hit with sanctions').answer).toMatch(/impose sanctions on him and his family/);
    expect(seed.ask('Who ended up getting hit with US sanctions back then?').answer).toMatch(/impose sanctions on him and his family/);
    expect(spelledOut('Did Petro get sanctioned?')).toBe('Did Petro sanctioned?');
    // Not "get" before a noun: "What did Petro get?" asks what he got.
    expect(spelledOut('What did Petro get from Rubio?')).toBe('What did Petro get from Rubio?');
  });

  it('"…in the first place?" asks nothing of its own', () => {
    // (Its "first" and "place" are words no sentence holds, which sank the question.)
    expect(seed.ask('Why were the sanctions put on him in the first place?').answer).toMatch(/unproven drug-trafficking allegations/);
  });

  it('a change the brief tells in a related word ("cancel" a visa: "revoke") is no change of plan it leaves out', () => {
    expect(seed.ask("What led Washington to cancel Petro's visa and sanction his family?").answer).toMatch(/unproven drug-trafficking allegations/);
    expect(seed.ask("What is the reason for the US cancelling Petro's visa?").answered).toBe(true);
    // Of the meeting, nothing is cancelled: "revoke" is said of the visa.
    expect(seed.ask('Why was the meeting cancelled?').answered).toBe(false);
    expect(seed.ask("Why was Petro's trip called off?").answered).toBe(false);
    // A question with no word but the change and its names is told where the names are ("…the U.S. revoke…").
    expect(seed.ask('What was cancelled by the US?').answer).toMatch(/the U\.S\. revoke Petro's visa/);
    expect(seed.ask('What did Maduro cancel?').answered).toBe(false);
  });

  it('a time set by a turn of the story ("before things calmed down") is when, not what: its words choose no sentence', () => {
    // "calmed down" is "eased" (news usage), which drew the question to "Tensions between the presidents eased…".
    expect(seed.ask('What did the US do to Petro before things calmed down?').answer).toMatch(/revoke Petro's visa and impose sanctions/);
    expect(seed.ask('What did the U.S. do to Petro before things cooled down?').answer).toMatch(/revoke Petro's visa and impose sanctions/);
    // So is a time set by the quarrel itself ("during all the beef": a beef is criticism, "She criticized…").
    expect(seed.ask('what did the us do to petro during all the beef').answer).toMatch(/revoke Petro's visa and impose sanctions/);
    expect(seed.ask('During the feud, what did the US do to Petro?').answer).toMatch(/revoke Petro's visa and impose sanctions/);
    // Asked without the time, the same sentence; asked of the turn itself, the turn.
    expect(seed.ask('What did the US do to Petro?').answer).toMatch(/revoke Petro's visa and impose sanctions/);
    expect(seed.ask('When did things calm down between the two presidents?').answer).toMatch(/^Tensions between the presidents eased/);
  });

  it('a mood or view is given where its holder speaks: "Is Trump optimistic?" is not answered by "Petro said he was optimistic…"', () => {
    // (saidCheck: "Petro said he was optimistic…" is Petro's mood; Trump speaks only of the January call.)
    for (const q of [
      'Is Trump optimistic about the meeting?',
      'How does Trump himself feel about meeting Petro next week?',
      'What is Trump hoping to get out of it?',
    ]) {
      expect(seed.ask(q).answered, q).toBe(false);
      expect(seed.ask(q, {}, { saidCheck: false }).answer, q).toMatch(/^Colombian President Gustavo Petro said he was optimistic/);
    }
    expect(seed.ask('Is Petro optimistic about the meeting?').answer).toMatch(/^Colombian President Gustavo Petro said he was optimistic/);
    expect(seed.ask('How does Petro feel about the meeting?').answer).toMatch(/optimistic/);
    // A capital speaks for its country: Washington's view is the U.S. envoy's ("…U.S. deputy ambassador Jennifer Locetta
    // told…" / "She criticized…"), not a sentence Washington speaks in nowhere.
    expect(seed.ask("What does Washington think of Gustavo's paz total approach with the armed groups?").answer).toMatch(/^She criticized/);
    expect(seed.ask('What did Washington tell the UN about Colombia?').answer).toMatch(/^U\.S\. deputy ambassador Jennifer Locetta told/);
  });

  it('news usage WordNet lacks: a "leader" is a president, an "envoy" an ambassador, "punish" is sanctioning, a "thaw" easing', () => {
    const derived = (w: string) => seed.index.lexicon.related(analyze(w)[0]!).derived;
    expect(derived('leaders')).toContain(analyze('president')[0]);
    expect(derived('thawing')).toContain(analyze('eased')[0]);
    // Each was declined (or answered elsewhere) with WordNet's links alone.
    expect(seed.ask('Where will the leaders meet?').answer).toMatch(/White House meeting/);
    expect(seed.ask('How did the US envoy describe the Trump-Petro talks?').answer).toMatch(/productive conversations/);
    expect(seed.ask("Did the US punish Petro's relatives too?").answer).toMatch(/sanctions on him and his family/);
    expect(seed.ask('When did things start cooling off between the two presidents?').answer).toMatch(/early January/);
    expect(seed.ask('What is Petro accused of?').answer).toMatch(/drug-trafficking allegations/);
    // Two-word verbs too ("crack down on" is fighting, "scale back" curbing), and "relations" for tensions.
    expect(seed.ask('What kind of crime do they want to crack down on?').answer).toMatch(/fight against transnational organized crime/);
    expect(seed.ask('Did Petro scale back efforts to destroy coca crops?').answer).toMatch(/curb coca eradication/);
    expect(seed.ask('When did relations between the two presidents start to improve?').answer).toMatch(/early January/);
    expect(seed.ask("Who from Colombia's government spoke with Rubio to set things up?").answer).toMatch(/Rosa Villavicencio/);
    // "rebels" for armed groups, a "military" operation for a combat one, "halt" for pause, "promise" and "protection"
    // for a guarantee; "gangs" for crime, "cross-border" for transnational, relations gone "bad" for hostility, getting
    // "better" for easing; "fighting" for hostility, "hit" for sanctions, "safe" and "safety" for a guarantee; "improve"
    // for easing, an "update" for a message; "together" for joint, "take away" for revoke, "ease up / off" for curb;
    // "complain", "blame", "fault", "knock", "object", "unhappy" for criticizing; "cartels" for crime; a Spanish
    // speaker's "reunion" for the meeting; a "summit" for a meeting, "punitive" measures for sanctions, a visa
    // "withdrawn" for one revoked, the "Yanks" for the U.S.; "proof" for being proven; "chats" for conversations;
    // "business" for trade, "angry", "mad" and "tense" for hostility and tensions, a "commitment" for a guarantee,
    // "clear up" for explain, "reach out" for call, "check on" for review, a visa "pulled" or "cancelled" for one
    // revoked; talks "progressing" for going, being "treated" properly for guarantees; a "beef" for criticism, a
    // "hopeful" leader for an optimistic one; "backfired" for emboldened, "goals" for priorities, a "strategy" for an
    // approach, "networks" for organized crime, "work out" for finalize, remarks that "upset" for criticism; drug
    // "claims" for allegations, operations "stopped" for paused, details "handled" for finalized.
    for (const [reader, brief] of [
      ['rebels', 'armed'],
      ['military', 'combat'],
      ['halting', 'pause'],
      ['promised', 'guarantees'],
      ['protection', 'guarantees'],
      ['gangs', 'crime'],
      ['border', 'transnational'],
      ['bad', 'hostility'],
      ['better', 'eased'],
      ['fighting', 'hostility'],
      ['hit', 'sanctions'],
      ['safe', 'guarantees'],
      ['safety', 'guarantees'],
      ['improving', 'eased'],
      ['update', 'message'],
      ['together', 'joint'],
      ['complained', 'criticized'],
      ['complaint', 'criticism'],
      ['blamed', 'criticized'],
      ['cartels', 'crime'],
      ['reunion', 'meeting'],
      ['summit', 'meeting'],
      ['punitive', 'sanctions'],
      ['withdraw', 'revoke'],
      ['Yanks', 'U.S.'],
      ['proof', 'proven'],
      ['chats', 'conversations'],
      ['business', 'trade'],
      ['angry', 'hostility'],
      ['mad', 'tensions'],
      ['tense', 'tensions'],
      ['commitment', 'guarantees'],
      ['pulled', 'revoke'],
      ['cancelled', 'revoke'],
      ['progressing', 'going'],
      ['treated', 'guarantees'],
      ['beef', 'criticized'],
      ['hopeful', 'optimistic'],
      ['backfired', 'emboldened'],
      ['goals', 'priorities'],
      ['strategy', 'approach'],
      ['networks', 'organized'],
      ['upset', 'criticism'],
      ['claims', 'allegations'],
      ['stopped', 'pause'],
      ['handled', 'finalize'],
    ]) {
      expect(derived(reader!)).toContain(analyze(brief!)[0]);
    }
    expect(seed.ask("What's the US complaint about Petro's talks with rebels?").answer).toMatch(/^She criticized Petro's approach/);
    expect(seed.ask('What does the US say halting military operations did?').answer).toMatch(/^She criticized Petro's approach/);
    expect(seed.ask('Any idea what Rubio promised?').answer).toMatch(/full diplomatic guarantees/);
    expect(seed.ask('Will Petro be protected during his visit?').answer).toMatch(/full diplomatic guarantees/);
    expect(seed.ask('When did relations between the two presidents start getting better?').answer).toMatch(/^Tensions between the presidents eased/);
    expect(seed.ask('What did the US do to Petro when relations were bad?').answer).toMatch(/revoke Petro's visa/);
    expect(seed.ask('Will fighting cross-border crime gangs come up at the summit?').answer).toMatch(/transnational organized crime/);
    expect(seed.ask('Will Petro be safe to travel to the US?').answer).toMatch(/full diplomatic guarantees/);
    expect(seed.ask('Wait, what did the US do to Petro personally during all that fighting?').answer).toMatch(/revoke Petro's visa/);
    expect(seed.ask('How did relations between Petro and Trump improve?').answer).toMatch(/^Tensions between the presidents eased/);
    expect(seed.ask('Where did Petro share his update?').answer).toMatch(/brief message on X/);
    expect(seed.ask('Will the two leaders talk about business opportunities together?').answer).toMatch(/joint economic opportunities/);
    expect(seed.ask('Did Petro ease up on destroying coca crops?').answer).toMatch(/curb coca eradication/);
    expect(seed.ask('So did they take away his visa?').answer).toMatch(/revoke Petro's visa/);
    expect(seed.ask("What's the US complaint about Petro's peace talks?").answer).toMatch(/^She criticized Petro's approach/);
    expect(seed.ask('How Petro is feeling about the reunion with Trump?').answer).toMatch(/optimistic/);
    expect(seed.ask('Could the Washington summit happen in the first days of February?').answer).toMatch(/scheduled for Feb\. 3/);
    expect(seed.ask('What punitive measures had been imposed by Washington on the Colombian leader and his relatives?').answer).toMatch(/impose sanctions/);
    expect(seed.ask('Why is it that Washington wanted to withdraw his visa at that moment?').answer).toMatch(/following his criticism/);
    expect(seed.ask('Who spoke for the Yanks at the UN Security Council this week?').answer).toMatch(/Jennifer Locetta/);
    expect(seed.ask('Was there ever any proof that Petro was involved with drugs?').answer).toMatch(/unproven drug-trafficking allegations/);
    expect(seed.ask("How does the US describe the presidents' chats?").answer).toMatch(/productive conversations/);
    expect(seed.ask('Why was the US so angry at Petro before all this?').answer).toMatch(/months of hostility/);
    expect(seed.ask('When did they stop being so mad at each other?').answer).toMatch(/^Tensions between the presidents eased/);
    expect(seed.ask('Did they end up pulling his visa?').answer).toMatch(/revoke Petro's visa/);
    expect(seed.ask('Who reached out to whom by phone to smooth things over?').answer).toMatch(/took a phone call from Petro/);
    expect(seed.ask('How often does that UN body check in on the Colombian accord?').answer).toMatch(/quarterly basis/);
    expect(seed.ask('What did Petro say about how the discussions are progressing?').answer).toMatch(/The talks are going well/);
    expect(seed.ask('Will Petro be protected and treated properly when he travels there?').answer).toMatch(/full diplomatic guarantees/);
    expect(seed.ask("What's the US's beef with the way Petro handles talks with the rebels?").answer).toMatch(/^She criticized Petro's approach/);
    expect(seed.ask('Is Petro feeling hopeful about it?').answer).toMatch(/optimistic/);
    expect(seed.ask('Why does the U.S. think his approach backfired?').answer).toMatch(/emboldened the groups/);
    expect(seed.ask('What kinds of shared goals will the two leaders talk about?').answer).toMatch(/common priorities/);
    expect(seed.ask('Which Colombian official worked out the last details with Washington?').answer).toMatch(/finalize preparations/);
    expect(seed.ask('Where did Petro give the speech that upset the US?').answer).toMatch(/New York rally/);
    expect(seed.ask('Were the drug claims the U.S. made against Petro ever backed up?').answer).toMatch(/unproven drug-trafficking allegations/);
    expect(seed.ask('What did Colombia stop doing militarily while it was talking with the rebels?').answer).toMatch(/pause combat operations/);
  });

  it("a question with no word the briefs hold is searched for its words' derived forms", () => {
    // "cooling", "start", "two", "leaders": no word of it is in the brief, so the search found nothing; "cool" derives
    // "ease" and "leader" "president" (the lexicon's news usage), which the answer's sentence holds.
    const q = 'When did things start cooling down between the two leaders?';
    expect(seed.ask(q).answer).toMatch(/^Tensions between the presidents eased in early January/);
    expect(seed.ask(q, {}, { retrieve: { derivedWhenUnknown: false } }).answered).toBe(false);
    // A question whose words derive nothing the briefs hold finds nothing.
    expect(seed.ask('What is the capital of Peru?').answered).toBe(false);
    // A rarer word (no background rank) is searched for the forms spelled from its root, not for the rest: the
    // country of a capital is not what "bogota weather" asks about.
    expect(seed.ask('Who is the spokesperson?').answer).toMatch(/Tommy Pigott, a State Department spokesman/);
    expect(seed.ask('Who is the spokesperson?', {}, { retrieve: { derivedWhenUnknown: false } }).answered).toBe(false);
    expect(seed.ask('bogota weather').answered).toBe(false);
  });

  it("beside words the briefs hold, a word they lack is searched for its derived forms, at half a word's weight", () => {
    // "relations" is in no brief; "improve" is ("…improved their negotiating position"), so only that sentence was
    // found. "relations" derives "tensions" (the lexicon's news usage), which the sentence that answers holds.
    const q = 'When did relations start to improve?';
    expect(seed.ask(q).answer).toMatch(/^Tensions between the presidents eased in early January/);
    expect(seed.ask(q, {}, { retrieve: { derivedOfUnknown: 0 } }).answer).not.toMatch(/^Tensions between the presidents eased/);
    expect(seed.ask('What did Locetta knock Petro for?').answer).toMatch(/^She criticized Petro's approach/);
    expect(seed.ask('What did Locetta knock Petro for?', {}, { retrieve: { derivedOfUnknown: 0 } }).answer).not.toMatch(/^She criticized/);
  });

  it('a clause set before the question ("When…, what…?", "If…, will…?") is read after it: its word is not what is asked', () => {
    expect(withoutAsides(seed.index, 'When Fox left, who replaced him?')).toBe('who replaced him when Fox left?');
    expect(questionType(withoutAsides(seed.index, 'When they meet, what will they talk about?'))).toBe('topic');
    // Read as a yes-no question, it checks a press conference no brief mentions.
    expect(seed.ask('If Petro is meeting Trump at the White House, will there be a joint press conference or statement afterward?').answered).toBe(false);
    // A question word opening the question itself stays: "When is the meeting, and where?"
    expect(withoutAsides(seed.index, 'When is the meeting, and where?')).toBe('When is the meeting, and where?');
  });

  it('a tag closing a statement ("…, right?", "…, didn\'t he?") is read as no words: the statement is what is asked, as a yes-no question', () => {
    expect(withoutAsides(seed.index, "Petro called Trump, didn't he?")).toBe('did Petro called Trump?');
    expect(withoutAsides(seed.index, 'The meeting is on Feb. 3, is that right?')).toBe('is the meeting on Feb. 3?');
    expect(withoutAsides(seed.index, 'The meeting is on Feb. 3. Is that really true?')).toBe('is the meeting on Feb. 3?');
    // Its words counted against answering, and a negated tag read the question as negative ("isn't he").
    expect(seed.ask("Locetta slammed how Petro handles talks with armed groups, didn't she?").answer).toMatch(/^She criticized/);
    expect(seed.ask("The call between Rubio and Colombia's top diplomat was friendly, wasn't it?").answer).toMatch(/cordial call/);
    // Not a question that asks in the negative itself, without the comma of a tag.
    expect(withoutAsides(seed.index, "How many Khitan Tumens weren't there?")).toBe("How many Khitan Tumens weren't there?");
  });

  it('a clause about the reader before a question that holds no word of the briefs is what the question asks about', () => {
    const q = "I forget the name of Colombia's foreign minister who spoke with Rubio, who was it?";
    expect(withoutAsides(seed.index, q)).toBe(q);
    expect(seed.ask(q).answer).toMatch(/Rosa Villavicencio/);
    // Before a question that holds words of the briefs it is an aside still.
    expect(withoutAsides(seed.index, "I don't follow politics much, but when is Colombia's president meeting Trump?")).toBe(
      "when is Colombia's president meeting Trump?",
    );
  });

  it('a remark before the question, about the reader or the reader\'s own, before "so" or "and" too, is no part of what is asked', () => {
    // Its words had sunk the question: declined.
    const grandma = 'My grandma keeps saying Petro must be dreading this, so how is he feeling about sitting down with Trump?';
    expect(withoutAsides(seed.index, grandma)).toBe('how is he feeling about sitting down with Trump?');
    expect(seed.ask(grandma).answer).toMatch(/optimistic/);
    expect(
      seed.ask(
        "There's so much spin in these stories that I like knowing the source, so which State Department person told reporters about Rubio's commitment to Petro?",
      ).answer,
    ).toMatch(/Tommy Pigott/);
    // A wish to know after it opens the question as a question word does.
    expect(withoutAsides(seed.index, 'My friend says the talks are a show, and I wonder how Petro described them?')).toBe('I wonder how Petro described them?');
    // So does a preposition before the question word ("…, so in which city…?").
    const sister = 'My sister lives up north and swears she saw crowds that day, so in which city was that rally where Petro spoke out?';
    expect(withoutAsides(seed.index, sister)).toBe('in which city was that rally where Petro spoke out?');
  });

  it('the words of a remark dropped before the question lend it context, as an earlier turn does (remarkWeight)', () => {
    // "it" and "there" lean on the remark: without its words the question is declined. (It said "check in on" until the
    // lexicon read that as "review", the brief's word.)
    const q = "I'm a bit confused about why the Security Council is even discussing Colombia right now, so how often does it look in on the peace deal there?";
    const ask = (remarkWeight: number) => seed.ask(q, {}, { remarkWeight });
    expect(ask(0.3).answer).toMatch(/quarterly basis/);
    expect(ask(0).answered).toBe(false);
  });

  it('what the reader heard ("I heard…", "Someone told me…", "Is it true that…") is asked as a yes-no question of the claim', () => {
    expect(withoutAsides(seed.index, 'I heard Petro is nervous about the meeting. Is that true?')).toBe('is Petro nervous about the meeting?');
    // As a statement its words counted against answering ("praised", "December"): declined, where the brief says otherwise.
    expect(seed.ask("I heard the US envoy praised Petro's peace talks with the armed groups, is that true?").answer).toMatch(
      /^She criticized Petro's approach/,
    );
    expect(seed.ask("I heard the US put sanctions on Petro's relatives too, is that actually true?").answer).toMatch(/sanctions on him and his family/);
    expect(seed.ask('Someone told me Petro phoned Trump back in December to smooth things over, right?').answer).toMatch(
      /^Tensions between the presidents eased in early January/,
    );
    // A name no brief holds is still checked; and a message that asks its own question keeps what it heard as its context.
    expect(seed.ask('I heard Maduro will join the meeting, is that right?').answered).toBe(false);
    // "…, is that how it went?" is a tag too.
    expect(seed.ask('I heard Trump was the one who phoned Petro, is that how it went?').answer).toMatch(/^Tensions between the presidents eased/);
    const own = 'Someone said Rubio and the Colombian minister talked recently, what day was that exactly?';
    expect(withoutAsides(seed.index, own)).toBe(own);
  });

  it('spoken fillers ("i mean", a "like" before a question or after a preposition) are no words', () => {
    expect(seed.ask('so how did the phone call between the two top diplomats go like was it tense or friendly').answer).toMatch(/held a cordial call/);
    expect(seed.ask('like how is petro feeling about going to the white house i mean is he nervous or hopeful').answer).toMatch(/optimistic/);
    expect(spelledOut('um when did the us slap those sanctions like what month')).not.toMatch(/\blike\b/);
    // The verb and the preposition stay.
    expect(spelledOut("Why doesn't the U.S. like how Petro negotiates?")).toMatch(/\blike how/);
    expect(spelledOut('What is the goal of Islamist groups like Hezbollah and Hamas?')).toMatch(/\blike Hezbollah/);
    expect(spelledOut('Why did Confucians like the medical field?')).toMatch(/\blike the/);
  });

  it('a topic question closing on when or where it is asked about ("…talk about on Feb. 3?") is a topic question still', () => {
    expect(seed.ask('What will Trump and Petro talk about on Feb. 3?').answer).toMatch(/^According to both governments, the upcoming meeting will pivot/);
    expect(seed.ask('What will they discuss at the White House?').answer).toMatch(/^According to both governments, the upcoming meeting will pivot/);
    // Not what it is talked about on: "…on the call?" asks what the call was about.
    expect(seed.ask('What did Petro want to talk about on the call?').answer).toMatch(/explain the drug situation/);
  });

  it('a two-word verb means what the phrase means, not what its verb alone does', () => {
    // "wipe out" is to eradicate (the brief: "curb coca eradication"); "wipe" alone relates to nothing there, and
    // "ease" matched "Tensions … eased".
    const q = 'Did Petro ease up on wiping out coca crops?';
    expect(seed.ask(q).answer).toMatch(/^She criticized Petro's approach/);
    expect(seed.ask(q, {}, { retrieve: { phrases: false } }).answer).not.toMatch(/^She criticized Petro's approach/);
    // The words apart from each other, or a preposition that begins what follows, make no phrase.
    expect([...phraseTerms(seed.index, 'Did they wipe the crops out?').keys()]).toEqual(['wipe']);
    expect([...phraseTerms(seed.index, 'Did they wipe the old crops out?').keys()]).toEqual([]);
    expect([...phraseTerms(seed.index, 'Will Petro feel safe coming to Washington?').keys()]).toEqual([]);
  });

  it('a question asked in the negative is declined when the answer would say nothing in the negative', () => {
    // The brief says whom Locetta criticized, not whom she spared.
    const q = 'Who did Locetta not criticize?';
    expect(seed.ask(q).answered).toBe(false);
    expect(seed.ask(q, {}, { negationCheck: false }).answer).toMatch(/^She criticized/);
    // A brief that says it in the negative answers.
    const e = engineOf(
      file('a.txt', 'Title: Bridge opening\n\nThe governor cut the ribbon on Monday.\n\nThe mayor did not attend the opening, citing a council vote.\n'),
      file('b.txt', 'Title: District vote\n\nThe governor won the most votes in the district.\n'),
    );
    expect(e.ask('Who did not attend the opening?').answer).toMatch(/^The mayor did not attend/);
    expect(e.ask('Who won the fewest votes in the district?').answered).toBe(false);
    expect(e.ask('Who won the fewest votes in the district?', {}, { negationCheck: false }).answered).toBe(true);
    // A "not" that describes the thing asked about, in a clause of its own, does not make the question negative.
    expect(e.ask('Who cut the ribbon at the bridge that did not open until Monday?').answer).toMatch(/^The governor cut the ribbon/);
    // Nor does a dislike ("not like"), which the answer says in its own words.
    for (const q of ["What didn't Locetta like about Petro's approach?", 'What did Locetta not like about how Petro deals with armed groups?'])
      expect(seed.ask(q).answer, q).toMatch(/^She criticized/);
    // Nor "…or not?", which asks yes or no.
    expect(seed.ask('How is Petro feeling about the meeting with Trump, he is positive or not?').answer).toMatch(/optimistic/);
    // Nor a negated auxiliary opening it, which asks whether the positive holds, nor an alternative set aside.
    expect(seed.ask("Didn't Washington take away Petro's visa at some point?").answer).toMatch(/revoke \[?Petro's visa/);
    expect(seed.ask("Isn't the U.S. still worried about Colombia despite the friendlier talks?").answer).toMatch(/deeply concerned/);
    expect(seed.ask('Not Trump, but who spoke to the UN Security Council?').answer).toMatch(/Jennifer Locetta/);
    expect(seed.ask("Wasn't Petro's speech given in Washington, not New York?").answer).toMatch(/New York rally/);
    expect(seed.ask("Why doesn't the U.S. like how Petro negotiates with armed groups?").answer).toMatch(/^She criticized/);
  });

  it('"Who is the president of Colombia?" is answered by the sentence that names someone right by the role', () => {
    expect(seed.ask('Who is the president of Colombia?').answer).toMatch(/^Colombian President Gustavo Petro/);
    expect(seed.ask('Who is the US president?').answer).toMatch(/U\.S\. President Donald Trump/);
    // Without it, any sentence with a name will do: the FARC sentence holds "Colombia", the phone call "the U.S. president".
    // (Naming the person the role stands for, "…the president Petro of Colombia?", finds the first anyway.)
    expect(seed.ask('Who is the president of Colombia?', {}, { appositionWeight: 1, roleNames: false }).answer).toMatch(/^The Security Council reviews/);
    expect(seed.ask('Who is the US president?', {}, { appositionWeight: 1, roleNames: false }).answer).toMatch(/^Tensions between the presidents eased/);
  });

  it('"How long…?" is declined when no sentence near the best says an amount of time', () => {
    // The brief says when the meeting is, not how long it lasts (it was answered with the lead).
    declinedBy({ numberCheck: 0 }, ['How long will the meeting last?', 'how long is the meeting gonna be', 'How long has Locetta been deputy ambassador?']);
    // "months of hostility" says how long.
    expect(seed.ask('How long did the hostility last?').answer).toMatch(/months of hostility/);
  });

  it('a question for a group or a body by its name is declined when the best sentence speaks of the kind and names none', () => {
    // "Which armed groups is Petro negotiating with?" was answered with "…negotiations with armed groups…" (ten
    // times in the natural sets): the brief never says which.
    declinedBy(
      { namedCheck: false },
      ['Which armed groups is Petro negotiating with?', 'which armed groups is petro negotiating with'],
      /negotiations with armed groups/,
    );
    // A name answers, and so do initials; a sentence that does not speak of the kind is left to the search.
    expect(seed.ask('Which guerrilla group signed the peace agreement?').answer).toMatch(/former FARC guerrilla group/);
    expect(seed.ask('Which country sanctioned Petro?').answer).toMatch(/saw the U\.S\. revoke Petro's visa/);
    // Nor does a possessive ("She criticized Petro's approach to negotiations with armed groups" says whose approach).
    expect(seed.ask('What are the names of the armed groups?').answered).toBe(false);
    expect(seed.ask('Which armed groups is Colombia negotiating with?').answered).toBe(false);
    // A word of the kind no brief holds is no part of it ("Which specific armed groups…?").
    expect(seed.ask('Which specific armed groups has Petro been negotiating with?').answered).toBe(false);
    const e = engineOf(file('a.txt', 'Title: Truce\n\nThe truce was signed on Monday by two rebel groups, officials said.\n'));
    expect(e.ask('Which rebel groups signed the truce?').answered).toBe(false);
    const f = engineOf(file('a.txt', 'Title: Truce\n\nThe truce was signed on Monday by two rebel groups, the Northern Front and the Sea Army.\n'));
    expect(f.ask('Which rebel groups signed the truce?').answer).toMatch(/Northern Front/);
  });

  it('a question for a number is declined when no sentence near the best says how many', () => {
    // The brief gives no age: what Petro did is not how old he is ("Feb. 3" is a date, not a quantity).
    expect(seed.ask('How old is Petro?').answered).toBe(false);
    expect(seed.ask('How old is Petro?', {}, { numberCheck: 0 }).answered).toBe(true);
    const e = engineOf(
      file('a.txt', 'Title: Harbour works\n\nThe council approved the harbour works on Monday.\n\nThe works will cost 12 million euros, the council said.\n'),
      file('b.txt', 'Title: Engine tests\n\nThe new engine gave twice the thrust of the old one in its first tests.\n'),
      file('c.txt', 'Title: Quay clearing\n\nWorkers began clearing the old quay on Tuesday, the port said.\n'),
    );
    expect(e.ask('How much will the harbour works cost?').answer).toMatch(/12 million euros/);
    // A number in words answers too.
    expect(e.ask('How much thrust did the new engine give?').answer).toMatch(/twice the thrust/);
    // The quay brief says who and when, not how many.
    expect(e.ask('How many workers are clearing the old quay?').answered).toBe(false);
    expect(e.ask('How many workers are clearing the old quay?', {}, { numberCheck: 0 }).answer).toMatch(/^Workers began clearing/);
    // "one of the largest" says no count; "no one was hurt" says none, "one train an hour" one.
    const f = engineOf(
      file(
        'a.txt',
        'Title: Cancer care\n\nThe Curie Institute of Oncology is one of the largest cancer hospitals in Europe, the city says.\n\nNo one was hurt when the old wing of the Curie Institute was closed.\n',
      ),
      file('b.txt', 'Title: Rail works\n\nTrains will run less often while the tracks are renewed. One train an hour will run on Sundays.\n'),
    );
    expect(f.ask('How many doctors work at the Curie Institute of Oncology?').answered).toBe(false);
    expect(f.ask('How many people were hurt at the Curie Institute?').answer).toMatch(/^No one was hurt/);
    expect(f.ask('How many trains will run on Sundays?').answer).toMatch(/One train an hour/);
  });

  it('a question for a day is answered by the sentence close behind that names one, when the best names none', () => {
    // "…held a cordial call to finalize preparations" names no day; the next paragraph, "…during the exchange Friday…", does.
    for (const q of ['What day did Rubio and Villavicencio talk?', 'rubio call which day']) {
      expect(seed.ask(q).answer, q).toMatch(/during the exchange Friday/);
      expect(seed.ask(q, {}, { dayFloor: 0 }).answer, q).toMatch(/^In a significant diplomatic shift/);
    }
    // A best sentence that names the day answers as before.
    expect(seed.ask('What day is the White House meeting?').answer).toMatch(/scheduled for Feb\. 3/);
  });

  it('a question for when something is to happen is answered by the sentence that tells of it to come', () => {
    // "…a sharp reversal from September, when Washington threatened…" holds "Washington" and dates the past; the lead
    // dates the meeting "scheduled for Feb. 3".
    for (const q of ['When is Petro supposed to meet Trump in Washington?', 'What day is Petro supposed to meet Trump in Washington?']) {
      expect(seed.ask(q).answer, q).toMatch(/^Colombian President Gustavo Petro said .* scheduled for Feb\. 3/);
      expect(seed.ask(q, {}, { futureFloor: 0 }).answer, q).toMatch(/^According to Tommy Pigott/);
    }
    // A question for what was is answered as before.
    expect(seed.ask("When did Washington threaten to revoke Petro's visa?").answer).toMatch(/from September/);
  });

  it('a question whether something happened is answered where it happened, not where it was only threatened', () => {
    // "…a sharp reversal from September, when Washington threatened to revoke Petro's visa…" / "…saw the U.S. revoke
    // Petro's visa and impose sanctions…".
    // So is a question for what was done to it.
    for (const q of [
      "Did the US cancel Petro's visa?",
      "Did the US actually take away Petro's visa at some point?",
      "What did Washington do to Petro's travel visa?",
    ]) {
      expect(seed.ask(q).answer, q).toMatch(/^The announcement marks a significant de-escalation/);
      expect(seed.ask(q, {}, { unrealizedFactor: 1 }).answer, q).toMatch(/^According to Tommy Pigott/);
    }
    // A question about the threat itself is answered by it.
    expect(seed.ask("Did Washington threaten to revoke Petro's visa?").answer).toMatch(/^According to Tommy Pigott/);
  });

  it('a question for when something happens is declined when no brief holds its closing verb, nor a word related to it', () => {
    // "When does Petro's term end?" was answered with the nearest date ("…told the U.N. Security Council Friday…").
    for (const q of ["When does Petro's term as Colombia's president end?", 'when does petros term as president end']) {
      expect(seed.ask(q).answered, q).toBe(false);
      expect(seed.ask(q, {}, { timeCheck: 0 }).answered, q).toBe(true);
    }
    // Not an object closing the question, a verb the answer says in its own words, a word of the briefs, a typo.
    for (const q of [
      'When did Rubio speak with his Colombian counterpart?',
      'When does the meeting start?',
      'When will they meet?',
      'When did things calm down?',
    ])
      expect(seed.ask(q).answered, q).toBe(true);
  });

  it('a question for a point in time is declined when the answering passage gives no time and its sentence says only part of it', () => {
    // The brief mentions the peace agreement but not when it was signed, nor the signing.
    // Asked indirectly too: "Tell me when…" leaves the question's words in the order of a clause.
    for (const q of [
      'When was the peace agreement signed?',
      'When will the sanctions be lifted?',
      'Tell me when the FARC peace agreement was signed',
      'What year was the peace agreement with the FARC signed?',
    ]) {
      expect(seed.ask(q).answered, q).toBe(false);
      // (Nothing lifted either: `undoneCheck`, below, declines the sanctions question too.)
      expect(seed.ask(q, {}, { timeCheck: 0, undoneCheck: false }).answered, q).toBe(true);
    }
    // A passage that gives a time answers, as does a sentence that says the whole question (the brief's news, which its date places).
    expect(seed.ask('When did Petro call Trump?').answer).toMatch(/early January/);
    // A sentence at least half as good that gives a date answers before the question is declined: "The talks are going
    // well…" holds "talk" but no time, "…eased in early January when Trump took a phone call from Petro…" the date.
    expect(seed.ask('When did Trump and Petro first talk?').answer).toMatch(/^Tensions between the presidents eased in early January/);
    expect(seed.ask('When did Trump and Petro first talk?', {}, { timeFloor: 0 }).answered).toBe(false);
    // Not for a reader insisting on the time, when it is another event's: the sanctions are dated nowhere.
    for (const q of ['When exactly did the US first sanction Petro?', "When exactly did Washington slap penalties on Petro's family?"]) {
      expect(seed.ask(q).answered, q).toBe(false);
    }
    expect(seed.ask('When did Petro say the talks were going well?').answer).toMatch(/^"The talks are going well," Petro said/);
    const e = engineOf(
      file('a.txt', 'Title: Bronze finds\n\nThe bronze tools were made during the Bronze Age, the museum said.\n'),
      file('b.txt', 'Title: Clay finds\n\nThe clay pots were shaped by hand, the museum said.\n'),
      file('c.txt', 'Title: Port strike\n\nDockers voted for a strike over pay, the union said.\n'),
    );
    // A word of time places the tools; nothing places the pots.
    expect(e.ask('When did people use the bronze tools?').answer).toMatch(/Bronze Age/);
    expect(e.ask('When did people use the clay pots?').answered).toBe(false);
    expect(e.ask('When did people use the clay pots?', {}, { timeCheck: 0 }).answer).toMatch(/^The clay pots/);
    expect(e.ask('When did the dockers walk out?').answered).toBe(false);
    expect(e.ask('When did the dockers vote?').answer).toMatch(/^Dockers voted/);
    // A sentence that says all the question does answers without a time, unless the reader insists on one: "When exactly
    // were the sanctions on Petro imposed?" was answered with "…months of hostility that saw the U.S. … impose sanctions…".
    expect(e.ask('When did the dockers vote for a strike over pay?').answer).toMatch(/^Dockers voted/);
    expect(e.ask('When exactly did the dockers vote for a strike over pay?').answered).toBe(false);
    declinedBy(
      { timeCheck: 0 },
      ['When exactly were the sanctions on Petro imposed?', 'Exactly when were the sanctions on Petro first imposed?'],
      /impose sanctions/,
    );
    expect(seed.ask('When exactly is the meeting?').answer).toMatch(/scheduled for Feb\. 3/);
    // "When do…?" asks for a condition, not a time.
    expect(e.ask('When do dockers strike?').answered).toBe(true);
  });

  it('"What is the X meeting about?" is answered where the brief names the topics, not where it names the meeting', () => {
    // The lead says "White House meeting" but names no topic; the topics come with "the upcoming meeting".
    const q = 'What is the White House meeting about?';
    expect(seed.ask(q).answer).toMatch(/^According to both governments, the upcoming meeting will pivot/);
    expect(seed.ask(q, {}, { aboutFloor: 0 }).answer).toMatch(/^Colombian President Gustavo Petro said he was optimistic/);
    // So is a question for the topics "for / at the" thing, however much of the lead it repeats.
    const agenda = 'What topics are on the agenda for the Feb. 3 White House meeting?';
    expect(seed.ask(agenda).answer).toMatch(/^According to both governments, the upcoming meeting will pivot/);
    expect(seed.ask(agenda, {}, { aboutFloor: 0 }).answer).toMatch(/^Colombian President Gustavo Petro said he was optimistic/);
    // The agenda may be named by what it is for: "the meeting agenda", "the White House meeting agenda" (natural conversations 132).
    for (const q of ["What's on the meeting agenda?", "What's on the White House meeting agenda?"])
      expect(seed.ask(q).answer, q).toMatch(/^According to both governments, the upcoming meeting will pivot/);
    // And what they will talk about "at the" thing ("The talks are going well… preparations for the meeting" holds both words).
    const talk = 'What are they going to talk about at the meeting?';
    expect(seed.ask(talk).answer).toMatch(/^According to both governments, the upcoming meeting will pivot/);
    expect(seed.ask(talk, {}, { aboutFloor: 0 }).answer).toMatch(/^"The talks are going well,"/);
    // Not a sentence that names topics but not the thing asked about (the summit).
    const e = engineOf(
      file(
        'a.txt',
        'Title: Summit\n\nThe leaders will meet at the Blue Palace on Monday for a long-awaited summit.\n\nTalks will focus on water rights, officials said.\n',
      ),
    );
    expect(e.ask('What is the Blue Palace summit about?').answer).toMatch(/^The leaders will meet/);
  });

  it('"What economic topics…?", "Beyond trade, which issue…?": topics asked for with words before them', () => {
    // (Typed "other", the questions' "bring up" and "attention" sank them: declined.)
    expect(seed.ask('What economic topics will Colombia bring up at the meeting?').answer).toMatch(/joint economic opportunities/);
    const beyond = 'Beyond trade and security, which issue is expected to get the most extra attention in the talks?';
    expect(seed.ask(beyond).answer).toMatch(/transnational organized crime/);
    expect(questionType("What business topics are on next week's agenda?")).toBe('topic');
    // Not a verb or a determiner before the noun: "What were those priorities?" asks what they were.
    expect(questionType('What were those priorities, in their words?')).not.toBe('topic');
  });

  it('"Will they discuss X?" is answered by the sentence that names X among the topics', () => {
    // "Discussions are also expected to focus on…" holds "discuss"; "…common priorities, including trade, joint economic
    // opportunities, and regional security" names the thing.
    for (const q of ['Will they discuss security?', 'will they discuss security too', 'Will they discuss security issues?'])
      expect(seed.ask(q).answer, q).toMatch(/^According to both governments, .*regional security/);
    expect(questionType('Will they discuss security?')).toBe('topic');
    // What they discussed is the past, no topic to come.
    expect(questionType('Did Trump and Petro discuss drugs?')).not.toBe('topic');
  });

  it('"What will X and Y talk about?" is answered where the brief names the topics to come, not where the two talk now', () => {
    // Locetta's "…Trump and Petro are engaging in "productive conversations"…" holds all three words.
    for (const q of ['What will Trump and Petro talk about?', 'What are Petro and Trump going to talk about?']) {
      expect(seed.ask(q).answer, q).toMatch(/^According to both governments, the upcoming meeting will pivot/);
      expect(seed.ask(q, {}, { aboutFloor: 0 }).answer, q).toMatch(/^U\.S\. deputy ambassador Jennifer Locetta/);
    }
    // What they talked about is the past: the call in January.
    expect(seed.ask('What did Trump and Petro discuss in January?').answer).toMatch(/^Tensions between the presidents eased in early January/);
    // The thing after "at the" may be where they talk, which no topic sentence names: then the topics to come answer.
    // (A named place closing the question is read as such before this floor: see "…talk about on Feb. 3?".)
    const atHouse = 'What are they actually going to talk about at the White House?';
    expect(seed.ask(atHouse).answer).toMatch(/^According to both governments, the upcoming meeting will pivot/);
    // An agenda is of what is to come: "…on the agenda for the two presidents?" was answered with "Tensions between the presidents eased…".
    const agenda = 'What topics are on the agenda for the two presidents?';
    expect(seed.ask(agenda).answer).toMatch(/^According to both governments, the upcoming meeting will pivot/);
    expect(seed.ask(agenda, {}, { aboutFloor: 0 }).answer).toMatch(/^Tensions between the presidents eased/);
  });

  it('the story\'s two parties described in words no brief holds ("the two leaders", "between the two countries") stand for them, as "they" does', () => {
    // The brief says "the presidents", never "leaders": the question had little else to weigh, and was declined.
    // (Before "say" too: "What topics do the two sides say they plan to discuss?")
    for (const q of [
      'What will the two leaders talk about?',
      'What are the two leaders planning to talk about?',
      'What will the two countries talk about?',
      'What topics do the two sides say they plan to discuss?',
    ]) {
      expect(seed.ask(q).answer, q).toMatch(/^According to both governments, the upcoming meeting will pivot/);
      expect(seed.ask(q, {}, { describedParties: false, roleNames: false, retrieve: { derivedOfUnknown: 0 } }).answered, q).toBe(false);
    }
    expect(seed.ask('When will the two leaders meet?').answer).toMatch(/scheduled for Feb\. 3/);
    // Words the briefs hold are weighed as ever ("besides the two presidents": the brief names no one else),
    // "which two leaders" asks who they are, and two days are no parties.
    expect(seed.ask('Who will attend the meeting besides the two presidents?').answered).toBe(false);
    expect(seed.ask('Which two leaders are meeting?', {}, { describedParties: false }).answered).toBe(seed.ask('Which two leaders are meeting?').answered);
    expect(seed.ask('What happened in the two days before?', {}, { describedParties: false }).answered).toBe(
      seed.ask('What happened in the two days before?').answered,
    );
    // Nor does it let through what the briefs do not tell of.
    expect(seed.ask('What did the two leaders say about the climate?').answered).toBe(false);
    // After "between", anywhere in the question: "the two countries" is how the reader calls the parties.
    const between = "I'm curious how long the hostility between the two countries went on before this";
    expect(seed.ask(between).answer).toMatch(/after months of hostility/);
    expect(seed.ask(between, {}, { describedParties: false }).answered).toBe(false);
  });

  it('what was posted, named in words no brief holds ("his update"), stands for whatever the brief calls it', () => {
    // ("his update" is a message by the lexicon's news usage now.)
    for (const q of ['Where did Petro post his thoughts?', 'Which social media platform did Petro post his comment on?']) {
      expect(seed.ask(q).answer, q).toMatch(/message on X/);
      expect(seed.ask(q, {}, { postedThing: false }).answered, q).toBe(false);
    }
    // A word the briefs hold is weighed as ever ("his message"), and what the briefs do not tell of is declined.
    expect(seed.ask('What was Petro reacting to when he posted his message?').answer).toMatch(/foreign ministry/);
    expect(seed.ask('Where did Trump post his update?').answered).toBe(false);
  });

  it('"Who set up the meeting?" is answered by who did it, not by who said something of it (actorFloor)', () => {
    const q = 'Who set up the meeting?';
    expect(seed.ask(q).answer).toMatch(/^In a significant diplomatic shift, Colombian Foreign Minister Rosa Villavicencio/);
    expect(seed.ask(q, {}, { actorFloor: 0 }).answer).toMatch(/^"The talks are going well," Petro said/);
    // A sentence whose only other name is the question's, or none, stays ("Who else got hit with sanctions besides Petro?").
    expect(seed.ask('Who else besides Petro got hit with the sanctions?').answer).toMatch(/sanctions on him and his family/);
  });

  it('"What prompted the post?", "What was he reacting to?" ask why: the verb names what is asked', () => {
    for (const q of ['What prompted the post?', 'What was he reacting to?', 'What was he responding to when he wrote that', 'What led to the thaw?'])
      expect(questionType(q), q).toBe('reason');
    // Not how someone reacted, nor what a reaction was to by name.
    expect(questionType('How did Petro react to the announcement?')).not.toBe('reason');
    expect(questionType('What was Petro reacting to the news with?')).not.toBe('reason');
    // Only there is the verb no evidence: "Why did Colombia respond to the criticism?" asks about a response.
    expect(askedForTerms('What was he reacting to?', 'reason').has(analyze('reacting')[0]!)).toBe(true);
    expect(askedForTerms('Why did Colombia respond to the criticism?', 'reason').has(analyze('respond')[0]!)).toBe(false);
    // After the post, asked as "why": its "after citing an announcement…" (it was declined, "reacting" a word no brief holds).
    const first = chat(seed, 'What did Petro say on X?', []);
    expect(chat(seed, 'What was he reacting to?', first.history).reply.answer).toMatch(/after citing an announcement/);
  });

  it('"What exactly did Petro say at the rally?" is declined: the sentence telling of it quotes no one (quoteCheck)', () => {
    for (const q of ['What exactly did Petro say about Trump at the New York rally?', "What were Petro's exact words at the rally in New York?"]) {
      expect(seed.ask(q).answered, q).toBe(false);
      expect(seed.ask(q, {}, { quoteCheck: false }).answered, q).toBe(true);
    }
    // A sentence quoting the words asked for answers.
    expect(seed.ask('What exactly did Petro say about how the negotiations are going?').answer).toMatch(/^"The talks are going well,"/);
    // Nor is a promise a saying: "What exactly did Rubio promise?" is answered with what he promised.
    expect(seed.ask('What exactly did Rubio promise Petro?').answer).toMatch(/full diplomatic guarantees/);
  });

  it('"Will there be a press conference after the meeting?" is declined: the passage answering never names one', () => {
    const q = 'Will there be a press conference after the White House meeting?';
    expect(seed.ask(q).answered).toBe(false);
    expect(seed.ask(q, {}, { thingCheck: false }).answer).toMatch(/White House meeting/);
    // The thing is its last word: "joint economic opportunities" names no conference.
    const joint = 'Will there be a joint press conference after they meet?';
    expect(seed.ask(joint).answered).toBe(false);
    expect(seed.ask(joint, {}, { thingCheck: false }).answered).toBe(true);
    // A thing the passage names, in another form ("threatened"), is answered; a frame asks about what follows.
    expect(seed.ask("Were there threats to cancel Petro's visa before?").answer).toMatch(/threatened to revoke Petro's visa/);
    expect(seed.ask('Is there any evidence Washington still has concerns about Colombia despite the thaw?').answer).toMatch(/deeply concerned/);
  });

  it('an ordinal is its number: "February 3rd" is the brief\'s "Feb. 3", and "rd" no word the briefs lack', () => {
    expect(seed.ask('How does Petro feel about meeting Trump on February 3rd?').answer).toMatch(/optimistic/);
  });

  it('a reader\'s ranking ("the top diplomats", "the biggest change") does not count against answering', () => {
    for (const q of ["What happened between the two countries' top diplomats?", "How did the two countries' top diplomats get the meeting ready?"]) {
      expect(seed.ask(q).answer, q).toMatch(/^In a significant diplomatic shift/);
      // (Naming the two ministers, `roleNames`, finds them too.)
      expect(seed.ask(q, {}, { aspectWords: false, roleNames: false, describedParties: false, retrieve: { derivedOfUnknown: 0 } }).answered, q).toBe(false);
    }
  });

  it('a doubting reader\'s hedge ("supposedly", "allegedly") does not count against answering', () => {
    // (Of "insist": a "claim" now reads as the brief's "allegations", which answer it without the hedge's help.)
    const hedged = 'Where did Petro supposedly insist the negotiations were going fine?';
    expect(seed.ask(hedged).answer).toMatch(/message on X/);
    expect(seed.ask(hedged, {}, { aspectWords: false }).answered).toBe(false);
    expect(seed.ask('What did Rubio allegedly give the pope?').answered).toBe(false);
  });

  it('words that place an event in its course ("still", "start to") do not count against answering', () => {
    // The brief says the US "remains deeply concerned", and that tensions "eased in early January": "reportedly" and
    // "start" are words no sentence holds, and weighed as much as "worried" and "calming". ("still" was the example
    // until the lexicon's news usage gave it "remain", 2026-12-02.)
    const still = 'What is the US reportedly worried about?';
    expect(seed.ask(still).answer).toMatch(/^U\.S\. deputy ambassador Jennifer Locetta told/);
    expect(seed.ask(still, {}, { aspectWords: false }).answered).toBe(false);
    expect(seed.ask('What is the US still worried about?', {}, { aspectWords: false }).answer).toMatch(/^U\.S\. deputy ambassador Jennifer Locetta told/);
    const start = 'When did things between the two presidents start calming down?';
    expect(seed.ask(start).answer).toMatch(/^Tensions between the presidents eased in early January/);
    expect(seed.ask(start, {}, { aspectWords: false, retrieve: { derivedOfUnknown: 0 } }).answered).toBe(false);
    // "first" before the event's verb ("…first begin to calm down?"; natural set 176, "…improve?", which the lexicon's
    // news usage now gives "eased" for), not "the first…".
    const first = 'When did relations between the two presidents first begin to calm down?';
    expect(seed.ask(first).answer).toMatch(/^Tensions between the presidents eased in early January/);
    expect(seed.ask(first, {}, { aspectWords: false, retrieve: { derivedOfUnknown: 0 } }).answered).toBe(false);
    // So does "plan to" before the event ("…plan to cooperate against crime": the event is the cooperating).
    const plan = 'How do both countries plan to cooperate against crime after this meeting?';
    expect(seed.ask(plan).answer).toMatch(/intensifying the fight against transnational organized crime/);
    expect(seed.ask(plan, {}, { aspectWords: false }).answered).toBe(false);
    // The event itself still has to be in the briefs.
    expect(seed.ask('Is Petro still married?').answered).toBe(false);
    expect(seed.ask('When did the drug war begin?').answered).toBe(false);
  });

  it('"how X feels about Y", as a request leaves it ("Can you tell me how Petro feels…?"), asks what X says about Y', () => {
    const q = 'Can you tell me how Petro feels about the upcoming meeting?';
    expect(questionType('how Petro feels about the upcoming meeting?')).toBe('speech');
    expect(seed.ask(q).answer).toMatch(/^Colombian President Gustavo Petro said he was optimistic/);
    // Read as any question, the words "upcoming meeting" drew it to the topics sentence.
    expect(seed.ask(q, {}, { stanceWeight: 0 }).answer).not.toMatch(/^Colombian President Gustavo Petro said he was optimistic/);
    // Not when the question asks whether someone said so ("Did Trump say how he feels…?"): no "how" opens it.
    expect(questionType('Did Trump say how he feels about meeting Petro?')).not.toBe('speech');
  });

  it('"How does X feel about Y?", "What did X say about Y?" are answered by what X is about Y, before what X only said', () => {
    const q = 'How does Petro feel about the meeting?';
    expect(seed.ask(q).answer).toMatch(/^Colombian President Gustavo Petro said he was optimistic/);
    expect(seed.ask(q, {}, { stanceWeight: 0 }).answer).toMatch(/^"The talks are going well," Petro said/);
    // "How is X feeling?" asks the same ("feeling" is no word to match: its WordNet "experience" stems as
    // "experiments" does, which gave "She criticized Petro's approach…, saying experiments…").
    expect(seed.ask('How is Petro feeling?').answer).toMatch(/^Colombian President Gustavo Petro said he was optimistic/);
    // "What did X say about Y?" too, when what X is about is Y: the US "remains deeply concerned about
    // instability…" is not what Locetta said about coca ("…curb coca eradication…").
    expect(seed.ask('What did Petro say about the meeting?').answer).toMatch(/^Colombian President Gustavo Petro said he was optimistic/);
    expect(seed.ask('What did Petro say about the meeting?', {}, { stanceWeight: 0 }).answer).toMatch(/^"The talks are going well," Petro said/);
    expect(seed.ask('What did Locetta say about coca?').answer).toMatch(/^She criticized/);
  });

  it('"How many times a year…?" asks how often, which "on a quarterly basis" answers without a number', () => {
    const q = 'How many times a year does the Security Council review the agreement?';
    expect(seed.ask(q).answer).toMatch(/on a quarterly basis/);
    // Read as a question for a number, it was declined: no sentence near the best says how many.
    expect(seed.ask('How many times does the Security Council review the agreement?').answered).toBe(false);
  });

  it('a question for whoever holds a role no brief names is declined, not answered with a sentence about the place', () => {
    // The brief mentions a New York rally, and no mayor or police chief.
    for (const q of ['Who is the mayor of New York?', "Who's the police chief in New York?"]) {
      expect(seed.ask(q).answered).toBe(false);
      expect(seed.ask(q, {}, { roleCheck: false }).answer).toMatch(/New York rally/);
    }
    // A role the brief holds, and a question that ends with its preposition, are answered.
    expect(seed.ask('Who is the US secretary of state?').answer).toMatch(/Secretary of State Marco Rubio/);
    expect(seed.ask('Who was the FARC peace deal with?').answer).toMatch(/FARC guerrilla group and Colombia/);
  });

  it('reads questions as typed on a phone: "whats", "wheres", typos of function words, a role without its article', () => {
    expect(seed.ask('whats the meeting about').answer).toMatch(/^According to both governments, the upcoming meeting will pivot/);
    expect(seed.ask('wheres the meeting').answer).toMatch(/White House meeting/);
    expect(seed.ask('whens the meeting').answer).toMatch(/Feb\. 3/);
    // A misspelt function word is read as that word, not as a word the briefs lack.
    expect(seed.ask('what happend in january').answer).toMatch(/early January/);
    expect(seed.ask('waht did locetta say').answer).toMatch(/Locetta told/);
    expect(seed.ask('wen is the meeting').answer).toMatch(/Feb\. 3/);
    // "reason" asks why, as "why" does ("sanctions on petro why").
    expect(seed.ask('colombia sanctions reason').answer).toMatch(/drug-trafficking allegations/);
    expect(seed.ask('For what reason was Petro sanctioned?').answer).toMatch(/drug-trafficking allegations/);
    // "Who is president of…?" asks for whoever holds the post, as "Who is the president of…?" does.
    expect(seed.ask('who is president of colombia').answer).toMatch(/^Colombian President Gustavo Petro/);
    expect(seed.ask('who is mayor of new york').answered).toBe(false);
    // Words shortened as typed: "govt", "secy", "dept".
    expect(seed.ask('who is the us secy of state').answer).toMatch(/Secretary of State Marco Rubio/);
    expect(seed.ask('whats the state dept spokesman name').answer).toMatch(/Tommy Pigott, a State Department spokesman/);
    expect(seed.ask('what did the colombian govt say').answered).toBe(true);
    // And as a phone types them: "btwn", "n", "b4" (a single letter only in lower case, not an initial: "Kraków" holds no "w").
    expect(seed.ask('when did things calm down btwn trump n petro').answer).toMatch(/in early January/);
    expect(seed.ask('did trump and petro talk on the phone b4').answer).toMatch(/phone call from Petro/);
    // "msg", "pres" (declined: no brief holds them).
    expect(seed.ask('where did petro post his msg').answer).toMatch(/a brief message on X/);
    // (The title as the brief writes it is Petro's name: what he said, his own words first.)
    expect(spelledOut('wat did the colombian pres say')).toMatch(/colombian president say/);
    expect(seed.ask('wat did the colombian pres say').answer).toMatch(/^"The talks are going well," Petro said/);
    // "prep" is the preparations ("Who handled the prep work for the meeting on the diplomatic side?" was declined).
    expect(seed.ask('Who handled the prep work for the meeting on the diplomatic side?').answer).toMatch(/held a cordial call to finalize preparations/);
    // What a chat adds that asks nothing ("ngl", "lol", "fr") is left out; "fam" is the family.
    expect(seed.ask('ngl were the drug claims ever proven').answer).toMatch(/unproven drug-trafficking allegations/);
    expect(seed.ask('did the us sanction his fam lol').answer).toMatch(/sanctions on him and his family/);
    // A dropped "g" ("goin'"), "kinda", and a closing "or what?" as a relaxed reader types them.
    expect(seed.ask("What'd Petro post online about how things are goin'?").answer).toMatch(/The talks are going well/);
    expect(seed.ask("How's Petro feelin' about this big meeting with Trump, is he nervous or what?").answer).toMatch(/optimistic/);
    // "even" that stresses the question is no word to match ("…even though…" answered "who even is rubio");
    // "even with" keeps it.
    expect(seed.ask('who even is rubio').answer).toMatch(/Secretary of State Marco Rubio/);
    // "stuff" is as vague as "things" ("r they gonna talk abt crime stuff too" was declined).
    expect(seed.ask('r they gonna talk abt crime stuff too').answer).toMatch(/organized crime/);
    expect(seed.ask('Even with the talks going on, what is the US still worried about in Colombia?').answer).toMatch(/deeply concerned/);
  });

  it('"PM" is the prime minister (not "3 PM")', () => {
    // The seed and the conversation fixtures: "Japan's prime minister will travel to Beijing on March 2…".
    const e = engineOf(...readBriefFilesSync('seeds'), ...readBriefFilesSync('tests/fixtures/conversations'));
    for (const q of ["When will Japan's PM go to Beijing?", 'When will the Japanese PM go to Beijing?']) {
      expect(e.ask(q).answer, q).toMatch(/prime minister will travel to Beijing on March 2/);
    }
    const pm = engineOf(file('end.md', '---\ntitle: Talks\n---\nThe talks end at 3 PM on March 3.\n'));
    expect(pm.ask('When do the talks end at 3 PM?').answer).toMatch(/3 PM/);
  });

  it('a question that takes a change of plan as given is declined when no passage read reports one', () => {
    // The meeting is scheduled, not cancelled: the nearest sentence would answer as if it had been.
    declinedBy({ premiseCheck: false, entityCheck: false }, ['Why did Trump cancel the meeting with Petro?', 'Who called off the talks?']);
    // A yes / no question is answered with what stands: the date the meeting is set for.
    for (const q of ['Was the meeting cancelled?', 'is the meeting still on?', 'Is the White House meeting going ahead?'])
      expect(seed.ask(q).answer, q).toMatch(/scheduled for Feb\. 3/);
    // A cancelling only threatened is no premise that one happened.
    expect(seed.ask("Why did Washington threaten to cancel President Petro's visa back in September?").answer).toMatch(/criticism of U\.S\. foreign policy/);
  });

  it('a given name the briefs write only before one surname is read as the surname: "Gustavo" is Petro', () => {
    // Written as a Colombian reader writes (natural set 45): "Gustavo" is in one sentence, the answers name "Petro".
    for (const [q, answer] of [['What was the excuse Washington used for the sanctions on Gustavo?', /drug-trafficking allegations/]] as const) {
      expect(seed.ask(q).answer, q).toMatch(answer);
      expect(seed.ask(q, {}, { retrieve: { givenNames: 0 } }).answered, q).toBe(false);
    }
    // Not a word of English before a name ("French" in "French Huguenots"), nor a name before a word of English.
    const e = engineOf(
      file('m.md', '---\ntitle: Letters\n---\nThe Katyn Museum opened in 1993.\n\nThe Museum holds letters.\n\nVisitors praise the Museum.\n'),
    );
    expect(retrieve(e.index, 'What does Katyn hold?').terms).toEqual(analyze('Katyn hold'));
    expect(retrieve(seed.index, 'What did Gustavo say?').terms).toEqual(analyze('Petro say'));
  });

  it('a yes-no question asks no question word of its clauses; a topic question may name its event after the verb', () => {
    // "when Petro visits…" made this a date question, answered with the date of the visit.
    const q = 'Is security on the agenda when Petro meets Trump?';
    expect(questionType(q)).toBe('topic');
    expect(seed.ask(q).citations[0]!.passageId).toBe(`${SEED}#p6`);
    // A question word after a verb of knowing or telling is asked.
    expect(questionType('Did they say when they will meet?')).toBe('date');
    expect(questionType('Is it known where the meeting will be?')).toBe('place');
    // "…talk about at the White House?": the place of the talks, not what they are about.
    expect(questionType('What are the two presidents supposedly going to talk about at the White House?')).toBe('topic');
  });

  it('a question about undoing what was done is declined when no passage read says it was undone', () => {
    // The brief reports the sanctions imposed and the visa revoked, nothing lifted or restored.
    declinedBy({ undoneCheck: false }, ["Has the US lifted the sanctions on Petro's family yet?", "Did Petro's visa get restored?"]);
    // The family of the word counts: the brief's "a sharp reversal" (of a threat) answers a question for a reversal, not a restoring.
    expect(seed.ask('What reversal happened?').answer).toMatch(/sharp reversal/);
    const e = engineOf(file('s.md', '---\ntitle: Sanctions\n---\nThe European Union lifted the sanctions on Monday after the vote.\n'));
    expect(e.ask('When were the sanctions lifted?').answer).toMatch(/on Monday/);
  });

  it('a question for who goes along with someone is declined when no passage read tells of anyone going along', () => {
    // The brief names the trip and the meeting, not who travels with Petro.
    for (const q of [
      'Will the foreign minister accompany Petro to Washington?',
      'Is Petro bringing Rosa Villavicencio with him to Washington?',
      "Will Petro's family be coming with him to Washington?",
      // Who goes with someone named ("Who's going with Petro…?"; not "Who will Petro meet with?").
      "Who's going with Petro to Washington?",
      'Which other Colombian officials will travel with Petro to Washington?',
      'is anyone else going with petro to washington',
      // Who else takes part: "Will Rubio be at the meeting?", "Who else is going to be at the White House meeting?"
      // (the brief's "joint economic opportunities" is no joining).
      'Will Rubio be at the meeting?',
      'Is Rubio going to be in the room for the meeting?',
      'Who else is going to be at the White House meeting?',
      'who else attending white house meeting',
      // Travelling with someone, a place between ("…travel to Washington with Petro?").
      "Will Colombia's foreign minister travel to Washington with Petro?",
      "Petro's wife will travel also with him to Washington?",
      // Joining someone, or sitting in on the talks (not a "joint" statement, nor joining forces).
      'Who else will join Trump and Petro at the meeting?',
      'Which other Colombian officials will join Petro at the White House?',
      'Will Rubio sit in on the talks between the two presidents?',
    ]) {
      expect(seed.ask(q).answered, q).toBe(false);
      expect(seed.ask(q, {}, { companyCheck: false }).answered, q).toBe(true);
    }
    expect(seed.ask('Who will Petro meet with?').answer).toMatch(/meeting with U\.S\. President Donald Trump/);
    // When someone will be somewhere, or whether he went to an event, is no question of who else takes part.
    expect(seed.ask('When will Petro be at the White House?').answer).toMatch(/scheduled for Feb\. 3/);
    // Where the event is asks for a place, not for who is at it.
    expect(seed.ask('Is the meeting going to be at the White House?').answer).toMatch(/White House meeting/);
    expect(seed.ask('Did Petro attend a rally in New York?').answer).toMatch(/at a New York rally/);
    // A passage that tells of companions answers ("…travels with his companions…").
    const e = engineOf(file('d.md', '---\ntitle: Doctor\n---\nThe Doctor travels in time with his companions, most of them humans.\n'));
    expect(e.ask('Who does the Doctor take with him on his travels?').answer).toMatch(/with his companions/);
    const f = engineOf(file('s.md', '---\ntitle: Summit\n---\nThe summit opens in Oslo on Monday. Ministers from nine countries will attend the summit.\n'));
    expect(f.ask('Who else will be at the summit?').answer).toMatch(/Ministers from nine countries will attend/);
  });

  it('a question for a response to what was said is declined when no passage read tells of a response', () => {
    // The brief has Locetta criticize Petro and no one answer her: the criticism is no reply to it.
    declinedBy({ responseCheck: false }, [
      'How did Colombia respond to the US criticism at the UN?',
      "Did Petro respond to Locetta's criticism at the UN?",
      "How did Colombia answer Locetta's criticism?",
      "What did Colombia's UN ambassador say back to the Security Council?",
    ]);
    // A passage that tells of one answers; a response to an event is what was done.
    const e = engineOf(
      file(
        'a.md',
        '---\ntitle: Port row\n---\nThe union criticized the port plan on Monday.\n\nThe port authority rejected the criticism, saying the plan would save jobs.\n',
      ),
      file('b.md', '---\ntitle: Storm\n---\nAfter the storm the city opened three shelters for families.\n'),
    );
    expect(e.ask("How did the port authority respond to the union's criticism?").answer).toMatch(/rejected the criticism/);
    expect(e.ask('How did the city respond to the storm?').answer).toMatch(/opened three shelters/);
  });

  it('a question for what someone said is answered where they speak, before a sentence that only names them', () => {
    // "She criticized Petro's approach to negotiations with armed groups, saying…" holds "negotiations"; Petro speaks in
    // "The talks are going well," Petro said in a brief message on X…
    for (const q of ['What did Petro say about the negotiations?', 'What exactly did Petro post about the negotiations with Washington?']) {
      expect(seed.ask(q).answer, q).toMatch(/^"The talks are going well," Petro said/);
      expect(seed.ask(q, {}, { speakerFloor: 0, saidCheck: false, postedFloor: 0, quoteCheck: false }).answer, q).toMatch(/^She criticized/);
    }
    // "She…" speaks on from the sentence before, which has Locetta speak.
    expect(seed.ask('What did Locetta say about the armed groups?').answer).toMatch(/^She criticized Petro's approach/);
  });

  it('a question for who says something is answered with who says it', () => {
    // "Who is the source for…?" asks who says so: "source" names no post the briefs lack.
    for (const q of [
      "Who is the source for the claim about Rubio's guarantees to Petro?",
      "Who's the source on that line about Petro calling to explain the drug situation?",
      'According to whom are the talks going well?',
      'On whose authority do we know that Rubio offered Petro guarantees?',
    ]) {
      expect(questionType(q), q).toBe('speaker');
    }
    expect(seed.ask("Who is the source for the claim about Rubio's guarantees to Petro?").answer).toMatch(/According to Tommy Pigott/);
    // "Who was the speaker?" after what was said: the one who said it ("speaker" is what is asked for, no word to
    // find; it was declined). "The speaker of the House" is a title.
    expect(questionType('Who was the speaker?')).toBe('speaker');
    expect(questionType('Who is the speaker of the House?')).toBe('person');
    const said = chat(seed, 'What did the US say at the UN?', []);
    expect(chat(seed, 'Who was the speaker?', said.history).reply.answer).toMatch(/^U\.S\. deputy ambassador Jennifer Locetta told/);
    // "Who gave that speech?", "Who delivered that message?", "Who made that public?": who said it (the speech, the
    // message were words to find, and it was declined); "Who made the phone call?" still asks who did something.
    for (const q of ['Who gave that speech?', 'Who delivered that message?', 'Who made that public?', 'Which official gave the readout?']) {
      expect(questionType(q), q).toBe('speaker');
    }
    expect(questionType('Who made the phone call in January?')).toBe('person');
    expect(chat(seed, 'Who gave that speech?', said.history).reply.answer).toMatch(/^U\.S\. deputy ambassador Jennifer Locetta told/);
    // The sentence that holds the question has no one speak; the one before it names who does, and leads.
    // (Of "shared aims": "shared goals" now meets "common priorities" in the sentence that names who says it.)
    const q = 'Who says the meeting will focus on shared aims rather than the fighting?';
    expect(seed.ask(q).answer).toMatch(/^According to both governments, .*Discussions are also expected to focus/);
    expect(seed.ask(q, {}, { attributionLead: false }).answer).not.toMatch(/According to both governments/);
  });

  it('a question for the time of day is declined when the answer would give only the day', () => {
    // "…scheduled for Feb. 3" says the day, not the hour asked for.
    declinedBy(
      { clockCheck: false },
      [
        'What time of day is the White House meeting on February 3?',
        'Can you tell me what time the White House meeting starts?',
        // (As typed on a phone, and with "exactly" before the verb.)
        'what time meeting start',
        'At what time exactly the White House meeting will start on Feb 3?',
        "What time's the meeting?",
        'meeting start time',
      ],
      /scheduled for Feb\. 3/,
    );
    // A sentence that gives the hour answers; "What time frame / period…?" asks for no hour.
    const e = engineOf(file('t.md', '---\ntitle: Talks\n---\nThe talks open on March 3 at 3 p.m. in Geneva.\n\nThe truce covers March 1 to March 9.\n'));
    expect(e.ask('What time do the talks open?').answer).toMatch(/3 p\.m\./);
    expect(e.ask('What time frame does the truce cover?').answer).toMatch(/March 1 to March 9/);
  });

  it('an interjection opening a message ("Wait,", "Oh,", "Hold on —") is no word to match', () => {
    // "Wait, what happened back in September?" was declined: the brief has no "wait".
    expect(seed.ask('Wait, what happened back in September?').answer).toMatch(/reversal from September/);
    expect(seed.ask('wait petro and trump are cool now?? since when').answer).toMatch(/^Tensions between the presidents eased in early January/);
    expect(seed.ask('Hold on — when is the meeting?').answer).toMatch(/scheduled for Feb\. 3/);
    // Nor a greeting ("hello there" too: "there" was read as a word of the question).
    expect(seed.ask('hello there, what did Locetta say?').answer).toMatch(/^U\.S\. deputy ambassador Jennifer Locetta told/);
  });

  it('a word linking a message to the chat ("ok", "so", "and") before a question word is no word to match', () => {
    // "ok what did petro actually say about the talks?" (natural set 91) was read as no question for what was
    // said, and answered with "…while pursuing talks…": the question type is read from its first word.
    for (const q of [
      'ok what did petro actually say about the talks?',
      'and what did Petro say about the talks?',
      'okay so what did petro say about the talks?',
    ]) {
      expect(seed.ask(q).answer, q).toMatch(/^"The talks are going well," Petro said/);
    }
  });

  it('courtesies are no words to match: a polite request, a closing "please", an aside, "whether", "Mr."', () => {
    // Written as a retired teacher writes (natural set 44): 11 of 30 right as written, the declines mostly these.
    const asked = {
      'I would be grateful to know how President Petro feels about his coming meeting with Mr. Trump. Is he hopeful about it, or rather worried?': /optimistic/,
      'May I ask who at the State Department spoke publicly about what Mr. Rubio had promised?': /Tommy Pigott/,
      "If you don't mind my asking, how often does the Security Council review the peace agreement?": /quarterly/,
      'Sorry, when is the meeting?': /scheduled for Feb\. 3/,
      'What did Locetta criticize? Thanks in advance.': /criticized Petro's approach/,
      // An aside that holds no word of the briefs is left out; one that gives the question's context is not.
      "Could you kindly remind me of the name of Colombia's foreign minister? I am afraid I did not catch it.": /Rosa Villavicencio/,
      'I am a little confused about the telephone call in January. Did Mr. Trump ring President Petro, or was it the other way round?': /phone call from Petro/,
      // So is a remark before the question in its sentence, about the reader or in words no brief holds.
      "I don't follow politics much, but when is Colombia's president actually meeting Trump?": /scheduled for Feb\. 3/,
      "I'm not sure I know, who was the peace agreement with?": /former FARC guerrilla group/,
      'Petro, when is he meeting Trump?': /scheduled for Feb\. 3/,
      // The reader's name for the brief itself is no word to find ("…in this story?", "…quoted in the article?").
      'Who is the State Department person quoted in the article?': /Tommy Pigott, a State Department spokesman/,
      // A party named as a side is the party ("Colombia's side", "both sides").
      "Who was Colombia's side on the call with Rubio to lock in the meeting plans?": /Colombian Foreign Minister Rosa Villavicencio/,
      "What topics are both sides saying they'll cover at the meeting?": /^According to both governments/,
      // A concession before or after the question sets it in its context and asks nothing ("…despite the thaw?").
      'Despite the friendly talk, is the U.S. still worried about Colombia?': /deeply concerned/,
      'Is there any evidence Washington still has concerns about Colombia despite the thaw?': /deeply concerned/,
      // (With no word such as "the" before the mood: "…despite friendlier talks?"; natural set 174.)
      'Is the U.S. still worried about Colombia despite friendlier talks?': /deeply concerned/,
      // "May I ask" closing the question or set inside it asks nothing (natural set 176).
      "How does Colombia's president feel about his upcoming visit to Washington, if I may ask?": /optimistic/,
      'How often, may I ask, does the Security Council look at how the peace agreement is being carried out?': /quarterly/,
      // A correction opening the message ("No, I meant…") is no word to match.
      "No, I meant why does the UN care about Colombia's peace process?": /reviews the implementation of the peace agreement/,
      // "whether" opens the question asked indirectly: no word to find.
      'I would like to know whether the two foreign ministers spoke in person or by telephone.':
        /Rosa Villavicencio and U\.S\. Secretary of State Marco Rubio held/,
      // "Mr." names no one the briefs lack.
      'According to Mr. Trump, what reason did President Petro give for calling him?': /explain the drug situation/,
    };
    for (const [q, answer] of Object.entries(asked)) expect(seed.ask(q).answer, q).toMatch(answer);
  });

  it('a phone call is a call: "phone" before "call" is no word of its own to find', () => {
    // 42 questions of the fixture call the ministers' call a "phone call"; the brief says they "held a cordial call", and
    // tells of "a phone call" only from Petro to Trump.
    for (const q of ['Was the phone call between the two top diplomats friendly?', 'Was the phone call between the two ministers friendly?'])
      expect(seed.ask(q).answer, q).toMatch(/^In a significant diplomatic shift, .* held a cordial call/);
    // The call that was a phone call is still found by its other words.
    expect(seed.ask('When did Petro make his phone call to Trump?').answer).toMatch(/^Tensions between the presidents eased in early January/);
  });

  it('a role named for a person, a man or a woman is one word: "spokesperson" meets "spokesman"', () => {
    // WordNet makes "spokesperson" a hypernym of "spokesman", and "spokesperson" is no common word of its own:
    // it met nothing, and the role check declined the question.
    for (const q of [
      'Who is the State Department spokesperson?',
      'who is the state department spokesperson quoted here?',
      'Who is the spokeswoman for the State Department?',
    ])
      expect(seed.ask(q).answer, q).toMatch(/Tommy Pigott/);
    const e = engineOf(file('club.md', '---\ntitle: Club news\n---\nThe club chairperson, Ana Ruiz, opened the season on Saturday.\n'));
    expect(e.ask('Who is the chairman of the club?').answer).toMatch(/Ana Ruiz/);
  });

  it('a question for the outcome of an event the brief gives as still to come is declined', () => {
    // The brief was written before the Feb. 3 meeting: its plans are no outcome.
    declinedBy(
      { outcomeCheck: false },
      [
        'What did Trump and Petro agree on at the meeting?',
        'what came out of the feb 3 meeting between trump and petro?',
        'What was decided at the White House meeting?',
      ],
      /scheduled for Feb\. 3/,
    );
    // An event the brief reports as done has an outcome to give.
    expect(seed.ask('What did Rubio and Villavicencio agree on?').answer).toMatch(/held a cordial call/);
    const done = engineOf(file('vote.md', '---\ntitle: Council vote\n---\nThe council voted 7-2 on Monday to approve the new budget.\n'));
    expect(done.ask('What was the outcome of the council vote?').answer).toMatch(/voted 7-2/);
    const planned = engineOf(file('vote.md', '---\ntitle: Council vote\n---\nThe council is scheduled to vote on the new budget on Monday.\n'));
    expect(planned.ask('What was the outcome of the council vote?').answered).toBe(false);
    expect(planned.ask('When will the council vote on the budget?').answer).toMatch(/scheduled to vote/);
  });

  it('a title prefix makes another post: the vice president is not the president, the deputy foreign minister not the foreign minister', () => {
    const declined = {
      'Who is the vice president of Colombia?': /FARC|President Gustavo Petro/,
      'Who is the US vice-president?': /President/,
      'Who is the deputy foreign minister?': /Foreign Minister Rosa Villavicencio/,
      'Who is the former president of Colombia?': /former FARC|President Gustavo Petro/,
      // Not only "Who is…?": any question that names the post.
      'What did the Colombian vice president say?': /Colombian President Gustavo Petro said/,
    };
    for (const [q, without] of Object.entries(declined)) {
      expect(seed.ask(q).answered, q).toBe(false);
      expect(seed.ask(q, {}, { roleCheck: false }).answer, q).toMatch(without);
    }
    // A word before the role that the title in the answer sentence does not have: another post.
    declinedBy({ roleCheck: false }, ["Who is Colombia's defense minister?", 'Who is the Colombian defense minister?'], /Foreign Minister Rosa Villavicencio/);
    // Nor is the deputy the post without the prefix: "Who is the US ambassador…?" of a paragraph that names
    // only the deputy ambassador.
    declinedBy({ roleCheck: false }, ['Who is the US ambassador?', 'Who is the US ambassador to Colombia?'], /deputy ambassador Jennifer Locetta/);
    // The post the brief names, with its prefix or without one.
    expect(seed.ask('Who is the deputy ambassador?').answer).toMatch(/deputy ambassador Jennifer Locetta/);
    // Typed with a typo, as the search reads it ("ambassdor" was declined as a post no sentence holds).
    expect(seed.ask('who is the us deputy ambassdor at the un').answer).toMatch(/deputy ambassador Jennifer Locetta/);
    // A country's initials between the prefix and the post are the country's (natural set 181), and a participle
    // after the role is what the holder does, not the role (set 179); both were declined.
    expect(seed.ask('Is Jennifer Locetta the deputy U.S. ambassador?').answer).toMatch(/deputy ambassador Jennifer Locetta/);
    expect(seed.ask('Who is the US deputy ambassador speaking to UN?').answer).toMatch(/deputy ambassador Jennifer Locetta/);
    expect(seed.ask('Who is the foreign minister?').answer).toMatch(/Foreign Minister Rosa Villavicencio/);
    // Words that describe whoever holds the post are no prefix ("Who was an important figure…?", "the current…"),
    // nor is "former" outside "Who is the former…?" ("the former FARC guerrilla group" is what the brief says).
    expect(seed.ask('Who is the current foreign minister of Colombia?').answer).toMatch(/Foreign Minister Rosa Villavicencio/);
    expect(seed.ask('What did the former guerrillas agree to?').answer).toMatch(/former FARC guerrilla group/);
  });

  it('a question whose word the answer sentence turns into its opposite is declined ("inconsistent" / "consistent"); a yes-no question is answered by it', () => {
    const e = engineOf(
      file(
        'f.txt',
        'Title: Force\n\nLaboratory measurements of forces are fully consistent with the definition of force offered by Newtonian mechanics.\n\n' +
          'The results were not improved upon for nearly three hundred years.\n',
      ),
    );
    expect(e.index.lexicon.opposed(analyze('inconsistent')[0]!, analyze('consistent')[0]!)).toBe(true);
    expect(e.index.lexicon.opposed(analyze('consistent')[0]!, analyze('inconsistent')[0]!)).toBe(true);
    const trick = 'Laboratory measurements of forces are fully inconsistent with what?';
    expect(e.ask(trick).answered).toBe(false);
    expect(e.ask(trick, {}, { oppositeCheck: false }).answer).toMatch(/^Laboratory measurements of forces are fully consistent/);
    expect(e.ask('Laboratory measurements of forces are fully consistent with what?').answered).toBe(true);
    // A sentence that says it with "not" answers the word's opposite ("unimproved" / "not improved").
    expect(e.ask('What went unimproved for nearly three hundred years?').answered).toBe(true);
    // A yes-no question is settled by the sentence that says the opposite: it is the answer ("No: …").
    expect(e.ask('Are laboratory measurements of forces fully inconsistent with Newtonian mechanics?').answer).toMatch(
      /^Laboratory measurements of forces are fully consistent/,
    );
    expect(seed.ask("Did Locetta praise Petro's strategy for negotiating with armed groups?").answer).toMatch(/^She criticized Petro's approach/);
    expect(seed.ask('Did Petro say the talks were going badly?').answer).toMatch(/The talks are going well/);
  });

  it('a word read as part of a two-word verb is not opposed as the word alone ("coming along" / "going")', () => {
    // WordNet opposes "come" and "go"; "come along" is a verb of its own (to progress), which "going well" answers.
    expect(seed.index.lexicon.opposed(analyze('come')[0]!, analyze('go')[0]!)).toBe(true);
    expect(seed.ask('What did Petro say about how the negotiations are coming along?').answer).toMatch(/The talks are going well/);
    expect(seed.ask('What did Petro say about how the negotiations are coming along?', {}, { oppositeCheck: false }).answer).toMatch(
      /The talks are going well/,
    );
  });

  it('an opposite that is a form of another word of the question is not one ("the West … eastern" / "Western")', () => {
    const e = engineOf(
      file(
        'o.txt',
        'Title: Orientalism\n\nThe discourse of Orientalism served as an ideological justification of early Western imperialism and of the control of other territories.\n\n' +
          'Scholars of the eastern Mediterranean disputed it.\n',
      ),
    );
    expect(e.index.lexicon.opposed(analyze('eastern')[0]!, analyze('western')[0]!)).toBe(true);
    expect(e.ask('What was used by the West to justify control over eastern territories?').answer).toMatch(/^The discourse of Orientalism/);
  });

  it('"What did Trump say?" wants his words: by name or by the role the brief gives him ("according to the U.S. president"), not what others said beside his name', () => {
    expect(seed.ask('What did Trump say?').answer).toMatch(/^Tensions between the presidents eased.*according to the U\.S\. president/);
    expect(seed.ask('What did the US say?').answer).toMatch(/deeply concerned/);
    // "according to Tommy Pigott, a State Department spokesman, Rubio confirmed": both speak.
    expect(seed.ask('What did the State Department say?').answer).toMatch(/^According to Tommy Pigott/);
    expect(seed.ask('What did Rubio say?').answer).toMatch(/Rubio confirmed/);
    // However the reader typed the name: a name is a word the brief writes capitalised.
    for (const q of ['what did trump say', 'WHAT DID TRUMP SAY?']) expect(seed.ask(q).answer, q).toMatch(/according to the U\.S\. president/);
    // The brief never has her speak: the call she held is not what she said.
    expect(seed.ask('What did Villavicencio say?').answered).toBe(false);
    expect(seed.ask('what did villavicencio say').answered).toBe(false);
    // The speaker is the subject before the verb: not Rubio, whom she would have told; not Petro, of whom Trump spoke.
    expect(seed.ask('What did Villavicencio tell Rubio?').answered).toBe(false);
    expect(seed.ask('What did Trump say about Petro?').answer).toMatch(/according to the U\.S\. president/);
    // A subject whose head is no name ("Colombia's foreign ministry") names no speaker to look for.
    expect(seed.ask("What did Colombia's foreign ministry say about the meeting?").answer).toMatch(/announcement from the foreign ministry/);
    // Without the check, the sentence where Petro speaks beside Trump's name answers.
    expect(seed.ask('What did Trump say?', {}, { speakerCheck: false }).answer).toMatch(/^Colombian President Gustavo Petro said/);
    expect(seed.ask('What did Villavicencio say?', {}, { speakerCheck: false }).answered).toBe(true);
  });

  it('a second verb of the sentence\'s subject speaks for it too ("Wentworth overhears Anne…, and writes her a letter")', () => {
    const e = engineOf(
      file(
        'p.txt',
        'Title: Persuasion\n\nAnne meets Captain Wentworth again in Bath. Anne also is told that Mr. Elliot wishes to marry her.\n\n' +
          "Soon after, Wentworth overhears Anne talking with Captain Harville about a woman's love, and writes her a letter declaring that he still cares for her.\n",
      ),
    );
    expect(e.ask('What does Wentworth write in a letter to Anne?').answer).toMatch(/declaring that he still cares/);
    expect(e.ask('What does Harville write?').answered).toBe(false);
  });

  it('a verb of saying is a whole word: "What did the writer publish?" asks for no speech', () => {
    expect(questionType('What did the writer publish?')).toBe('other');
    expect(questionType('What did Petro write?')).toBe('speech');
    expect(questionType('What did Petro tell the reporters?')).toBe('speech');
  });

  it('"What experiments did Locetta mention?", "What were the experiments Locetta mentioned?" ask what she said', () => {
    for (const q of ['What experiments did Locetta mention?', 'What were the experiments Locetta mentioned?']) {
      expect(questionType(q)).toBe('speech');
      // "mention" names what is asked; as a word to match (no brief holds it) the question was declined.
      expect(seed.ask(q).answer).toMatch(/^She criticized .* saying experiments to pause combat operations/);
    }
    // A date noun after "what" still asks for a date.
    expect(questionType('What year did Petro say the talks began?')).toBe('date');
  });

  it('the question word met first says what is asked: "when" inside a clause does not make a date question', () => {
    expect(questionType('What gained ground when Arab nationalism suffered?')).toBe('other');
    expect(questionType('How many died when the bridge fell?')).toBe('number');
    expect(questionType('Who called when the talks began?')).toBe('person');
    expect(questionType('When is the meeting?')).toBe('date');
    expect(questionType('In what year did it open?')).toBe('date');
    expect(questionType('What is the date of the meeting?')).toBe('date');
    expect(questionType('What topics are on the agenda?')).toBe('topic');
    expect(questionType('Will they talk about security?')).toBe('topic');
  });

  it('a word a chat ends on ("…about then?", "…anyway?") leaves the question what it was', () => {
    for (const q of ["ok so what's the meeting about then", "what's the meeting about anyway?"]) expect(seed.ask(q).answer, q).toMatch(/common priorities/);
    expect(questionType("so what's the meeting about then?")).toBe('topic');
  });

  it('"Will security come up?" asks whether a topic is raised: "come up" is no word to find', () => {
    // "come" weighed as a word the brief lacks, against "security" alone: declined.
    expect(questionType('Will security come up?')).toBe('topic');
    expect(seed.ask('Will security come up?').answer).toMatch(/^According to both governments, .*regional security/);
    expect(questionType('What came up at the meeting?')).toBe('other');
    expect(seed.ask('Will coffee tariffs come up?').answered).toBe(false);
  });

  it('a question for topics in other words: "What are the meeting topics?", "meeting topics", a verb the briefs lack ("cover")', () => {
    // The verb may come before where or when ("…cover at the meeting?").
    for (const q of [
      'What are the meeting topics?',
      'meeting topics',
      'Which topics will the presidents cover?',
      'What topics will they cover at the meeting?',
    ]) {
      expect(questionType(q), q).toBe('topic');
      expect(seed.ask(q).answer, q).toMatch(/^According to both governments/);
    }
    // A noun at the end is no verb: "…on the agenda for the meeting?" keeps "meeting" as a word to match.
    expect(seed.ask('What issues are on the agenda for the meeting?').answer).toMatch(/^According to both governments/);
    // Topics of something no brief tells of are still declined. (Not "the climate summit" since "summit" is a
    // meeting by the lexicon's news usage: the rare word linked to the brief's outweighs "climate"; docs/tuning.md.)
    expect(seed.ask('What topics will the climate meeting cover?').answered).toBe(false);
    expect(seed.ask('What topics will they cover at the climate conference?').answered).toBe(false);
  });

  it('"What kinds of topics…?" asks for topics as "What topics…?" does, with a longer subject before the verb', () => {
    // "kinds" is no stop word as "kind" is ("How many types of X.25 networks…?" counts the types); the verb
    // closing the question may follow a subject of up to five words ("the two leaders planning to").
    expect(seed.ask('What kinds of topics will they discuss?').answer).toMatch(/^According to both governments/);
    expect(seed.ask('What kinds of topics are the two leaders planning to cover?').answer).toMatch(/^According to both governments/);
    expect(seed.ask('What sort of crime are they hoping to crack down on together?').answer).toMatch(/transnational organized crime/);
  });

  it('a question typed as a search for a date ("meeting date?", "date of the meeting", "…date again") asks for the date', () => {
    for (const q of ['meeting date?', 'the meeting date', 'date of the meeting', 'ok and the meeting date again']) {
      expect(questionType(q), q).toBe('date');
      expect(seed.ask(q).answer, q).toMatch(/scheduled for Feb\. 3/);
    }
    // A date noun among more words is no search for a date.
    expect(questionType('Is this the first time they meet?')).not.toBe('date');
    expect(questionType('is this the first time')).not.toBe('date');
    expect(questionType('petro trump meeting took a long time')).not.toBe('date');
    // "Which day of the week…?": the week names no event the briefs must hold.
    expect(seed.ask('Which day of the week did Rubio give his assurances to Colombia?').answer).toMatch(/during the exchange Friday/);
  });

  it('a question for a platform ("Which social network…?", "Where did Petro post…?") is answered by a name after "on"', () => {
    for (const q of ['What platform did Petro use?', 'Which social network did Petro use?', 'Where did Petro post his reaction to the talks?']) {
      expect(questionType(q), q).toBe('place');
      expect(seed.ask(q).answer, q).toMatch(/^"The talks are going well," Petro said in a brief message on X/);
    }
    // A network alone may be a broadcaster, and a day after "on" is no platform.
    expect(questionType('What network aired the game?')).not.toBe('place');
    const e = engineOf(file('p.md', '---\ntitle: Post\n---\nThe mayor spoke on Monday at City Hall. She posted the plan on Facebook.\n'));
    expect(e.ask('Which platform did the mayor use?').answer).toMatch(/^She posted the plan on Facebook/);
  });

  it('"Where did he post it?" asks for a platform first, and "post" is no word the answer must share', () => {
    // The rally paragraph names a place ("a New York rally"); the message "on X" is where it was posted.
    expect(seed.ask('Where did Petro post that?').answer).toMatch(/^"The talks are going well," Petro said in a brief message on X/);
    // "post" names what is asked for, as "take place" does: no brief says "post" (it had been the only word asked, and declined).
    expect(seed.ask('Where did Petro post?').answer).toMatch(/^"The talks are going well," Petro said in a brief message on X/);
    // In a conversation whose earlier questions share no word with the message either (it was declined).
    let history = chat(seed, 'When is Petro supposed to sit down with Trump?', []).history;
    history = chat(seed, 'Did he actually say anything publicly about how things are going?', history).history;
    expect(chat(seed, 'Where did he post that?', history).reply.answer).toMatch(/^"The talks are going well,"/);
    // Sharing what was said is posting it.
    const shared = chat(seed, 'Where did he share that?', chat(seed, 'What did Petro post?', []).history).reply;
    expect(shared.answer).toMatch(/^"The talks are going well," Petro said in a brief message on X/);
  });

  it("a follow-up whose other words are all the conversation's is answered by the last answer when it holds what is asked", () => {
    // "Where did he post that?" is read "Where did Petro post that?": "Petro" is the conversation's word, not a new one.
    const ask = (ellipsisContext: boolean) => {
      const first = chat(seed, 'What did Petro post?', [], { tuning: { ellipsisContext } });
      return chat(seed, 'Where did he post that?', first.history, { tuning: { ellipsisContext } }).reply.answer;
    };
    expect(ask(true)).toMatch(/^"The talks are going well," Petro said in a brief message on X/);
    expect(ask(false)).not.toMatch(/^"The talks are going well,"/);
  });

  it('a question for topics asked as a statement: "They will talk about what?", "The meeting, it will be about what things?"', () => {
    for (const q of ['They will talk about what?', 'The meeting, it will be about what things?', 'The meeting will be about what?']) {
      expect(questionType(q), q).toBe('topic');
      expect(seed.ask(q).answer, q).toMatch(/^According to both governments/);
    }
  });

  it('"on the table" asks what is under discussion, as "on the agenda" does (a table elsewhere is a table)', () => {
    for (const q of ['What is on the table at the meeting?', 'What economic topics are on the table?', 'Is trade on the table?']) {
      expect(questionType(q), q).toBe('topic');
      expect(seed.ask(q).answer, q).toMatch(/^According to both governments/);
    }
    expect(questionType('Which table did they sit at?')).not.toBe('topic');
    expect(seed.ask('Is oil on the table?').answered).toBe(false);
  });

  it('"Who did Rubio speak with?" asks for the other side of an exchange: the verb is asked for, the brief says "held a call"', () => {
    for (const q of ['Who did Rubio speak with?', 'Who did Rubio talk to?', 'Whom was Villavicencio speaking with?']) {
      expect(seed.ask(q).answer, q).toMatch(/^In a significant diplomatic shift/);
    }
    // Without the asked-for verb, "talk" meets "The talks are going well", which lacks Rubio.
    // (Not by this: `actorFloor` lifts the call there, over "…, Petro said…", which names him only as the one quoted.)
    expect(seed.ask('Who did Rubio talk about?', {}, { actorFloor: 0 }).answer).not.toMatch(/^In a significant diplomatic shift/);
    expect(seed.ask('Who did the pope speak with?').answered).toBe(false);
    // The one on this side too: "Who from Colombia talked with Rubio…?" (not the foreign ministry's "talks" of p3).
    expect(seed.ask('Who from Colombia talked with Rubio to prepare the meeting?').answer).toMatch(/^In a significant diplomatic shift/);
  });

  it('"Where did Locetta make her remarks?": making remarks, comments or a speech is speaking, said in the brief\'s words ("told the Council")', () => {
    expect(seed.ask('Where did Locetta make her remarks?').answer).toMatch(/told the U\.N\. Security Council/);
    expect(seed.ask('When did Locetta make her comments?').answer).toMatch(/Friday/);
    expect(seed.ask('Where did Petro give his speech?').answer).toMatch(/New York rally/);
  });

  it('a topic question picks the sentence that names topics, not the one repeating "talks"', () => {
    const q = 'What will the two presidents talk about?';
    expect(seed.ask(q).answer).toContain('Discussions are also expected to focus on');
    expect(seed.ask(q).answer).not.toContain('The talks are going well');
    expect(seed.ask(q, {}, { topicWeight: 0.15, retrieve: { predicates: [] } }).answer).toMatch(/^"The talks are going well,"/);
    // "…planning to talk about?" asks of what is to come, as "will" does: the topics to come, not the two talking now
    // ("…are engaging in productive conversations").
    expect(seed.ask('What topics are Trump and Petro planning to talk about?').answer).toMatch(
      /^According to both governments, the upcoming meeting will pivot/,
    );
    expect(seed.ask('What topics are Trump and Petro planning to talk about?', {}, { aboutFloor: 0 }).answer).toMatch(/productive conversations/);
  });

  it('"What\'s on the agenda?" asks what will be talked about, alone or after a question about the meeting', () => {
    // The question has no word but "agenda", which the brief lacks: it is searched for what is talked about
    // ("Discussions…"), not answered from the last question's words ("…optimistic about … meeting").
    const history = chat(seed, 'Is Petro hopeful about seeing Trump?').history;
    expect(chat(seed, "What's on the agenda?", history).reply.answer).toMatch(/^According to both governments, the upcoming meeting will pivot/);
    expect(questionPredicates(seed.index, "What's on the agenda?", 'en', { type: 'topic', askedFor: new Set(analyze('agenda')) })).toEqual(
      analyze('talk discuss'),
    );
    expect(questionPredicates(seed.index, "What's on the agenda for Colombia?", 'en', { type: 'topic', askedFor: new Set(analyze('agenda')) })).toEqual([]);
    // Asked first, it has those words for its own: answered, where it had no word to weigh.
    expect(seed.ask("What's on the agenda?").answer).toMatch(/^According to both governments, the upcoming meeting will pivot/);
    expect(seed.ask('What are the priorities?').answer).toMatch(/including trade, joint economic opportunities/);
  });

  it("a topic answer gives every sentence of its snippet that names topics, in the brief's order", () => {
    // The lead sentence names one topic ("focus on"); the one before it, the others ("including…"), at a lower score.
    const a = seed.ask('What will the meeting focus on?');
    expect(a.answer).toMatch(
      /^According to both governments, .*including trade, joint economic opportunities, and regional security\. \[1\] Discussions are also expected to focus on .*organized crime\. \[1\]$/,
    );
    // Another type of question about the same passage gets its best sentence alone.
    expect(seed.ask('When will the meeting focus on crime?').answer).not.toContain('including trade');
  });

  it('"What did X say?" asks for what X said: the verb of saying is not a word to match, a sentence where X speaks is the answer', () => {
    expect(questionType('What did Petro say about the talks?')).toBe('speech');
    expect(questionType('What did the minister tell reporters?')).toBe('speech');
    // "Post" says something only when posted on or to somewhere: a company posts prices (the dated threads set).
    expect(questionType('What did Petro post on X?')).toBe('speech');
    expect(questionType('What does Diamond Shamrock post for West Texas Intermediate?')).toBe('other');
    expect(questionType('What is said to be the largest funfair?')).toBe('other');
    // Said without saying who: what was said there.
    expect(questionType('What was said at the Security Council?')).toBe('speech');
    expect(seed.ask('What was said at the Security Council?').citations[0]!.passageId).toBe(`${SEED}#p8`);
    const q = 'What did Petro say?';
    // "… Petro said" (a quotation, #p3) or "Petro said he was optimistic" (#p1), not "…Petro's approach…, saying …" (#p9, Locetta's words).
    expect(seed.ask(q).citations[0]!.passageId).toMatch(/#p[13]$/);
    // Without the evidence of who speaks, or with "say" matched as written (not "said"), "saying" wins (when
    // another speaker's sentence still counts as some evidence: `speakerCheck` off).
    expect(seed.ask(q, {}, { topicWeight: 0.15, speakerCheck: false }).citations[0]!.passageId).toBe(`${SEED}#p9`);
    expect(seed.ask(q, {}, { retrieve: { predicates: [] }, speakerCheck: false }).citations[0]!.passageId).toBe(`${SEED}#p9`);
    expect(seed.ask('What did Locetta say?').citations[0]!.passageId).toBe(`${SEED}#p8`);
  });

  it('"What did Petro post / tweet?" of briefs that hold neither verb asks what he said: "say" stands in for it', () => {
    expect(questionType('What did Petro post?')).toBe('speech');
    for (const q of ['What did Petro post?', 'What did Petro tweet?']) expect(seed.ask(q).citations[0]!.passageId).toBe(`${SEED}#p3`);
    // Posted online or about something too (it was a topic question, answered with the topics of the meeting).
    for (const q of ['What did Petro post online about the talks?', 'What did Petro post about the talks?']) {
      expect(questionType(q), q).toBe('speech');
      expect(seed.ask(q).citations[0]!.passageId, q).toBe(`${SEED}#p3`);
    }
    // Written on social media: where he posted, before where he only spoke ("Petro said he was optimistic…").
    expect(seed.ask('What did Petro write on social media?').answer).toMatch(/^"The talks are going well," Petro said in a brief message on X/);
    // With "post" as the predicate, its related words count fully: "position" finds Locetta's "…Petro's approach…, saying" (#p9).
    expect(seed.ask('What did Petro post?', {}, { retrieve: { predicates: ['post'] }, speakerCheck: false, postedFloor: 0 }).citations[0]!.passageId).toBe(
      `${SEED}#p9`,
    );
  });

  it('a question about something posted reads its medium and its posting as what it asks for, and is answered where it was posted', () => {
    // "Did Petro post on social media?" was declined: "post", "social", "media" are no words of the brief, which
    // says "…Petro said in a brief message on X".
    for (const q of ['Did Petro post on social media?', 'Which platform did Petro post on?', 'Where did Petro share his upbeat comments about the talks?'])
      expect(seed.ask(q).answer, q).toMatch(/^"The talks are going well," Petro said in a brief message on X/);
    // Where he spoke is no post: Locetta told the Council.
    expect(seed.ask('Did Locetta post on social media?').answered).toBe(false);
    // First question or follow-up, the sentence close behind that says where answers before one that says nothing of it
    // (`postedFloor`: "…Petro's approach to negotiations…" holds "negotiations"; Petro's message says "talks").
    expect(seed.ask('Where did Petro post his comment about the negotiations?').answer).toMatch(/a brief message on X/);
    // (Without the lift, the sentence first is no post of his, and the question is declined.)
    expect(seed.ask('Where did Petro post his comment about the negotiations?', {}, { postedFloor: 0.6 }).answered).toBe(false);
    expect(seed.ask('What prompted Petro to post about the talks?').answer).toMatch(/^"The talks are going well," Petro said in a brief message on X/);
    expect(seed.ask('What prompted Petro to post about the talks?', {}, { postedFloor: 0 }).answer).not.toMatch(/^"The talks are going well,"/);
    // Not every sharing: "Where do they share their first kiss?" asks where they kiss.
    expect(askedForTerms('Where do they share their first kiss?', 'place').has(analyze('share')[0]!)).toBe(false);
    // Nor a medium where nothing is posted, nor another language's words (measured on each article alone: "Who
    // conducted the 2011 online vote?" was answered from another article; a German answer lost its second sentence).
    expect(askedForTerms('Who broadcast the Super Bowl on TV?', 'person').has('tv')).toBe(false);
    expect(askedForTerms('Who conducted the 2011 online vote?', 'person').has('onlin')).toBe(false);
    const de = 'Wie viele Menschen unterzeichneten eine Online-Petition auf der Website des Parlaments?';
    expect(askedForTerms(de, 'place', 'de').size).toBe(0);
  });

  it('"What did Rubio promise?" asks what he said (a promise, a pledge, a vow), not "What does Mike promise to buy?"', () => {
    // "Promise" is no word of the brief, nor related to one ("confirmed", "guarantees"): the question was declined.
    expect(questionType('What did Rubio promise?')).toBe('speech');
    expect(seed.ask('What did Rubio promise?').answer).toMatch(/^According to Tommy Pigott.*Rubio confirmed/);
    for (const q of ['What did Rubio pledge?', 'What did Rubio vow?']) expect(seed.ask(q).answer, q).toMatch(/Rubio confirmed/);
    // With "to", the promise is to do something: what, is asked.
    expect(questionType('What does Mike promise to buy Maggie?')).not.toBe('speech');
  });

  it('an echo of the last question ("Worried about what?", "Check on what?") is answered with that answer again', () => {
    const echo = (first: string, then: string, ellipsis?: boolean) =>
      chat(seed, then, chat(seed, first).history, ellipsis === undefined ? {} : { tuning: { ellipsis } }).reply;
    // Its words are the last question's, which the brief lacks ("worried", "check"): it was declined.
    expect(echo('Is Washington still worried about Colombia?', 'Worried about what?').answer).toMatch(/deeply concerned about instability/);
    expect(echo('How often does the Security Council check on Colombia?', 'Check on what?').answer).toMatch(/implementation of the peace agreement/);
    expect(echo('Is Washington still worried about Colombia?', 'Worried about what?', false).answered).toBe(false);
    // With "exactly" after the question word (natural conversations 135).
    expect(echo('Is Washington still worried about Colombia?', 'Worried about what exactly?').answer).toMatch(/deeply concerned about instability/);
    expect(echo('Is Washington still worried about Colombia?', 'Worried about what exactly?', false).answered).toBe(false);
    // So is why the last answer says what it says, in the reader's words: "Why does she believe it misfired?" after
    // "She criticized… saying experiments… emboldened the groups" ("believe" and "misfired" are no words of the brief;
    // "backfired" now reads as "emboldened").
    expect(echo("What did the US say about Petro's rebel talks?", 'Why does she believe it misfired?').answer).toMatch(/emboldened the groups/);
    expect(echo("What did the US say about Petro's rebel talks?", 'Why does she believe it misfired?', false).answered).toBe(false);
  });

  it('a follow-up looks in the paragraph after the one the last answer quoted too: it goes on with what that one told', () => {
    let history: Turn[] = [];
    for (const q of ["What's this story about?", 'When is the meeting happening?']) history = chat(seed, q, history).history;
    const big = (nextPassageShare?: number) =>
      chat(seed, 'Why is it a big deal?', history, nextPassageShare === undefined ? {} : { tuning: { followUp: { nextPassageShare } } }).reply.citations[0]!
        .passageId;
    expect(big()).toBe(`${SEED}#p2`);
    expect(big(0)).toBe(`${SEED}#p1`);
    // A question with "she" or "he" points into the quoted paragraph itself, unless the next one goes on with the same
    // pronoun: "What was her problem with Petro's peace talks?" after "…Locetta told the U.N. Security Council…" is
    // answered by "She criticized…".
    const un = chat(seed, 'What did the US say at the UN?').history;
    const problem = (nextPassageShare?: number) =>
      chat(seed, "What was her problem with Petro's peace talks?", un, nextPassageShare === undefined ? {} : { tuning: { followUp: { nextPassageShare } } })
        .reply.citations[0]!.passageId;
    expect(problem()).toBe(`${SEED}#p9`);
    expect(problem(0)).toBe(`${SEED}#p8`);
    // "What's her name?" asks who she is, as "Who is she?" does: after "She criticized…", the sentence it goes on from.
    expect(questionType("What's her name?")).toBe('person');
    expect(questionType('What is the name of the river?')).toBe('other');
    const envoy = chat(seed, 'What did the US envoy criticize Petro for?').history;
    expect(chat(seed, "What's her name?", envoy).reply.answer).toMatch(/Jennifer Locetta/);
  });

  it('"Who reported / confirmed / announced that?" asks who made it known, as "Who said that?" does', () => {
    expect(questionType('Who reported that?')).toBe('speaker');
    const promise = chat(seed, 'What did Rubio promise Petro?').history;
    for (const q of ['Who reported that?', 'Who confirmed that?']) expect(chat(seed, q, promise).reply.answer, q).toMatch(/^According to Tommy Pigott/);
    // To whomever: "reporters" is no word of the brief, and "told" met Locetta's "told the U.N. Security Council".
    expect(chat(seed, 'Who told reporters that?', promise).reply.answer).toMatch(/^According to Tommy Pigott/);
    // Not the verb of a question for where it was said ("Where did Petro announce this?" meets "…an announcement…").
    expect(questionType('Where did Petro announce this?')).toBe('place');
  });

  it('"Who said / told / spoke to…?" asks for the one who spoke: a sentence where someone the question does not name speaks', () => {
    expect(questionType('Who spoke to the Security Council?')).toBe('speaker');
    expect(questionType('Who did Rubio call?')).toBe('person');
    expect(questionType('Which diplomat spoke at the UN?')).toBe('speaker');
    expect(questionType('Which city did Petro visit?')).toBe('place');
    const q = 'Who spoke to the Security Council?';
    // "…Jennifer Locetta told the U.N. Security Council…" (#p8), not "The Security Council reviews…" (#p10, FARC and Colombia, nobody speaks).
    expect(seed.ask(q).citations[0]!.passageId).toBe(`${SEED}#p8`);
    expect(seed.ask(q, {}, { typeWeight: 0 }).citations[0]!.passageId).toBe(`${SEED}#p10`);
    expect(seed.ask('Who said the talks are going well?').answer).toMatch(/Petro said/);
    // "Who spoke with…?" asks for the one spoken with, as "Who did Rubio speak with?" does: the foreign minister on
    // the call (#p4), not the spokesman quoted beside Rubio's name.
    expect(questionType('Who spoke with Rubio?')).toBe('person');
    expect(seed.ask('Which Colombian official spoke with Rubio to set up the meeting?').answer).toMatch(
      /^In a significant diplomatic shift, Colombian Foreign Minister Rosa Villavicencio/,
    );
    // "Which … is quoted?" asks for a speaker too; "Who was told…?" for the one spoken to.
    expect(questionType('Which State Department official is quoted?')).toBe('speaker');
    expect(questionType('Who was told about the drug situation?')).toBe('person');
    expect(seed.ask('Which State Department official is quoted?').answer).toMatch(/According to Tommy Pigott/);
    // "addressed" and "briefed" report speaking to someone as "spoke to" does.
    expect(questionType('Who addressed the Security Council about Colombia?')).toBe('speaker');
    expect(questionType('Who briefed the Security Council?')).toBe('speaker');
    expect(seed.ask('Who addressed the Security Council about Colombia?').citations[0]!.passageId).toBe(`${SEED}#p8`);
  });

  it('a paragraph opening with "She" continues the one before it', () => {
    const q = 'What did Locetta criticize?';
    expect(seed.ask(q).answer).toMatch(/^She criticized/);
    expect(seed.ask(q, {}, { carryWeight: 0, actFloor: 0 }).answer).not.toMatch(/^She criticized/);
  });

  it('the act a question closes on: the sentence that goes on from the one naming who acts and holds the act answers', () => {
    // The best sentence names her role ("U.S. deputy ambassador Jennifer Locetta told…") but not what she criticized.
    for (const q of ['What did the deputy ambassador criticize?', "Which of Petro's drug policies did the U.S. envoy criticize?"]) {
      expect(seed.ask(q).answer, q).toMatch(/^She criticized/);
      // (Without `roleNames` too: "the deputy ambassador", a title as the brief writes it, is "Locetta" by it.)
      expect(seed.ask(q, {}, { actFloor: 0, roleNames: false }).answer, q).not.toMatch(/^She criticized/);
    }
    // The act in the passive, its doer after "by".
    const passive = "Which of Petro's policies was criticized by the deputy ambassador?";
    expect(seed.ask(passive).answer).toMatch(/^She criticized/);
    expect(seed.ask(passive, {}, { actFloor: 0 }).answer).not.toMatch(/^She criticized/);
    // A common verb names no act a sentence must hold: "talk" (the call of the two ministers answers, not "The talks are going well…").
    expect(seed.ask("Which US official did Colombia's foreign minister talk to?").citations[0]!.passageId).toBe(`${SEED}#p4`);
  });

  it('a role stands for the one person the brief gives it: "the US envoy" is Locetta, "Colombia\'s top diplomat" Villavicencio', () => {
    for (const q of ['How did the US envoy describe the talks between the two leaders?', "How does the American envoy characterize the presidents' talks?"]) {
      expect(seed.ask(q).answer, q).toMatch(/^U\.S\. deputy ambassador Jennifer Locetta told/);
      expect(seed.ask(q, {}, { roleNames: false }).answer, q).not.toMatch(/^U\.S\. deputy ambassador/);
    }
    const q = "Who did Colombia's top diplomat talk to about preparing the meeting?";
    expect(seed.ask(q).answer).toMatch(/^In a significant diplomatic shift, Colombian Foreign Minister Rosa Villavicencio and U\.S\. Secretary/);
    expect(seed.ask(q, {}, { roleNames: false, actorFloor: 0 }).answer).toMatch(/^"The talks are going well/);
    // A plural stands for everyone the brief gives the role: "the leaders" are Petro and Trump, "the top diplomats" the
    // ministers who held the call (and the deputy ambassador).
    for (const [plural, answer] of [
      ['What business topics will the leaders discuss?', /^According to both governments/],
      // (Not "the phone chat": a call now, which the brief holds without the role's names.)
      ['Was the chat between the top diplomats friendly?', /^In a significant diplomatic shift/],
    ] as const) {
      expect(seed.ask(plural).answer, plural).toMatch(answer);
      expect(seed.ask(plural, {}, { roleNames: false, retrieve: { derivedOfUnknown: 0 } }).answered, plural).toBe(false);
    }
    // "She criticized…", after the sentence naming her, holds her name too: the act the question closes on answers.
    expect(seed.ask("What part of Petro's policy did the US envoy criticize?").answer).toMatch(/^She criticized/);
    // A role nobody in the brief holds names no one, and is declined as before.
    expect(seed.ask("Who is Colombia's defense minister?").answered).toBe(false);
  });

  it('brief-level evidence: the story that names both people wins over a paragraph that repeats one', () => {
    const e = engineOf(
      file('a.txt', 'Title: Harbour story\n\nMarta Quill opened the terminal.\n\nJonas Brandt praised its roof.\n'),
      file('b.txt', 'Title: Other news\n\nJonas Brandt praised the terminal roof at the opening.\n'),
      file('c.txt', 'Title: Rail works\n\nTrains will run less often while the tracks are renewed.\n'),
      file('d.txt', 'Title: Budget\n\nThe council passed the budget.\n'),
    );
    const q = 'What did Jonas Brandt praise at the terminal Marta Quill opened?';
    expect(e.ask(q).citations[0]!.briefId).toBe('a');
    // (The names do it too: b lacks "Marta Quill".)
    expect(e.ask(q, {}, { retrieve: { nameFactor: 1 } }).citations[0]!.briefId).toBe('a');
    expect(e.ask(q, {}, { retrieve: { briefWeight: 0, nameFactor: 1 } }).citations[0]!.briefId).not.toBe('a');
  });

  it('a name the question gives ranks the briefs that hold it first: "Harbour Town" over the brief that says "scored twice" most', () => {
    const e = engineOf(
      file('cup.md', '---\ntitle: Cup final report\n---\nAna Ruiz struck two goals as Harbour Town won the final.\n'),
      file(
        'rovers.md',
        '---\ntitle: Rovers are champions\n---\nRovers scored twice late on to win the league final. Their captain scored twice in the final too.\n',
      ),
      file('council.md', '---\ntitle: Harbour Town council\n---\nHarbour Town council met on Monday to discuss the harbour.\n'),
      file('fair.md', '---\ntitle: Town fair\n---\nThe town fair opens on Friday.\n'),
    );
    const q = 'Who scored twice for Harbour Town in the final?';
    const order = (o = {}) => retrieve(e.index, q, o).hits.map((h) => h.passage.briefId);
    expect(order()).toEqual(['cup', 'rovers', 'council', 'fair']);
    expect(order({ nameFactor: 1 })[0]).toBe('rovers');
    // In capitals or title case, capitals name nothing.
    expect(retrieve(e.index, 'WHO SCORED TWICE FOR HARBOUR TOWN IN THE FINAL?').hits[0]!.passage.briefId).toBe('rovers');
  });

  it('an elliptical follow-up ("In what year?") is answered by the last answer when it holds a year, not by another year', () => {
    const text =
      '---\ntitle: Warsaw\n---\nThe first historical reference to Warsaw dates back to the year 1313, at a time when Kraków served as the Polish capital city.\n\n' +
      'Warsaw became the capital of the Commonwealth when King Sigismund III Vasa moved his court from Kraków to Warsaw in 1596.\n';
    const e = engineOf(file('warsaw.md', text));
    const talk = (ellipsis: boolean) => {
      let history = chat(e, 'When does the first historical reference to Warsaw date from?', []).history;
      history = chat(e, 'Which city was the Polish capital back then?', history).history;
      // (Asked about the "royal court", the abstention model sits at its boundary: the brief says "King".)
      const court = chat(e, 'Who moved the court away from there?', history, { tuning: { ellipsis } });
      expect(court.reply.answer).toContain('Sigismund III Vasa');
      return chat(e, 'In what year?', court.history, { tuning: { ellipsis } }).reply.answer;
    };
    expect(talk(true)).toContain('in 1596');
    expect(talk(false)).toContain('1313');
  });

  it('"Where?" after "When is the meeting?": a place named by its kind ("a White House meeting") answers, without a preposition', () => {
    const when = chat(seed, 'When is the meeting?');
    const where = chat(seed, 'Where?', when.history);
    // (Before, with no place evidence there, the follow-up did not repeat that sentence: it gave one that names no place.)
    expect(where.reply.answer).toMatch(/^Colombian President Gustavo Petro .*White House meeting/);
    expect(seed.ask('Where will the meeting take place?').answer).toContain('White House');
  });

  it('"And when is the meeting?" after "Who is the foreign minister?" gives the date, not the foreign ministry again', () => {
    const first = chat(seed, 'Who is the foreign minister?');
    const when = (followUpTypeFloor?: number) =>
      chat(seed, 'And when is the meeting?', first.history, followUpTypeFloor === undefined ? {} : { tuning: { followUpTypeFloor } }).reply.answer;
    expect(when()).toMatch(/^Colombian President Gustavo Petro .*scheduled for Feb\. 3/);
    // The conversation's words ("foreign minister") lift the sentence that cites the foreign ministry.
    expect(when(0)).toMatch(/foreign ministry/);
    // "How often…?" after turns on Locetta at the Security Council: the sentence that says how often, when it is
    // close behind (the standalone question is answered with it).
    let un: Turn[] = [];
    for (const q of ['What did the US tell the UN?', 'Who said that?', 'What did she knock Petro for?']) un = chat(seed, q, un).history;
    // (The turns before now lead there without the floor too: "knock" finds "She criticized…", whose words carry over.)
    expect(chat(seed, 'How often does the council look at Colombia?', un).reply.answer).toMatch(/^The Security Council reviews .* on a quarterly basis/);
    // "What did he post online about it?" after a turn on the meeting: the sentence that names where he posted.
    const meeting = chat(seed, 'When is Petro meeting Trump?').history;
    const post = (postedFloor?: number) =>
      chat(seed, 'What did he post online about it?', meeting, postedFloor === undefined ? {} : { tuning: { postedFloor } }).reply.answer;
    expect(post()).toMatch(/message on X/);
    expect(post(0)).toMatch(/^Colombian President Gustavo Petro said he was optimistic/);
    // Without "online" the question has no word of its own: an ellipsis, which the last answer answers again when it
    // holds what is asked for. What was posted is said on a platform, which "Petro said he was optimistic…" is not.
    expect(chat(seed, 'what did he post about it', meeting).reply.answer).toMatch(/message on X/);
    // "How often do they look at it?" after "Why was the Security Council even discussing Colombia?": the quarterly
    // review scores 0.6–0.8 of Locetta's sentence at the Council, which the conversation's words lift.
    const council = chat(seed, 'Why was the Security Council even discussing Colombia?').history;
    const look = (followUpTypeFloor?: number) =>
      chat(seed, 'How often do they look at it?', council, followUpTypeFloor === undefined ? {} : { tuning: { followUpTypeFloor } }).reply.answer;
    expect(look()).toMatch(/on a quarterly basis/);
    expect(look(0.8)).toMatch(/^U\.S\. deputy ambassador Jennifer Locetta told/);
  });

  it('"What is his job?", "Who does he work for?" ask for a role: the word names what is asked for, the brief need not hold it', () => {
    const follow = (first: string, then: string) => chat(seed, then, chat(seed, first).history).reply;
    // (Before, "work" and "job", which the brief does not hold, weighed as missing words: both were declined.)
    expect(follow('Who is Pigott?', 'Who does he work for?').answer).toMatch(/^According to Tommy Pigott, a State Department spokesman/);
    expect(follow('Who is Rubio?', 'What is his job?').answer).toContain('Secretary of State Marco Rubio');
  });

  it('a snippet whose sentences hold no name for a "Who…?" question shows the neighbouring sentence that does, as much as fits', () => {
    const text =
      '---\ntitle: Gravity\n---\nIn 1915 Albert Einstein published the general theory of relativity, which accounted for the anomalous ' +
      'precession of the perihelion of the innermost planet that had puzzled astronomers for several decades, and it won quick ' +
      'acceptance among the physicists of the day. This was the first time that the theory of gravity of Newton had been shown ' +
      'to be less correct than an alternative theory.\n';
    const e = engineOf(file('gravity.md', text));
    const q = 'Who first showed that the theory of gravity of Newton was less correct?';
    const snip = e.ask(q).citations[0]!.snippet;
    // Both whole sentences pass 300 characters: the one before is cut where it still names Einstein.
    expect(snip).toMatch(/^In 1915 Albert Einstein published .*…  ?This was the first time/s);
    expect(snip.length).toBeLessThanOrEqual(300);
    expect(e.ask(q, {}, { neighbourEvidence: false }).citations[0]!.snippet).toMatch(/^This was the first time/);
  });

  it('an elliptical follow-up goes back to the passage the last answer quoted, even when its words do not bring it back', () => {
    const e = engineOf(
      file(
        'islamism.md',
        '---\ntitle: Islamism\n---\nModerate Islamists who work within the democratic process include the Tunisian Ennahda Movement. ' +
          'Jamaat-e-Islami of Pakistan is a democratic party that has also gained influence through military coups.\n\n' +
          'Maududi founded the Jamaat-e-Islami party in 1941 and led it until 1972. His writing had more impact than his politics.\n\n' +
          'In July 1977, General Zia-ul-Haq overthrew the democratic government of Pakistan and courted the Islamist parties.\n',
      ),
    );
    let history = chat(e, 'Which Tunisian party works within the democratic process?').history;
    history = chat(e, 'And in Pakistan?', history).history;
    const founder = chat(e, 'Who founded that one?', history);
    expect(founder.reply.answer).toMatch(/^Maududi founded the Jamaat-e-Islami party in 1941/);
    // "In which year?" has no words of its own: the conversation's ("Tunisian", "Pakistan", "democratic") lead
    // elsewhere. Read with one passage only, that passage is not the one just quoted; the year is still 1941.
    const year = chat(e, 'In which year?', founder.history, { tuning: { passages: 1 } });
    expect(year.reply.citations[0]!.snippet).toMatch(/^Maududi founded the Jamaat-e-Islami party in 1941/);
    expect(chat(e, 'In which year?', founder.history, { tuning: { passages: 1, ellipsis: false, timeCheck: 0 } }).reply.citations[0]!.snippet).not.toMatch(
      /1941/,
    );
  });

  it('an elliptical follow-up after a "She…" answer reads the sentence it goes on from', () => {
    // "She criticized…" holds no date; the sentence it goes on from, "…told the U.N. Security Council Friday…", does.
    let history = chat(seed, 'Who is Jennifer Locetta?').history;
    history = chat(seed, 'What did she say?', history).history;
    const criticized = chat(seed, 'What did she criticize?', history);
    expect(criticized.reply.citations[0]!.snippet).toMatch(/^She criticized/);
    expect(chat(seed, 'when?', criticized.history).reply.citations[0]!.snippet).toMatch(/Security Council Friday/);
    expect(chat(seed, 'when?', criticized.history, { tuning: { ellipsis: false } }).reply.citations[0]!.snippet).toMatch(/^She criticized/);
  });

  it('"When did she speak?" after an answer is elliptical: the speaking is the event the conversation is on', () => {
    // "…Locetta told the U.N. Security Council Friday…": no brief says "speak"; the follow-up was declined.
    const told = chat(seed, 'What did the US tell the Security Council?');
    expect(told.reply.citations[0]!.snippet).toMatch(/^U\.S\. deputy ambassador Jennifer Locetta told/);
    for (const q of ['When did she speak?', 'What day did she speak?']) {
      expect(chat(seed, q, told.history).reply.citations[0]?.snippet, q).toMatch(/Security Council Friday/);
    }
    // A name typed in lower case is the subject as well ("say" had been matched to "saying" in her next paragraph).
    expect(seed.ask('where did locetta say that').answer).toMatch(/^U\.S\. deputy ambassador Jennifer Locetta told the U\.N\. Security Council/);
  });

  it('a big deal is something significant: "Why is that a big deal?" asks why it matters', () => {
    // WordNet's "big deal": anything of great importance (the follow-up after the meeting's date was declined).
    expect(chat(seed, 'Why is that a big deal?', chat(seed, 'When is Petro going to the White House?').history).reply.answer).toMatch(
      /significant de-escalation after months of hostility/,
    );
  });

  it('"going to" before a verb is the future, not a going: "When is Petro going to meet Trump?" is not about "The talks are going well"', () => {
    expect(seed.ask('When is Petro going to meet Trump?').answer).toMatch(/^Colombian President Gustavo Petro said .*Feb\. 3/);
    // "heading into" the meeting, as "going into" it, is before it ("Is Petro feeling good or nervous heading into the
    // Trump meeting?" was declined).
    expect(seed.ask('Is Petro feeling good or nervous heading into the Trump meeting?').answer).toMatch(/optimistic/);
    expect(seed.ask('What are they going to talk about?').answer).toMatch(/^According to both governments/);
    // Before a place or "the", it is a going: the word stays.
    expect(seed.ask('Is Petro going to the White House?').answer).toMatch(/White House meeting/);
    // "supposed to" and "meant to" are the future as well: no brief says "supposed" (the question was declined).
    expect(seed.ask('When is the meeting supposed to happen?').answer).toMatch(/scheduled for Feb\. 3/);
    expect(seed.ask('Where is the meeting meant to take place?').answer).toMatch(/White House meeting/);
    // So is "planning to" ("What topics are they planning to cover?" was declined: no brief says "planning").
    expect(seed.ask('What topics are they planning to cover?').answer).toMatch(/^According to both governments/);
    // To "sit down with" someone is to meet them (no brief says "sit"; "When is Petro sitting down with Trump?"
    // was answered with the phone call, "when's he actually supposed to sit down with trump?" declined).
    expect(seed.ask('When is Petro sitting down with Trump?').answer).toMatch(/scheduled for Feb\. 3/);
    expect(seed.ask("when's he actually supposed to sit down with trump?").answer).toMatch(/scheduled for Feb\. 3/);
    // A sit-down is a meeting ("What's the date of the Petro-Trump sit-down?" was answered with the January call).
    expect(seed.ask("What's the date of the Petro-Trump sit-down?").answer).toMatch(/^Colombian President Gustavo Petro said .*Feb\. 3/);
    expect(seed.ask('petro feeling about trump sitdown').answer).toMatch(/^Colombian President Gustavo Petro said he was optimistic/);
    // So is sitting down together or face to face ("when are petro and trump sitting down together" was declined).
    expect(seed.ask('when are petro and trump sitting down together').answer).toMatch(/scheduled for Feb\. 3/);
    expect(seed.ask('When are Petro and Trump sitting down face to face?').answer).toMatch(/scheduled for Feb\. 3/);
    // And sitting down closing the question, what they will talk about "when they sit down" (declined: no "sit"); a
    // question for topics may close with when they are talked about ("…when they meet?" was answered with "The talks…").
    for (const q of ['What are the two presidents actually going to talk about when they sit down?', 'What will they talk about when they meet?']) {
      expect(seed.ask(q).answer, q).toMatch(/^According to both governments/);
    }
    // "ahead of" something is before it (no brief says "ahead": "What did Rubio promise Petro ahead of the trip?" was declined).
    expect(seed.ask('What did Rubio promise Petro ahead of the trip?').answer).toMatch(/full diplomatic guarantees/);
    // So is "going into" the meeting (not a going: "How is Petro feeling going into the meeting?" met "The talks are going well").
    expect(seed.ask('How is Petro feeling going into the meeting?').answer).toMatch(/^Colombian President Gustavo Petro said he was optimistic/);
  });

  it('words that stress the question ("exactly", "actually", "really") are no words to match', () => {
    // A common word no brief holds weighs much in a collection of one brief: the question looked unanswered.
    expect(seed.ask('Where exactly is the meeting supposed to take place?').answer).toMatch(/White House meeting/);
    expect(seed.ask('Who actually made the phone call in January?').answer).toMatch(/phone call from Petro/);
  });

  it('an elliptical follow-up after an answer of several sentences goes back to its lead first', () => {
    let history = chat(seed, 'What is the US worried about?').history;
    const who = chat(seed, 'Who said so?', history);
    // The answer quotes Locetta ("…told the U.N. Security Council Friday…") first, then other speakers ("…Feb. 3").
    expect(who.reply.answer).toMatch(/^U\.S\. deputy ambassador Jennifer Locetta told .*Feb\. 3/s);
    history = who.history;
    expect(chat(seed, 'When?', history).reply.citations[0]!.snippet).toMatch(/Security Council Friday/);
  });

  it('"What else did she say?" asks for something the last answer did not say: "else" is no word to match', () => {
    const who = chat(seed, 'Who is Jennifer Locetta?');
    expect(who.reply.citations[0]!.snippet).toMatch(/^U\.S\. deputy ambassador Jennifer Locetta told/);
    const more = chat(seed, 'What else did she say?', who.history).reply;
    expect(more.answered).toBe(true);
    expect(more.citations[0]!.snippet).toMatch(/^She criticized/);
  });

  it('"Who is Petro?" is answered where the brief introduces him, with a name before his ("Colombian President Gustavo Petro")', () => {
    expect(seed.ask('Who is Petro?').answer).toMatch(/^Colombian President Gustavo Petro/);
    expect(seed.ask('Who is Trump?').answer).toMatch(/U\.S\. President Donald Trump/);
    // As typed on a phone, or in capitals.
    for (const q of ['who is petro', 'WHO IS PETRO?']) expect(seed.ask(q).answer, q).toMatch(/^Colombian President Gustavo Petro/);
    // Without the weight of such a sentence: "…that President Petro would receive…", "…when Trump took a phone call…".
    expect(seed.ask('Who is Petro?', {}, { appositionWeight: 1 }).answer).not.toMatch(/^Colombian President Gustavo Petro/);
    expect(seed.ask('Who is Trump?', {}, { appositionWeight: 1 }).answer).not.toMatch(/^Colombian President Gustavo Petro/);
  });

  it('"What is Petro\'s first name?" asks for the name he is named by, not a title ("Gustavo Petro", not "President Petro")', () => {
    expect(questionType("What's Petro's first name?")).toBe('person');
    expect(questionType('What is the first name of Pigott?')).toBe('person');
    expect(seed.ask("What's Petro's first name?").answer).toMatch(/^Colombian President Gustavo Petro/);
    expect(seed.ask('What is the first name of Pigott?').answer).toMatch(/Tommy Pigott/);
    // As typed on a phone; and not for "the full name of the treaty", which names no one.
    expect(questionType("what is petro's first name")).toBe('person');
    expect(seed.ask("what is petro's first name").answer).toMatch(/^Colombian President Gustavo Petro/);
    expect(questionType('What was the full name of the company?')).toBe('other');
  });

  it('"besides trade" sets trade aside: "besides" is no word to match', () => {
    for (const q of [
      'Besides trade, what else is on the agenda?',
      'What will the leaders discuss besides trade?',
      'Apart from trade, what will they discuss?',
    ]) {
      expect(seed.ask(q).answer, q).toMatch(/^According to both governments/);
    }
  });

  it('"How often?" asks for a frequency as "How long?" asks for a duration: "often" is what is asked for, not a word to match', () => {
    const reviews = chat(seed, 'What is the Security Council reviewing?');
    expect(reviews.reply.citations[0]!.snippet).toMatch(/quarterly basis/);
    const often = chat(seed, 'How often?', reviews.history).reply;
    expect(often.answered).toBe(true);
    expect(often.citations[0]!.snippet).toMatch(/quarterly basis/);
  });

  it('a question that places its event in a month no passage read names is declined (the reader misremembers)', () => {
    const q = 'remind me, that phone call between trump and petro in early march, what did they agree on?';
    expect(seed.ask(q).answered).toBe(false);
    expect(seed.ask(q, {}, { monthCheck: false }).answer).toMatch(/in early January/);
    // The month the brief gives, written out or abbreviated ("Feb. 3"), answers.
    expect(seed.ask('What did Trump and Petro discuss in the phone call in early January?').answer).toMatch(/in early January/);
    expect(seed.ask('What is planned for the meeting in February?').answered).toBe(true);
  });

  it('"Where are they meeting, in Bogotá or in Washington?", declined whole, is answered without the choice', () => {
    expect(seed.ask('Where are Petro and Trump meeting, in Bogotá or in Washington?').answer).toMatch(/White House meeting/);
    // Examples are what is asked for: the brief names no frozen assets nor travel bans.
    expect(seed.ask("What specific sanctions were placed on Petro's family members, like frozen assets or travel bans?").answered).toBe(false);
  });

  it('"What did the US criticize Petro for?" is not answered by Petro\'s "criticism of U.S. foreign policy" (roles reversed)', () => {
    for (const q of ['What did the US criticize Petro for?', 'What did the US diplomat criticize Petro for?']) {
      expect(seed.ask(q).answer, q).toMatch(/^She criticized Petro's approach/);
      expect(seed.ask(q, {}, { reversedFloor: 0 }).answer, q).toMatch(/his criticism of U\.S\. foreign policy/);
    }
    // So does "Which of Petro's policies did the US criticize?" (the question word was "what", "why" or "how" only).
    const which = "Which of Petro's tactics with rebels did the US criticize?";
    expect(seed.ask(which).answer).toMatch(/^She criticized Petro's approach/);
    expect(seed.ask(which, {}, { reversedFloor: 0, retrieve: { derivedOfUnknown: 0 } }).answer).toMatch(/his criticism of U\.S\. foreign policy/);
    // Petro's own criticism still answers a question about it; and "She criticized Petro's approach…" is done to him,
    // not by him (the act as a verb in the past, his name right after it).
    expect(seed.ask('What did Petro criticize in New York?').answer).toMatch(/his criticism of U\.S\. foreign policy/);
    expect(seed.ask('What did Petro criticize?').answer).toMatch(/^According to Tommy Pigott.*his criticism of U\.S\. foreign policy/);
    expect(seed.ask('What did Petro criticize?', {}, { reversedFloor: 0 }).answer).toMatch(/^She criticized Petro's approach/);
  });

  it('"Has Trump said anything about…?" is answered where he speaks of it, and declined where nobody but Petro does', () => {
    const feels = 'Has Trump said anything about how he feels about the meeting?';
    expect(seed.ask(feels).answered).toBe(false);
    expect(seed.ask(feels, {}, { saidCheck: false }).answer).toMatch(/^Colombian President Gustavo Petro said he was optimistic/);
    // Petro speaks in the brief: the sentence where he does answers, not one where he is spoken of.
    const badly = 'Did Petro say the negotiations were going badly?';
    expect(seed.ask(badly).answer).toMatch(/^"The talks are going well," Petro said/);
    expect(seed.ask(badly, {}, { saidCheck: false }).answer).toMatch(/^She criticized Petro's approach to negotiations/);
    // By role ("…according to the U.S. president") and through "She…, saying" after a sentence that names her.
    expect(seed.ask('Did Trump say why Petro called him?').answer).toMatch(/explain the drug situation/);
    expect(seed.ask('Did Locetta say the armed groups got stronger?').answer).toMatch(/emboldened the groups/);
    // "How does X describe…?" the same: where the US speaks ("…Locetta told the U.N. Security Council…"), not Petro's "talks".
    const describe = 'How does the US describe the recent Trump-Petro talks?';
    expect(seed.ask(describe).answer).toMatch(/productive conversations/);
    expect(seed.ask(describe, {}, { saidCheck: false }).answer).toMatch(/^"The talks are going well," Petro said/);
    // The verb asks for her words, as "say" does: it is no word the brief must hold (declined when it weighed as one).
    expect(seed.ask('How did Locetta describe the talks?').answer).toMatch(/productive conversations/);
    // A reader insisting on someone's own words ("What exactly did Petro say…?") is not answered by "his criticism of…".
    const exactly = 'What exactly did Petro say at the rally in New York?';
    expect(seed.ask(exactly).answered).toBe(false);
    expect(seed.ask(exactly, {}, { saidCheck: false, quoteCheck: false }).answer).toMatch(/his criticism of U\.S\. foreign policy/);
    expect(seed.ask('What exactly did Petro say about the talks?').answer).toMatch(/^"The talks are going well," Petro said/);
  });

  it('a yes-no question with a day, month or platform the brief never names checks it: the sentence giving another answers', () => {
    // The reader has the day wrong (the brief: "…during the exchange Friday"); the call itself is in another sentence.
    // (Not "…with the Colombian foreign minister…" since that title is "Villavicencio", whose sentence outscores the
    // dated one by more than `wrongDetailFloor`: declined, docs/tuning.md.)
    const day = 'Did the Rubio call happen on a Monday?';
    expect(seed.ask(day).answer).toMatch(/^According to Tommy Pigott.*during the exchange Friday/);
    expect(seed.ask(day, {}, { wrongDetail: false }).answered).toBe(false);
    // A month for a month (not declined as a misremembered premise: the date is what is asked).
    const month = "Did Washington threaten to pull Petro's visa back in August?";
    expect(seed.ask(month).answer).toMatch(/reversal from September/);
    expect(seed.ask(month, {}, { wrongDetail: false }).answered).toBe(false);
    // A date tells the day ("scheduled for Feb. 3"); a question the brief dates nowhere is still declined.
    expect(seed.ask('Is the meeting on Monday?').answer).toMatch(/scheduled for Feb\. 3/);
    expect(seed.ask('Did the US impose the sanctions in March?').answered).toBe(false);
    // A platform for a platform ("…a brief message on X"); since the medium of a question about something posted names
    // what it asks for (2026-12-01), the question is answered so even without the check.
    const platform = 'Was it on Facebook that Petro posted his comment about the talks?';
    expect(seed.ask(platform).answer).toMatch(/a brief message on X/);
    expect(seed.ask(platform, {}, { wrongDetail: false }).answer).toMatch(/a brief message on X/);
  });

  it('"In which month?", "What year…?", "What time…?", "Which hour…?" ask for a date: the noun is what is asked for', () => {
    expect(['In which month?', 'What year was that?', 'On which day?', 'What time is the meeting?'].map((q) => questionType(q))).toEqual([
      'date',
      'date',
      'date',
      'date',
    ]);
    // The brief gives the day, not the hour: with `clockCheck` the question is declined; without it, the day
    // answers, not the sentence that says "meeting" most.
    expect(seed.ask('What time is the meeting?').answered).toBe(false);
    // "Which hour" asks for the time as well ("…they will meet in which hour of the day?" was a plain question, answered with the day).
    expect(questionType('In which hour will they meet?')).toBe('date');
    expect(seed.ask('Trump and Petro, they will meet in which hour of the day?').answered).toBe(false);
    expect(seed.ask('What time is the meeting?', {}, { clockCheck: false }).answer).toMatch(/^Colombian President Gustavo Petro .* Feb\. 3/);
  });

  it("in a follow-up, the conversation's words weigh at most half the question's own", () => {
    const e = engineOf(
      file(
        'a.txt',
        "Title: Dock strike\n\nThe dock workers' union is led by Maria Okafor. Okafor said the dock workers would stay out until the port raised wages.\n\nUnion members and port managers meet on Tuesday.\n",
      ),
      file('b.txt', 'Title: Council news\n\nThe city council meets on Monday to vote on the budget.\n'),
      file('c.txt', 'Title: Rail works\n\nTrains will run less often while the tracks are renewed.\n'),
    );
    const first = chat(e, 'What did Okafor say about the dock workers?', []);
    expect(chat(e, 'When is the meeting?', first.history).reply.answer).toMatch(/^Union members and port managers meet on Tuesday/);
    // As much as the question's own words: the union's leader, which holds many of the conversation's words (the
    // paragraph after it not lifted for going on from it).
    expect(
      chat(e, 'When is the meeting?', first.history, { tuning: { carriedShare: 1, timeCheck: 0, followUp: { nextPassageShare: 0 } } }).reply.answer,
    ).toMatch(/^The dock workers' union is led by/);
  });

  it('a title word counts as much in sentence choice as the passages that hold it in their text say (every passage carries the title)', () => {
    const q = 'When is Petro going to the White House?';
    expect(seed.ask(q).answer).toMatch(/^Colombian President Gustavo Petro .*White House meeting .*Feb\. 3/);
    // Weighed over all fields, "White House" is in every passage (the title) and "going" ("The talks are going well") wins.
    expect(seed.ask(q, {}, { textIdf: false }).answer).toMatch(/^"The talks are going well,"/);
  });

  it("in a follow-up, the conversation's words do not outweigh the question's own", () => {
    const first = chat(seed, 'Who is the foreign minister?', []);
    const r = chat(seed, 'When is the meeting?', first.history);
    expect(r.reply.answer).not.toMatch(/^In a significant diplomatic shift/);
    // (With title words weighed as common as they look when every passage carries the title, `textIdf` off,
    // "meeting" weighs little, and the conversation's words take over when not capped.)
    const r2 = chat(seed, 'When is the meeting?', first.history, { tuning: { carriedShare: 100, textIdf: false } });
    expect(chat(seed, 'When is the meeting?', first.history, { tuning: { textIdf: false } }).reply.answer).not.toMatch(/^In a significant diplomatic shift/);
    expect(r2.reply.answer).toMatch(/^In a significant diplomatic shift/);
  });

  it('in a follow-up, the briefs the conversation is about come first: "And the city?" after a question on when a book was printed', () => {
    const e = engineOf(
      file(
        'bible.md',
        '---\ntitle: A French Bible\n---\nAround 1294, Guyard des Moulins prepared a French version of the Scriptures.\n\nJean de Rély later made a paraphrase based on his manuscript. It was printed in Paris in 1487.\n',
      ),
      file(
        'tv.md',
        '---\ntitle: Network merger\n---\nThe network merged with a media group in 1996. Its offices moved to New York, the largest city in the state.\n',
      ),
      file('rail.md', '---\ntitle: Rail works\n---\nTrains will run less often while the tracks are renewed.\n'),
    );
    const talk = (tuning = {}) => {
      let history: ReturnType<typeof chat>['history'] = [];
      let last = '';
      for (const q of [
        'Who prepared a French version of the Scriptures?',
        'Who made a paraphrase based on his manuscript?',
        'When was it printed?',
        'And the city?',
      ]) {
        const r = chat(e, q, history, { tuning });
        history = r.history;
        last = r.reply.citations?.[0]?.snippet ?? '';
      }
      return last;
    };
    expect(talk()).toContain('printed in Paris');
    expect(talk({ offTopicFactor: 1 })).toMatch(/^The network merged|New York/);
  });

  it('"In which city?" asks for a place: the noun says what kind, the answer names it ("printed in Paris", not "Cork City")', () => {
    expect(questionType('In which city?')).toBe('place');
    expect(questionType('What state of mind is she in?')).toBe('other');
    const e = engineOf(
      file(
        'bible.md',
        '---\ntitle: The French Bible\n---\nJean de Rély made a paraphrase of the French Scriptures. It was printed in Paris in 1487.\n\n' +
          'French Protestants later founded churches in Cork City and Dublin.\n',
      ),
    );
    const first = chat(e, 'When was the French paraphrase printed?');
    expect(first.reply.answer).toMatch(/printed in Paris in 1487/);
    expect(chat(e, 'In which city?', first.history).reply.citations[0]!.snippet).toMatch(/printed in Paris/);
  });

  it('the brief as the one who says ("What does the article say…", "…, per the report?") is no word to find', () => {
    expect(spelledOut('What does the article say Washington is still worried about in Colombia?')).toBe('What Washington is still worried about in Colombia?');
    expect(spelledOut('What did Petro say about the talks, per the article?')).toBe('What did Petro say about the talks?');
    expect(spelledOut('According to the story, when is the meeting?')).toBe('when is the meeting?');
    // "report", "piece", "article": words the brief lacks, which outweighed its own (the question went to "…according
    // to Tommy Pigott…" or the talks).
    expect(seed.ask('What does the article say Washington is still worried about in Colombia?').answer).toMatch(/deeply concerned/);
    expect(seed.ask('What penalties does the piece mention were placed on Petro and his relatives?').answer).toMatch(/sanctions on him and his family/);
    expect(seed.ask("Who does the report say spoke with Rubio by phone on Colombia's behalf?").answer).toMatch(/Rosa Villavicencio/);
  });

  it('"might" asks, as "could" and "would" do: no word to find ("Where might Petro have posted…?")', () => {
    expect(analyze('Where might Petro have posted it?')).toEqual(analyze('Where Petro posted it?'));
    // "might" was a word no brief holds, and sank the question under the abstention threshold.
    expect(seed.ask('Where might Petro have posted his upbeat update?').answer).toMatch(/brief message on X/);
  });

  it('a post with a title prefix is found by the words the search took it for ("the deputy envoy": the deputy ambassador)', () => {
    // Declined as a post no sentence holds: "deputy" is three words from no "envoy" in the brief.
    expect(seed.ask('Who is the American deputy envoy who addressed the UN?').answer).toMatch(/Jennifer Locetta/);
    expect(seed.ask('Which UN body did the American deputy envoy address Friday?').answer).toMatch(/Security Council/);
    // Still declined: a post nothing in the brief is called.
    expect(seed.ask('Who is the deputy foreign minister?').answered).toBe(false);
  });

  it('a title as the brief writes it stands for the name: "the Colombian president" is Petro, unless the question asks who', () => {
    // The title's words went to the sentence that gives it ("Colombian President Gustavo Petro said he was optimistic…").
    expect(seed.ask('Where did the Colombian president post his update about the talks?').answer).toMatch(/brief message on X/);
    expect(seed.ask('What did the secretary of state promise the Colombian president for his visit?').answer).toMatch(/full diplomatic guarantees/);
    expect(seed.ask('What kind of penalties did the American government place on the Colombian president and his relatives?').answer).toMatch(
      /impose sanctions on him and his family/,
    );
    // Asked who holds it, or for two or more: the title's own sentence.
    expect(seed.ask('Who is the Colombian president?').answer).toMatch(/Colombian President Gustavo Petro/);
    expect(seed.ask('What is the name of the Colombian president?').answer).toMatch(/Gustavo Petro/);
    expect(seed.ask('Which topics will the presidents cover?').answer).toMatch(/^According to both governments/);
  });

  it('a phone chat, conversation or talk is a call, as a phone call is ("Was the phone chat between the two diplomats friendly?")', () => {
    expect(spelledOut('Was the phone chat friendly? And the telephone conversations?')).toBe('Was the call friendly? And the calls?');
    // "phone", "chat", "conversation": words the brief lacks where it writes "…held a cordial call…"; declined.
    expect(seed.ask('Was the phone chat between the two diplomats friendly?').answer).toMatch(/held a cordial call/);
    expect(seed.ask('What was the tone of the phone conversation between the two top diplomats?').answer).toMatch(/held a cordial call/);
  });

  it('"what\'d", "where\'d", "how\'d": a question word with "did" run into it', () => {
    expect(spelledOut("What'd Petro post online? How’d it go?")).toBe('What did Petro post online? How did it go?');
    expect(seed.ask("What'd Petro post online about how the negotiations are tracking?").answer).toMatch(/The talks are going well/);
    expect(seed.ask("where'd Locetta say all that stuff?").answer).toMatch(/Security Council/);
  });
  it('how someone made a thing known ("How did Petro let the public know…?", "Which channel did Petro use…?") is where they speak of it', () => {
    // "She criticized Petro's approach to negotiations with armed groups…" holds more of the words; Petro does not speak there.
    expect(seed.ask('How did Petro let the public know the negotiations were making progress?').answer).toMatch(/^"The talks are going well," Petro said/);
    expect(seed.ask('Which channel did Petro use to signal that negotiations were progressing?').answer).toMatch(/^"The talks are going well," Petro said/);
    expect(seed.ask('How did Petro say the negotiations with Washington were going?').answer).toMatch(/^"The talks are going well," Petro said/);
  });
  it('a negative question ("Wasn\'t the call tense?", "Won\'t security come up?") has no word in its "not", whichever verb it is on', () => {
    expect(analyze("Wasn't it tense? Won't they? Hasn't he? Can't she? Weren't they? Isn't it?")).toEqual(analyze('tense'));
    expect(seed.ask("Wasn't the call between the two diplomats pretty tense?").answer).toMatch(/held a cordial call/);
    expect(seed.ask("Won't security in the region come up as well?").answer).toMatch(/regional security/);
  });
  it('a person described as "the lady", "the guy" ("the American lady at the UN") is someone, no word for the brief to hold', () => {
    expect(spelledOut("What's the name of the American lady at the UN? Who's the guy from the State Department?")).toBe(
      "What's the name of the American one at the UN? Who's the one from the State Department?",
    );
    expect(spelledOut('Who is the first lady?')).toBe('Who is the first lady?');
    expect(seed.ask("What's the name of the American lady at the UN?").answer).toMatch(/Jennifer Locetta/);
    expect(seed.ask("Who's the guy from the State Department they quoted?").answer).toMatch(/Tommy Pigott/);
  });
  it('news usage: "bad blood" is hostility, "commerce" trade, a U.N. "body" its council, "travel papers" a visa', () => {
    expect(seed.ask('Coming after months of bad blood, what does the scheduled meeting signal?').answer).toMatch(/significant de-escalation/);
    expect(seed.ask("Isn't commerce going to be one of the topics?").answer).toMatch(/including trade/);
    expect(seed.ask('Locetta made her remarks to which U.N. body?').answer).toMatch(/U\.N\. Security Council/);
    expect(seed.ask("What did Washington do to Petro's travel papers during the feud?").answer).toMatch(/revoke Petro's visa/);
  });
  it('dropping, removing, scrapping or waiving a penalty is lifting it: declined where no passage tells of it', () => {
    // "…saw the U.S. revoke Petro's visa and impose sanctions…" told of the sanctions, not of their end.
    expect(seed.ask('Will the US drop the sanctions on Petro after the meeting?').answered).toBe(false);
    expect(seed.ask('Are the sanctions on his family going to be dropped after the meeting?').answered).toBe(false);
    expect(seed.ask('When the U.S. will remove the sanctions to Petro and his family?').answered).toBe(false);
    // Dropping what is no penalty is no lifting.
    expect(seed.ask("Did the U.S. drop its threat to revoke Petro's visa?").answer).toMatch(/sharp reversal/);
  });
  it('a body asked for by kind with an abbreviation before it ("Which U.S. agency…?") is a question for its name', () => {
    // "…saw the U.S. revoke Petro's visa and impose sanctions…" names no agency.
    expect(seed.ask('Which U.S. agency imposed the sanctions?').answered).toBe(false);
    expect(seed.ask('Which U.S. agency actually put the sanctions on Petro?').answered).toBe(false);
  });
  it('a reader\'s words of size ("the big meeting", "that little update") do not count against answering', () => {
    // "big" is no word of the brief, and weighed as much as "meeting": declined.
    expect(seed.ask('um when is the big meeting happening').answer).toMatch(/scheduled for Feb\. 3/);
    expect(seed.ask('Where is the big meeting going to happen?').answer).toMatch(/White House meeting/);
  });
  it('getting on the phone, ringing someone, talking by telephone: a call ("Which Colombian official got on the phone with Rubio?")', () => {
    expect(spelledOut('Who got on the horn with Rubio? Petro rang Trump. They spoke by telephone.')).toBe(
      'Who called with Rubio? Petro called Trump. They spoke on a call.',
    );
    expect(seed.ask('Which Colombian official got on the phone with Rubio to sort things out?').answer).toMatch(/Rosa Villavicencio/);
    expect(seed.ask('What did Petro want to talk through when he rang Trump?').answer).toMatch(/explain the drug situation/);
  });
  it('what a reader says was posted ("Where did Petro post that things were looking up?") does not count against answering', () => {
    expect(seed.ask('Where did Petro post that things were looking up?').answer).toMatch(/brief message on X/);
    expect(seed.ask('Where did Petro put the word out that things were going fine?').answer).toMatch(/brief message on X/);
  });
  it('a word the lexicon relates is no typo of a stop word, however rare ("thaw" is not "that")', () => {
    expect(withoutStopWordTypos(seed.index, 'How did things start to thaw between Trump and Petro?')).toBe(
      'How did things start to thaw between Trump and Petro?',
    );
    expect(withoutStopWordTypos(seed.index, 'wat did tht envoy say')).toBe('what did that envoy say');
    expect(seed.ask('How did things start to thaw between Trump and Petro?').answer).toMatch(/eased in early January/);
  });
});

describe('citations', () => {
  it('come best first, as documented: scores never rise along the list, and every [n] of the answer is cited', () => {
    const e = buildEngine(parseBriefs(readBriefFilesSync('tests/fixtures/eval-sample/briefs')), readLexicon());
    const questions = readFileSync('tests/fixtures/eval-sample/questions.jsonl', 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l) as { question: string });
    let checked = 0;
    for (const { question } of questions.slice(0, 60)) {
      const a = e.ask(question, { limit: 5 });
      if (!a.answered) continue;
      const scores = a.citations.map((c) => c.score);
      expect(scores).toEqual([...scores].sort((x, y) => y - x));
      for (const m of a.answer.matchAll(/\[(\d+)\]/g)) expect(Number(m[1])).toBeLessThanOrEqual(a.citations.length);
      checked++;
    }
    expect(checked).toBeGreaterThan(40);
  });
});
