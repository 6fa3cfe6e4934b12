/**
 * What a question asks: its type (a date for "When…?", a name for "Who…?", what
 * someone said for "What did Petro say?"…), the words that name what it asks
 * for rather than what it is about ("date", "postponed"), the role or the name
 * it asks about, and the readers' forms written out before it is read: a
 * request that opens it ("Can you explain…"), phone and chat shortenings
 * ("whats", "mtg", "lol"), a misspelt stop word ("happend"), an aside ("I
 * missed the backstory, but…"). English; other languages' question types are
 * in `lang/questions.ts`.
 * @module
 */
import { AUXILIARIES, YES_NO_QUESTION } from './retrieve.js';
import { type Lexicon, RELATION_KINDS } from './lexicon.js';
import { documentFrequency, type SearchIndex } from './search-index.js';
import type { Lang } from './lang/detect.js';
import { questionTypeIn } from './lang/questions.js';
import { analyze, normalizeWord, splitSentences, STOP_WORDS, toTerm } from './text.js';

/** What a question asks for, from its wording. */
export type QuestionType = 'date' | 'number' | 'person' | 'speaker' | 'place' | 'reason' | 'topic' | 'change' | 'speech' | 'quality' | 'other';

/**
 * Verbs of saying in a question ("What did Petro say / tell / write…?"): what is asked for is what someone said.
 * "Post" only as "post on / to" or last ("What did Petro post on X?", "What did Petro post?"): a company
 * posts prices and profits.
 */
export const SPEECH_VERBS = String.raw`say|says|said|tell|tells|told|write|writes|wrote|mention|mentions|mentioned|(?:post|posts|posted)(?= on\b| to\b| online\b| about\b|\W*$)|tweet|tweets|tweeted|(?:promise|promises|promised|pledge|pledges|pledged|vow|vows|vowed)(?!\s+to\b)`;
/** "What did X say / tell…?", "What was said at…?" (not "What is said to be…?", which asks what something is). */
const SPEECH_QUESTION = new RegExp(
  String.raw`^\W*what (?:else )?(?:(?:\p{L}+ ){0,2}?(?:did|does|do|has|have|had|will|would)\b.*\b(?:${SPEECH_VERBS})\b|(?:was|were|is|are|has been|have been|had been|will be) (?:said|told|written)\b(?! to (?:be|have)\b)|(?:was|were|is|are) .+ (?:mentioned|said|posted|tweeted)\W*$)`,
  'iu',
);
/** "What does X think of…?", "How does X feel about…?": what X thinks is what X says. */
const OPINION_VERBS = String.raw`think|thinks|thought|feel|feels|felt|feeling`;
/** "What does X think…?", "How does X feel…?", "How is X feeling (about…)?", and as a request leaves it, "(Can you tell me) how Petro feels about…?" */
const OPINION_QUESTION = new RegExp(
  String.raw`^\W*(?:what|how) (?:did|does|do)\b.*\b(?:${OPINION_VERBS})\b|^\W*how (?:is|was|are|were)\b.*\bfeeling\b|^\W*how\s+(?!(?:did|does|do|is|was|are|were|will|would|can|could|should|much|many|long|often)\b)(?:[\w.'’-]+\s+){1,4}(?:feels?|felt|thinks?|thought)\b`,
  'i',
);
/** "How did Locetta describe the talks?": how someone described something is what they said of it (not "How would you describe…?"). */
const DESCRIBE_VERBS = String.raw`describe|describes|described|characteri[sz]e|characteri[sz]es|characteri[sz]ed|portray|portrays|portrayed`;
export const DESCRIBE_QUESTION = new RegExp(String.raw`^\W*how (?:did|does|do|has|have|had|will|would)\s+(?!you\b)(.+?)\s+(?:${DESCRIBE_VERBS})\b`, 'i');
/**
 * "How did Petro let the public know…?", "Where did he share his feelings about the talks?", "Which channel did Petro use
 * to signal…?": how someone made something known is where they speak of it (group 1: who).
 */
export const MADE_KNOWN_QUESTION = new RegExp(
  String.raw`^\W*(?:how|where|(?:through|via|by|on|in) what(?: \w+)?|which(?: \w+){0,2}? (?:channels?|medium|media|platforms?|apps?|outlets?|sites?|ways?|means))\b.*?\b(?:did|does|do|has|have|had)\s+(?!you\b)(.+?)\s+(?:use\s+to\s+)?(?:say|let\s+(?:\w+\s+){1,3}know|make\s+(?:it\s+)?(?:known|public)|share|signal|announce|communicate|convey|put\s+out|indicate|broadcast|reveal|publici[sz]e|inform|update|tell\s+(?:the\s+)?(?:public|people|world|everyone|reporters|followers))\b`,
  'i',
);
/** "Who reported / announced / confirmed / claimed that?": who made it known is who said it. */
const REPORTED = String.raw`report|reports|reported|announce|announces|announced|confirm|confirms|confirmed|claim|claims|claimed`;
/** "Who said / told / spoke to / addressed / wrote…?", "Which diplomat spoke…?": the one who spoke is asked for. */
const SPOKE = String.raw`${SPEECH_VERBS}|speak|speaks|spoke|address|addresses|addressed|briefed`;
/** "Who gave that speech?", "Who made those remarks?", "Who made that public?": who said it. */
const GAVE_WORDS = String.raw`(?:gave|give|gives|delivered|deliver|delivers|made|make|makes|issued|issue|issues) (?:that|the|this|those|these|his|her|their) (?:speech|remarks?|statement|message|comments?|announcement|readout)|made (?:that|this|it) public`;
const SPEAKER_VERBS = String.raw`${SPOKE}|${REPORTED}|${GAVE_WORDS}|quoted|source|sourcing|authority|speaker`;
/**
 * "Who said…?", "Which diplomat spoke…?", "Which official is quoted?" (not "Who was told…?" nor "Who spoke with…?": the
 * one spoken to or with);
 * "Who is the source for…?", "Who was the speaker?", "According to whom…?", "On whose authority…?": who says so.
 */
const SPEAKER_QUESTION = new RegExp(
  String.raw`^\W*(?:who|which(?: \p{L}+){1,3}?) (?:(?:has |had |did |will |would )?(?:${SPOKE}|${REPORTED}|${GAVE_WORDS})\b(?! with\b)|(?:is|was|are|were) quoted)\b|^\W*who(?:'s|’s| is| was) the (?:source|sourcing|speaker(?! of\b))\b|\baccording to whom\b|\bon whose (?:authority|word)\b`,
  'iu',
);

/** Going as a verb of how something went ("How did the call go?"). */
export const WENT = 'go|goes|going|gone|went';
/** Words that ask for the manner of an exchange ("What was the tone of the call?"). */
const MANNER_NOUNS = 'tone|mood|atmosphere|vibe';
/**
 * A question for how an exchange went: "How did the call go?", "How's the meeting going?", "What was the tone /
 * mood of the call?". The answer gives it by a word that qualifies the thing ("a cordial call", "productive
 * conversations") or says how it goes ("The talks are going well").
 */
const QUALITY_QUESTION = new RegExp(
  String.raw`^\W*how(?:['’]s| (?:did|does|do|has|have|had|is|was|were|are|will))\b.+\b(?:${WENT})\W*$|\b(?:${MANNER_NOUNS})\s+(?:of|in|on|during|at|between|for)\b`,
  'i',
);
/** A yes-no question's closing alternatives of a word each ("…friendly or tense?", "…friendly or kinda tense?"). */
const TWO_QUALITIES = /\b([a-z]+)\s+or\s+(?:kinda\s+|kind of\s+|a bit\s+|rather\s+|more\s+)?([a-z]+)\W*$/i;
/** Is `word` an adjective WordNet gives similar adjectives for ("friendly": "cordial", "warm"…)? */
const describes = (lexicon: Lexicon, word: string) => {
  const t = toTerm(normalizeWord(word));
  return t !== null && lexicon.related(t).similar.length > 0;
};
/**
 * The terms of the qualities a yes-no question asks between, when it asks how something was: "Was the call
 * friendly or tense?" (two alternatives, one of them an adjective). Empty otherwise. ("How friendly / strong
 * was…?" is left alone: "How strong was the earthquake?" asks for a magnitude.)
 */
export function askedQualities(lexicon: Lexicon, question: string): string[] {
  const two = YES_NO_QUESTION.test(question) ? TWO_QUALITIES.exec(question) : null;
  if (two && (describes(lexicon, two[1]!) || describes(lexicon, two[2]!))) return analyze(`${two[1]} ${two[2]}`);
  return [];
}

/** Whether a plan still holds: "Is the meeting still on?", "Is the vote going ahead?" */
const STILL_ON = String.raw`still on|still happening|still going ahead|going ahead|still scheduled|still planned|still taking place`;
/** Words of a plan put off or called off: "postponed", "pushed back", "cancelled", "called off"… */
export const CALLED_OFF = String.raw`postpon\w*|resched\w*|push(?:ed|es|ing)? back|put off|cancel\w*|call(?:ed|s|ing)? off|scrap\w*|suspend\w*`;
/** Words of a change of plan: those, and "adjourned", "delayed", "moved to"… */
export const CHANGE_WORDS = String.raw`${CALLED_OFF}|adjourn\w*|delay\w*|mov(?:e|ed|es|ing)|brought forward|bring forward|halt\w*|defer\w*|drop(?:ped)?|withdr[ae]wn?`;
/** A question about where things stand after a change of plan: "Was the meeting postponed?", "Is the strike called off?", "Is the meeting still on?" */
const CHANGE_QUESTION = new RegExp(String.raw`^\W*(?:was|were|is|are|has|have|had|did|does|do|will|would)\b.*\b(?:${CHANGE_WORDS}|${STILL_ON})\b`, 'i');
/** "on the agenda", "on the table": what is to be discussed. */
export const AGENDA = /\b(?:agenda|on the table)\b/i;

/** Words that name topics as what is asked for ("What topics…", "…on the agenda", "…on the table": under discussion). */
const TOPIC_WORDS = String.raw`topics?|issues?|subjects?|themes?|agenda|(?<=on (?:the )?)table|priorit(?:y|ies)`;
/** "Will security come up?": a topic raised, the verb asks for nothing of its own. */
const COME_UP = String.raw`(?:come|comes|coming|came) up`;
/** "What year …?", "In which month?", "What time…?", "Which hour…?": a date question, and the noun names what is asked for, not what it is about. */
const DATE_NOUNS = 'year|date|day|month|time|hour';
/** A question typed as a search for a date: a few words and a date noun ("meeting date?"), or the date "of" something. */
const DATE_FRAGMENT = new RegExp(String.raw`^\W*(?:[\w.]+ ){0,4}(?:${DATE_NOUNS})\W*$|^\W*(?:the )?(?:${DATE_NOUNS}) of\b`);

/**
 * "What topics / issues are…?", "What economic topics…?", "Beyond trade, which issue…?", "What are the meeting
 * topics?", "meeting topics", "What is on the agenda?", "…on next week's agenda?",
 * "Will / did they talk about …?", "Will they discuss security?" (of what is to come: "Did they discuss drugs?" asks
 * what was said then), and asked as a statement: "They will talk about what?", "The meeting, it will
 * be about what things?"
 */
const TOPIC_QUESTION = new RegExp(
  String.raw`\b(?:talk|discuss|focus|be)\w*\s+(?:about|on)\s+what(?:\s+(?:things|topics|issues|subjects|matters))?\W*$|^\W*(?:(?:besides|beyond|apart from|aside from|other than)\b[^,?]*,\s*)?(?:what|which) (?:(?:kinds?|sorts?|types?) of )?(?:(?!(?:${AUXILIARIES.replaceAll(' ', '|')}|the|th[eo]se|this|that|their|its)\b)[\w-]+ ){0,2}?(?:${TOPIC_WORDS})\b|^\W*what(?:'s|’s| is| are| were| will be)? (?:the |their )?(?:\w+ ){0,2}?(?:${TOPIC_WORDS})\W*$|^\W*(?:\w+ ){0,3}(?:${TOPIC_WORDS})\W*$|\b(?:on|of) (?:the|their|its|this|that|[\w-]+['’]s)\s+(?:[\w-]+\s+){0,3}?agenda\b|\bon (?:the )?table\b|^\W*(?:will|would|did|do|does|are|is|was|were|can)\b.*\b(?:talk|discuss|focus)\w*\s+(?:about|on)\b|^\W*(?:will|would|could|might|are|is)\b.*\bdiscuss(?:ing)?\s+\w|^\W*(?:will|would|did|does|do|is|are|was|were|has|have|could|might)\b.*\b${COME_UP}\b`,
  'i',
);

/** A yes-no question's clause from a question word on, when no verb of knowing or telling asks it. */
const UNASKED_CLAUSE =
  /(?<!\b(?:know|known|knows|knew|say|says|said|tell|told|clear|announce[ds]?|decided?|reveal(?:ed|s)?|mention(?:ed|s)?|explain(?:ed|s)?|confirm(?:ed|s)?|specif(?:y|ied|ies)|sure|certain|idea)\s+(?:\w+\s+)?)\b(?:when|where|why|who|how|which|what)\b.*$/;

export function questionType(question: string, lang: Lang = 'en'): QuestionType {
  if (lang !== 'en') return questionTypeIn(question, lang);
  // A word a chat ends on, "so what's the meeting about then?", "what's it about anyway": the question before it.
  const q = question.toLowerCase().replace(/\s+(?:then|anyway|anyways|though|again)(\W*)$/, '$1');
  // A yes-no question asks no question word of its clauses ("Is trade going to be on the table when Petro
  // visits?"), unless one follows a verb of knowing or telling ("Did they say when they will meet?").
  const asked = YES_NO_QUESTION.test(q) ? q.replace(UNASKED_CLAUSE, '') : q;
  // The question word met first decides: in "What gained ground when…?" or "How many died when…?",
  // "when" opens a clause, it is not what is asked.
  const cue = new RegExp(
    String.raw`\b(?:when|(?:what|which) (?:${DATE_NOUNS})|how (?:many|much|old)|who|whom|whose|where|why|(?:what|which) reasons?|reasons?|what|which|how)\b`,
  ).exec(asked)?.[0];
  if (cue === 'when' || /^(?:what|which) /.test(cue ?? '') || /\bwhat(?:'s|’s| is| was| will be)? the (?:new )?(?:date|day)\b/.test(q)) return 'date';
  // Typed as a search: "meeting date?", "rubio call day", "date of the meeting".
  if (cue === undefined && DATE_FRAGMENT.test(q) && !YES_NO_QUESTION.test(q)) return 'date';
  if (cue === 'how many' || cue === 'how much' || cue === 'how old') return 'number';
  // "What is Petro's first name?": a name.
  if (NAME_OF.test(question) || PRONOUN_NAME.test(question)) return 'person';
  // "How does Petro feel about…?": what he says about it.
  if (cue === 'how' && OPINION_QUESTION.test(q)) return 'speech';
  if ((cue === 'who' || cue === 'whom' || cue === 'whose' || cue === 'which') && SPEAKER_QUESTION.test(q)) return 'speaker';
  if (cue === 'who' || cue === 'whom' || cue === 'whose') return 'person';
  // "Where…?", and "In which city…?": the noun names the kind of place asked for (it is asked for, below).
  if (cue === 'where' || ((cue === 'which' || cue === 'what') && PLACE_NOUN_QUESTION.test(q))) return 'place';
  // "Why…?", "For what reason…?", a reader's "colombia sanctions reason", and "What prompted the post?", "What was he
  // reacting to?": what caused it.
  if (cue === 'why' || /reason/.test(cue ?? '') || PROMPTED.test(q)) return 'reason';
  if (SPEECH_QUESTION.test(q) || OPINION_QUESTION.test(q)) return 'speech';
  // "What will they talk about / discuss / focus on?" (also "…discuss at the meeting?"), "What is the report
  // about?", "What topics are on the agenda?", "Will they talk about security?": a topic.
  if (
    /\bwhat\b.*\b(?:(?:talk|discuss|focus)\w*(?: (?:about|on))?|about)\s*\??\s*$/.test(q) ||
    /\b(?:what|which)\b.*\b(?:talk|discuss|focus)\w*(?: (?:about|on))? (?:at|in|during|on) (?:the |this |that |their )?(?:[\w.]+ ){0,3}[\w.]+\s*\??\s*$/.test(
      q,
    ) ||
    // (…and "…talk about when they meet?", "…once they're in the room?": when, not what.)
    /\b(?:what|which)\b.*\b(?:talk|discuss|focus)\w*(?: (?:about|on))? (?:when|once|after) (?:[\w.'’]+ ){0,4}[\w.'’]+\s*\??\s*$/.test(q) ||
    TOPIC_QUESTION.test(q) ||
    TAKES_UP.test(q)
  )
    return 'topic';
  if (CHANGE_QUESTION.test(q)) return 'change';
  if (QUALITY_QUESTION.test(q)) return 'quality';
  return 'other';
}

/**
 * The terms of the words that name what a question asks for rather than what
 * it is about — "date" in "What is the date of the meeting?", "postponed" in
 * "Was the meeting postponed?" — which the briefs need not hold: the answer
 * gives a date, or says what became of the meeting, in its own words.
 */
/** "Will there be a press conference after…?", "Is there a trade deal…?": the thing whose being is asked (group 1). */
const THERE_BE = new RegExp(
  String.raw`^\W*(?:(?:is|are|was|were)\s+there(?:\s+going\s+to\s+be)?|(?:will|would|could|might)\s+there\s+be|(?:has|have)\s+there\s+been)\s+(?:(?:a|an|any|some|another|more|many|much)\s+)?((?:[\p{L}-]+\s+){0,2}?[\p{L}-]+?)(?=\s+(?:after|before|at|on|in|to|for|of|that|with|between|about|expected|planned|scheduled|being|when|during|from|by|or|and|this|next|afterwards?|later|today|tomorrow)\b|\W*$)`,
  'iu',
);
/** Words that frame what follows rather than name a thing ("Is there any evidence that…?", "Is there a chance…?"). */
const FRAMES = new Set(analyze('evidence sign indication word news chance hint mention doubt possibility information proof reason truth risk hope talk'));

/**
 * For `thingCheck`: the term of the thing a question asks the being of, its last word ("conference" in "Will there
 * be a joint press conference after the meeting?": "joint economic opportunities" names none), or undefined (none,
 * or a frame: "Is there any evidence that…?").
 */
export function askedThing(question: string): string[] | undefined {
  const thing = THERE_BE.exec(question)?.[1];
  const terms = thing === undefined ? [] : analyze(thing);
  return terms.length && !terms.some((t) => FRAMES.has(t)) ? terms.slice(-1) : undefined;
}

/** The platforms readers name ("Was it on Facebook that…?", "What did Petro say on Twitter?"). */
export const PLATFORMS = 'Facebook|Instagram|Twitter|TikTok|YouTube|Telegram|WhatsApp|Threads|Bluesky|LinkedIn|Snapchat|Reddit|Truth Social';
/** Where something is said: "online", "social media", "on the internet", "on TV", "on Twitter" (a pattern's source). */
export const MEDIUM = String.raw`online|social\s+media|on\s+(?:the\s+(?:internet|web|radio)|tv|television|(?:the\s+)?(?:${PLATFORMS}))`;
/** A question about something posted: "What did he post?", "Did he tweet…?", "…online?", "…on social media?". */
export const ASKS_POSTED = new RegExp(String.raw`\b(?:posts?|posted|tweets?|tweeted|${MEDIUM})\b`, 'i');
/** Posting as a verb: "Did Petro post…?", "…tweeted", "share his comments" (not "the post season"). */
export const POSTING = /\b(?:posts?|posted|posting|tweets?|tweeted|tweeting|shar(?:e|es|ed|ing))\b(?!\s+season)/i;
/** The terms of the verbs of saying ("say", "post", "tweet"…). */
const SAYING = new Set(analyze('say says said tell tells told write writes wrote mention mentioned post posts posted tweet tweeted'));

export function askedForTerms(question: string, type: QuestionType, lang: Lang = 'en'): Set<string> {
  // "When / where will it take place?": the verb of happening, as "happen" is a question word.
  const asked = termsOfWords(
    question,
    type === 'place' || type === 'date' ? `${TAKE_PLACE}|${HELD}|${SPOKE_OUT}${type === 'date' ? `|${SCHEDULED}` : `|${POSTED}`}` : TAKE_PLACE,
  );
  const words = ASKED_WORDS[type];
  if (words) for (const t of termsOfWords(question, words)) asked.add(t);
  // "When did she speak?", "Where did they talk?": the speaking is the event the conversation is on, which the answer
  // reports in its own words ("…told the Security Council Friday"); the verb asks for nothing of its own.
  const spoke = (type === 'date' || type === 'place') && SPOKE_BY_SUBJECT.exec(question)?.[1];
  if (spoke) for (const t of analyze(spoke)) asked.add(t);
  // "What prompted the post?", "What was he reacting to?": the cause, which the answer gives in its own words (not "Why
  // did Colombia respond to the criticism?", whose response is what the answer tells of).
  if (type === 'reason' && PROMPTED.test(question)) for (const t of termsOfWords(question, CAUSE_VERBS)) asked.add(t);
  // "How long / how often…?": a duration or a frequency, which the answer gives in its own words ("months of
  // hostility", "on a quarterly basis"), not "long" or "often".
  const how = /\bhow (long|often)\b/i.exec(question);
  if (how) for (const t of analyze(how[1]!)) asked.add(t);
  // "What is Petro's first name?": the answer gives the name, not the words.
  if (type === 'person' && NAME_OF.test(question)) for (const t of termsOfWords(question, String.raw`(?:first|full|given|middle) name`)) asked.add(t);
  // "What's her name?": who she is; "name" is what is asked for.
  if (type === 'person' && PRONOUN_NAME.test(question))
    for (const t of termsOfWords(question, String.raw`(?:first|full|given|middle|last)?\s*name`)) asked.add(t);
  // "Who is the ambassador lady?", "What did the spokesman guy say?": the role names whom; "lady" is how the reader says it.
  if (type === 'person' || type === 'speech' || type === 'speaker') for (const t of termsOfWords(question, AFTER_ROLE)) asked.add(t);
  // "Who did Rubio speak with?": the one on the other side of an exchange, which the answer reports in its own
  // words ("held a call", "met"); the verb names what is asked for.
  if (type === 'person') {
    const m = PARTNER_QUESTION.exec(question);
    if (m) for (const t of analyze((m[1] ?? m[2] ?? m[3])!)) asked.add(t);
  }
  // "What did Petro post on social media / on Twitter?", "Which social media site did he use to share his update?": the
  // medium and the posting say where it was said, which the answer names as it may ("…a brief message on X").
  // (When the question says something else: "What did he post online?" is about the post.)
  // (English words: "Online-Petition auf der Website" is what a German question is about. Nor a medium where nothing is
  // posted: "Who broadcast the Super Bowl on TV?", "Who conducted the 2011 online vote?")
  if (type === 'speech' || (lang === 'en' && (type === 'place' || (YES_NO_QUESTION.test(question) && POSTING.test(question))))) {
    const medium = termsOfWords(question, `${MEDIUM}|${PLATFORM_KINDS}|${POSTED}`);
    if (medium.size && analyze(question).some((t) => !medium.has(t) && !asked.has(t) && !SAYING.has(t))) for (const t of medium) asked.add(t);
  }
  // "How did Locetta describe the talks?": what she said of them, in words of her own ("productive conversations"); the
  // verb asks for them, as "say" does.
  if (DESCRIBE_QUESTION.test(question)) for (const t of termsOfWords(question, DESCRIBE_VERBS)) asked.add(t);
  // "Besides trade, what is on the agenda?": the word that sets something aside is no word to match.
  for (const t of termsOfWords(question, SET_ASIDE)) asked.add(t);
  // "What is his job?", "Who does she work for?": the answer gives the role ("a State Department spokesman").
  for (const m of question.matchAll(ROLE_QUESTION)) for (const t of analyze(m[1] ?? m[2]!)) asked.add(t);
  // "What topics will the meeting cover?": the verb says the topics are asked for (its briefs' word may be "discuss").
  const verb = type === 'topic' ? topicVerb(question) : undefined;
  if (verb !== undefined && !/^(?:talk|discuss|focus)/i.test(verb)) for (const t of analyze(verb)) asked.add(t);
  if (type === 'place') {
    const m = PLACE_NOUN_QUESTION.exec(question);
    if (m) for (const t of analyze((m[1] ?? m[2])!)) asked.add(t);
  }
  if (type === 'date') {
    const m = new RegExp(
      String.raw`\bwhat(?:'s|’s| is| was| will be)? the (?:new )?(date|day)\b|\b(?:what|which) ((?:${DATE_NOUNS})(?: of (?:the )?(?:week|month|year))?)\b`,
      'i',
    ).exec(question);
    // (And "…day of the week", "…time of year": the week names no event.)
    if (m) for (const t of analyze(m[1] ?? m[2]!)) asked.add(t);
  }
  return asked;
}

/**
 * A question for someone's role: "What is X's job / role / title?" (not "the role of…", "the position on…"),
 * "Who does X work for?". The word names what is asked for. (Not "Where did he work?": a brief that says
 * "the independent work of Donald Davies at the National Physical Laboratory" answers it with that word.)
 */
export const ROLE_QUESTION =
  /\bwhat(?:'s|’s| is| was)\b.*\b(job|role|occupation|profession|title|position)\b(?! (?:on|of|in|at|to|for)\b)|\b(work)(?:s|ed)? (?:for|as)\b/gi;

/**
 * "Which city / country / town…?", "In which place…?", "What is the venue of…?": a question for a place, whose
 * noun says what kind (the answer names it, not the noun). Not a place in a ranking ("What place did she finish?").
 */
const PLACE_NOUN_QUESTION =
  /\b(?:what|which) (city|town|village|country|state(?! of\b)|province|region|continent|place(?!.*\b(?:finish|finished|come|came|take|took|rank|ranked)\b)|location|venue|(?:social (?:media |networking )?)?(?:platform|site|website|app)|social (?:media|network(?:ing)?(?: site)?))\b|\bwhat(?:['’]s| is| was| will be) the (place|location|venue)\b/i;

/** "What is Petro's first name?", "What was the full name of Rubio?": the name of someone the question names. */
const NAME_OF =
  /\bwhat(?:['’]s|\s+is|\s+was)\s+(?:(?!(?:the|a|an|his|her|its|their|this|that)\b)(\p{L}[\p{L}'’-]*?)(?:['’]s|['’])\s+(?:first|full|given|middle)\s+name|the\s+(?:first|full|given|middle)\s+name\s+of\s+(?!(?:the|a|an|his|her|its|their|this|that|him|it)\b)(\p{L}[\p{L}'’-]*))/iu;

/** "What's her name?", "What was his full name again?": who "she" or "he" is, as "Who is she?" asks. */
const PRONOUN_NAME = /\bwhat(?:['’]s|\s+is|\s+was)\s+(?:his|her|their)\s+(?:(?:first|full|given|middle|last)\s+)?name\b/i;

/** Titles before a name ("President Petro"), which are no first name. */
const TITLES = String.raw`(?:President|Secretary|Minister|Ambassador|Senator|Governor|General|Judge|King|Queen|Prince|Princess|Pope|Mayor|Chancellor|Mr|Mrs|Ms|Dr|Sir|Lord|Lady|Saint|St)`;

/**
 * For "What is Petro's first name?" and "Who is Petro?": a sentence that names Petro with a name before his
 * ("Colombian President Gustavo Petro", not "President Petro"), as a brief introduces someone.
 */
export function fullNameOf(question: string): RegExp | undefined {
  const m = NAME_OF.exec(question);
  const typed = m?.[1] ?? m?.[2];
  // As a name is written, however it was typed ("petro", "PETRO").
  const who = typed ? asName(typed) : namedWho(question);
  // (`who` holds letters, apostrophes and hyphens only: nothing to escape.)
  return who ? new RegExp(String.raw`\b(?!${TITLES}\b)\p{Lu}\p{Ll}+\s+${who}\b`, 'u') : undefined;
}

/** The name "Who is Petro?" asks about, its last word written as a name ("petro", "PETRO" → "Petro"); none for "Who is the…?". */
function namedWho(question: string): string | undefined {
  const said = WHO_IS_NAMED.exec(question)?.[1]?.split(/\s+/);
  if (!said || said.some((w) => STOP_WORDS.has(normalizeWord(w)))) return undefined;
  const last = said.at(-1)!;
  return asName(last);
}

/** A word as a name is written, however it was typed ("petro", "PETRO" → "Petro"). */
export function asName(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1).toLowerCase();
}

/**
 * "Who did Rubio speak with?", "Whom was she talking to?": the other party of an exchange is asked for; "Who from
 * Colombia talked with Rubio…?": the one on this side.
 */
const PARTNER_QUESTION =
  /^\W*(?:who|whom)\b.*\b(speak|speaks|spoke|spoken|speaking|talk|talks|talked|talking|chat|chats|chatted|chatting)\s+(?:with|to)\W*$|\b(speak|speaks|spoke|talk|talks|talked|chat|chats|chatted)\s+(?:with|to)\s+(?:who|whom)\W*$|^\W*who\b(?:\s+(?:from|in|at|on|of)\s+[^?]+?)?\s+(spoke|talked|chatted|was\s+talking|was\s+speaking)\s+(?:with|to)\s+(?!who|whom)/i;

/** Words that set something aside ("besides trade", "apart from trade"). */
const SET_ASIDE = String.raw`besides|apart(?= from\b)|aside(?= from\b)`;
/** "When did she speak?", "Where did Locetta talk?": a verb of speaking whose subject is a pronoun or a name, however typed ("where did locetta say that"; group 1). */
const SPOKE_BY_SUBJECT = new RegExp(
  String.raw`^\W*(?:[Aa]nd\s+|[Ss]o\s+)?(?:[Ww]hen|[Ww]here|[Ww]hat day|[Ww]hat time)\s+(?:did|does|do|will|was|were|is|are)\s+(?:[Ss]he|[Hh]e|[Tt]hey|[Ww]e|\p{Lu}[\p{L}'’.-]*(?:\s+\p{Lu}[\p{L}'’.-]*){0,2}|(?!the\b)\p{Ll}[\p{L}'’.-]*)\s+(${SPOKE}|talk|talks|talked|talking|speaking)\b`,
  'u',
);
/** "take place" and its forms: what happens, not what it is about. */
const TAKE_PLACE = String.raw`(?:take|takes|took|taking|taken) place`;
/** "Where did he post it?": the posting names what is asked for (a platform: "…a brief message on X"), as "take place" does. */
const POSTED = String.raw`post|posts|posted|posting|tweet|tweets|tweeted|tweeting|shar(?:e|es|ed|ing)(?=\s+(?:that|it|this|the (?:news|message|post)|(?:his|her|their|its) (?:\w+ )?(?:update|message|post|comments?|remarks?|views?|thoughts?|news)))`;
/** "be held" in a question for a place or a date ("Where will the meeting be held?", "Where was the rally held?"): it takes place. */
const HELD = String.raw`(?:be|is|are|was|were|being|been) held|held(?=\W*$)`;
/** "Where / when did Locetta make her remarks?": she spoke, which the answer says in its own words ("told the Council"). */
const SPOKE_OUT = String.raw`(?:make|makes|made|making|give|gives|gave|given|giving|deliver|delivers|delivered|delivering) (?:(?:her|his|their|its|the|those|these|this|that) )?(?:remarks?|comments?|speech|speeches|statements?|address)`;
/**
 * "When is the meeting set for?", "What day is it scheduled for?": it is planned for a date, which the answer gives
 * (not "In what year is the movie set?": the year of its story).
 */
const SCHEDULED = String.raw`(?:set|slated|due|scheduled|planned)(?= (?:for|to)\b)|(?:slated|due|scheduled|planned)(?=\W*$)`;
/** The kinds of place something is posted on ("Which social media site…?"). */
const PLATFORM_KINDS = String.raw`(?:social\s+(?:media\s+|networking\s+)?)?(?:platforms?|sites?|websites?|apps?|accounts?)|social\s+(?:media|network(?:ing)?)`;
/** Verbs asking what caused something ("prompted", "reacting"): they name what is asked, the answer gives a cause in its own words. */
const CAUSE_VERBS = String.raw`prompt(?:s|ed|ing)?|trigger(?:s|ed|ing)?|spark(?:s|ed|ing)?|react(?:s|ed|ing)?|respond(?:s|ed|ing)?|led`;
/**
 * "What prompted the post?", "What was he reacting / responding to (when he posted)?", "What led to…?": what caused it,
 * asked as "why" (not "How did Petro react to the announcement?", nor "…reacting to the news": what followed, what it was).
 */
const PROMPTED = new RegExp(
  String.raw`(?:^|[.?!;]\s)\W*(?:and\s+|so\s+)?what\b(?:\s+(?:had|has|was|is|were|did))?\s+(?:(?:prompt|trigger|spark)(?:s|ed)?\b|led\s+(?:to|up\s+to)\b|[^?]*\b(?:react|respond)(?:ing|ed)?\s+to(?=\W*$|\s+(?:when|as|after|before|while|with|in)\b))`,
  'i',
);
/** The words that name what a question of each type asks for. */
const ASKED_WORDS: Partial<Record<QuestionType, string>> = {
  topic: `${TOPIC_WORDS}|${COME_UP}`,
  change: `${CHANGE_WORDS}|${STILL_ON}|still`,
  speech: `${SPEECH_VERBS}|${OPINION_VERBS}`,
  speaker: SPEAKER_VERBS,
  reason: 'reasons?',
  quality: `${WENT}|${MANNER_NOUNS}`,
};

/** The terms of the words of `question` that the alternation `words` matches. */
function termsOfWords(question: string, words: string): Set<string> {
  const found = [...question.matchAll(new RegExp(String.raw`\b(?:${words})\b`, 'gi'))].map((m) => m[0]);
  return new Set(analyze(found.join(' ')));
}

/** "What is the White House meeting about?": the thing asked about, its last word the head ("meeting"). */
export const ABOUT_QUESTION =
  /^\W*what(?:['’]s|s| is| was| will| are| were)?\s+(?:the|this|that|these|those|their|his|her|its)\s+((?:[\p{L}\p{N}.'’-]+\s+){0,4}[\p{L}-]+)\s+(?:(?:going to )?be\s+)?about\W*$/iu;
/**
 * "What topics are on the agenda for the Feb. 3 White House meeting?", "What issues will be raised at the summit?",
 * "What will they talk about at the meeting?": the thing, as above.
 */
export const TOPICS_OF =
  /\b(?:topics?|issues?|subjects?|themes?|agenda|on the table|(?:talk|discuss|focus)\w*)\b.*\b(?:for|at|of|during|in)\s+(?:the|this|that|their|his|her|its)\s+((?:[\p{L}\p{N}.'’-]+\s+){0,4}[\p{L}-]+)\W*$/iu;
/** "How does X feel (about…)?", "What did X say / think about…?" */
export const STANCE_QUESTION = /\b(?:feel|feels|felt|feeling)\b|\b(?:say|says|said|think|thinks|thought)\b.*\babout\b/i;

/** The opening of a role question: "Who is / was / 's …", after an "And" or "So". */
const WHO_IS = String.raw`^\s*(?:[Aa]nd\s+|[Ss]o\s+)?[Ww]ho(?:['’]s|\s+(?:is|was|are|were|will be))\s+`;

/** "Who is Petro?", "who was fredderic wola", "WHO IS PETRO?": who someone is (the name, as typed, in group 1). */
const WHO_IS_NAMED = /^\W*(?:and\s+|so\s+)?who(?:['’]s|\s+(?:is|was))\s+((?:[\p{L}'’-]+\s+){0,2}[\p{L}'’-]+)\W*$/iu;

/** A word readers put after a role, naming no role of its own: "the spokesman guy", "the ambassador lady" (not "the lady"). */
const ROLE_FILLER = String.raw`(?:guys?|lady|ladies|person|persons|people|woman|women|man|men|fellows?|dudes?|gentleman|gentlemen|chaps?|blokes?|folks|individuals?)`;
/** "Who's the guy from the State Department?": a person described by where they are from, no role. */
const ONLY_FILLER = new RegExp(String.raw`^${ROLE_FILLER}$`);
/** A number or a quantity before the filler ("the two people", "both men", "the other guy"). */
const COUNTED = /^(?:one|two|three|four|five|six|seven|eight|nine|ten|both|other|several|many|few|some|all)$/;
const AFTER_ROLE = String.raw`(?<=\b(?!(?:the|an?|this|that|which|what|whose|his|her|their|its|our|my|your)\s)[a-z]{3,}\s)${ROLE_FILLER}`;

/**
 * "Who is the mayor of New York?", "Who's Colombia's defense minister?": the role the question names a
 * person by (group 1: the last word of the noun phrase after the article or possessive: capitalised
 * words first, "the ESPN Deportes sideline commentator", then lower-case ones, before any participle, "the ambassador speaking to
 * the UN"; not "the man Helen met", nor a relative clause: "the woman that speaks for the US",
 * nor a question closing on its preposition: "Who was the peace deal with Colombia made with?").
 */
const ROLE_HOLDER = new RegExp(
  String.raw`${WHO_IS}(?:[Tt]he|an?|[\p{L}.]+['’]s?)\s+(?:\p{Lu}[\p{L}.-]*\s+){0,3}(?:(?!(?:that|who|which|whom|whose)\s)\p{Ll}[\p{L}-]*\s+){0,2}?(\p{Ll}[\p{L}-]*)(?:\s+\p{Ll}[\p{L}-]{2,}ing)?(?:\s+${ROLE_FILLER})?(?:\s+(?:of|in|at|for|to|on|from|with)\s+(?![^?]*\s(?:of|in|at|for|to|on|from|with|by|about)\s*[?.!]*\s*$)[^?]+)?\s*[?.!]*\s*$`,
  'u',
);

/** The role a "Who is the <role>…?" question names someone by: the word, and its last term as the index reads it ("vice-chair" → "chair"). */
export interface AskedRole {
  word: string;
  term: string;
}

/**
 * The same without an article, as readers type it ("who is president of colombia"): a role "of"
 * something, so that "Who was responsible for…?" or "Who is subject to…?" are not read as roles.
 */
const BARE_ROLE_HOLDER = new RegExp(String.raw`${WHO_IS}(\p{Ll}[\p{L}-]*)\s+of\s+[^?]+\s*[?.!]*\s*$`, 'u');

export function askedRole(question: string): AskedRole | undefined {
  const m = ROLE_HOLDER.exec(question) ?? BARE_ROLE_HOLDER.exec(question);
  // ("Who were the two people on the call?": how many, and who they are, is asked; no role.)
  if (m && (ONLY_FILLER.test(m[1]!) || COUNTED.test(m[1]!))) return undefined;
  const term = m ? analyze(m[1]!).at(-1) : undefined;
  return term === undefined ? undefined : { word: m![1]!, term };
}

/**
 * For "Who is the president of Colombia?": a sentence that names someone right by the role, after it
 * ("Colombian President Gustavo Petro", "Secretary of State Marco Rubio", "Japan's foreign minister, Kenji
 * Morita") or before it as an apposition ("Tommy Pigott, a State Department spokesman"). The role matches by
 * its term's letters ("presid…").
 */
export function roleHolder(asked: AskedRole | undefined): RegExp | undefined {
  const stem = asked?.term;
  if (!stem || !/^[a-z]+$/.test(stem)) return undefined;
  const role = String.raw`[${stem[0]!.toUpperCase()}${stem[0]}]${stem.slice(1)}\w*`;
  const name = String.raw`\p{Lu}\p{Ll}+(?:\s+\p{Lu}[\p{Ll}'’-]+)+`;
  return new RegExp(String.raw`\b${role}(?:\s+of\s+\p{Lu}\w+)?,?\s+${name}|${name},\s+(?:an?|the)\s+(?:[\p{L}.-]+\s+){0,3}${role}`, 'u');
}

/** Words that open a question: a question word or an auxiliary. */
const QUESTION_OPENERS = `when|what|who|whom|whose|where|why|how|which|${AUXILIARIES.replaceAll(' ', '|')}`;
/** A word that links a message to the chat before it ("ok", "so", "and"), before a question word: it asks nothing. */
const LINK_WORD = String.raw`(?:ok(?:ay)?|oh|well|so|and|but|alright|now|also)\s+`;
/**
 * A request that opens a message ("Explain…", "Can you describe…", "Please tell me about…"), or a question
 * asked indirectly ("Any idea what Rubio promised?", "I'm curious what…", "Do you know who…", "I'd like to
 * know when…", "May I ask who…", "I would be grateful to know how…"), after any courtesies ("Excuse me,", "Hello there,",
 * "If you don't mind my asking,") or interjections ("Wait,", "Oh,", "Hold on —"): what follows is the question.
 */
const REQUEST = new RegExp(
  String.raw`^\s*(?:(?:please|pls|plz|kindly|excuse me|pardon me|sorry|(?:hello|hi|hey|hiya|howdy|greetings)(?: there| all| everyone)?|good (?:morning|afternoon|evening|day)|if (?:i may|you (?:don['’]?t|do not) mind(?: (?:my|me) asking)?)|wait)[,.!\s]+|(?:hold on|hang on|oh|ok(?:ay)?|well|no|nope)\s*[,.!:—–-]+\s*|${LINK_WORD}(?=(?:${LINK_WORD})*(?:${QUESTION_OPENERS})\b))*` +
    '(?:' +
    [
      String.raw`(?:(?:can|could|would|will) you\s+(?:please\s+|kindly\s+)?)?(?:explain|describe|summari[sz]e|clarify|tell me|remind me|let me know)(?:\s+(?:about|of))?\b`,
      String.raw`would you (?:be (?:so )?(?:good|kind)(?: enough)?(?: as)? to|mind) (?:tell(?:ing)?|remind(?:ing)?|explain(?:ing)? to|let(?:ting)?) me(?: know)?(?: about| of)?\b`,
      String.raw`(?:may|might|can|could) i (?:please )?ask(?: you)?(?: about)?\b`,
      String.raw`(?:any|got any|have you any|do you have any) idea\b`,
      String.raw`(?:do|does anyone|would) you (?:happen to )?know\b`,
      String.raw`i(?:['’]?m| am) (?:curious|wondering)(?: about)?\b`,
      String.raw`i (?:was |am )?wonder(?:ing)?\b`,
      String.raw`i(?:['’]?d| would| should) (?:like|love) to (?:know|learn|understand|hear)(?: about)?\b`,
      String.raw`i(?:['’]?d| would| should) be (?:grateful|glad|interested|obliged)(?: to (?:know|learn|hear)| if you (?:could|would) (?:tell|explain to|let) me(?: know)?)?(?: about)?\b`,
      String.raw`i (?:want|need) to (?:know|understand)(?: about)?\b`,
      String.raw`i meant(?: to ask)?\b`,
    ].join('|') +
    String.raw`)?[\s,:]*`,
  'i',
);
/** A courtesy that closes a question ("…, if you please?", "…, please", "Thanks!"): no word to match. */
const CLOSING_COURTESY =
  /[\s,]+(?:if you please|please|thank you(?: very much)?|thanks(?: (?:a lot|in advance))?|(?:if )?i may ask|if i may|may i ask|by any chance|out of curiosity)(?=[\s?.!]*$)|,\s*(?:(?:if )?i may ask|may i ask|if i may|by any chance|out of curiosity)\s*(?=,)/gi;

/**
 * Spoken and phone forms written out (and a passive "got" left out: "Who got hit with sanctions?"): a question word with "is" run into it ("whats", "wheres", "whos" →
 * "what is") or "did" ("what'd", "how'd"), the future "going to" / "gonna" before a verb as "will" ("When is Petro going to meet
 * Trump?" matched "The talks are going well"; "going to the White House" is a going), "PM" as "prime
 * minister" (not "3 PM"), "sit down with" as "meet with", "ahead of" and "going into / heading into the…" as "before", words shortened as typed ("govt", "dept", "secy", "abt", "fam"), and without what a chat
 * adds that asks nothing ("lol", "ngl", "fr") and an "even" that stresses the question.
 */
export function spelledOut(question: string): string {
  return (
    question
      .replace(/\b(what|who|where|when|how|why)s\b/gi, '$1 is')
      .replace(/\b(what|who|where|when|how|why)['’]d\b/gi, '$1 did')
      .replace(GOING_TO, 'will ')
      .replace(/(?<!\d\s?)\bPM\b/g, 'prime minister')
      // "How many times a year…?" asks how often: "on a quarterly basis" answers it, with no number.
      .replace(/\bhow many times (?:a|an|per|each|every) (?:year|month|week|day)\b/gi, 'how often')
      .replace(ABBREVIATION, writtenOut)
      .replace(PHONE_SHORTENING, writtenOut)
      .replace(SIT_DOWN_WITH, (_, verb: string) => `${SAT_AS_MET[verb.toLowerCase()]!} `)
      // The noun: "the Petro-Trump sit-down", "trump sitdown".
      .replace(/\bsit-?down(s?)\b/gi, 'meeting$1')
      .replace(/\bahead of\b/gi, 'before')
      // "the American lady at the UN", "the State Department guy": a person described, as "she" or "he" would be — no
      // word for a brief to hold (not "the first lady", a title).
      .replace(/(?<=\b(?:the|that|this)\s+(?:(?!first\b)[\p{L}.'’-]+\s+){0,2})(?<!\bfirst\s+)(?:lady|guy|gentleman|fellow|bloke|chap|dude|gal)\b/giu, 'one')
      // "Who else got hit with sanctions?", "…got sanctioned?": "get" makes a passive, no word of its own.
      .replace(/\b(?:get|gets|got|gotten|getting)\s+(?=(?:[a-z]+ed|hit|slapped|taken|stripped|caught|dragged)\b)/gi, '')
      // "What kinds of topics…?", "What sort of crime…?": what is asked for, as "What kind of…?" asks it (not "How many types
      // of…?", where the types are what is counted).
      .replace(/(?<=\b(?:what|which)\s+)(?:kinds|sorts?|types) of\b/gi, 'kind of')
      // "Why were the sanctions put on him in the first place?": an idiom for "at all", no word to match.
      .replace(/,?\s*\bin the first place\b/gi, '')
      // "the phone call", "a telephone call": a call (WordNet has "phone" for "call"). Both words counted, the brief
      // that happens to hold both ("…took a phone call from Petro…") outranked the call asked about ("…held a cordial call…").
      // A phone chat, conversation, talk or exchange is a call too ("Was the phone chat between the two diplomats friendly?").
      .replace(/\b(?:tele)?phone\s+(?:call|chat|conversation|talk|exchange|discussion)(?=s?\b)/gi, 'call')
      // "Who got on the phone with Rubio?", "…got on the horn…", "Petro rang Trump": called; talking "on the phone" or
      // "by telephone" is talking on a call ("by phone" keeps its word: "…took a phone call…").
      .replace(/\b(?:get|gets|got|gotten|getting)\s+on\s+the\s+(?:(?:tele)?phone|horn|blower|line)\b|\brang\b/gi, 'called')
      .replace(/\b(?:(?:on|over)\s+the\s+(?:tele)?phone|by\s+telephone)\b/gi, 'on a call')
      // "Why is that such a big deal?": significant (WordNet's "big deal": anything of great importance).
      .replace(/\b(?:(?:such|so)\s+)?(?:an?\s+)?big\s+deal\b/gi, 'significant')
      // "going into the meeting": before it, not a going ("How is Petro feeling going into the meeting?" met "The talks are going well").
      .replace(/\b(?:going|heading) into (?=(?:the|his|her|their|this|that|these|those)\b)/gi, 'before ')
      // "…in this story?", "…quoted in the article?": the brief is where every answer comes from, no word to find in it.
      .replace(THE_BRIEF, '')
      // "Colombia's side", "the American side": the party itself.
      .replace(PARTY_SIDE, '$1')
      .replace(CHAT_FILLER, ' ')
      .replace(SPOKEN_FILLER, ' ')
      .replace(EMPHATIC_EVEN, ' ')
      // "feelin'", "goin'", "keepin'": the word with its "g".
      .replace(/\b([a-z]{2,})in['’](?!\p{L})/gu, '$1ing')
      // "…is he nervous or what?", "…protected or whatever": a closing that asks nothing.
      .replace(/,?\s+or (?:what|whatever|something|so)(?=\W*$)/i, '')
  );
}

/** Words shortened as readers type them ("govt", "dept", "abt"; a phone's "u", "r", "n", "w", "b4", "btwn", "prep", "msg", "pres"), written out. */
const ABBREVIATIONS: Record<string, string> = {
  govt: 'government',
  dept: 'department',
  secy: 'secretary',
  intl: 'international',
  natl: 'national',
  abt: 'about',
  ppl: 'people',
  mtg: 'meeting',
  msg: 'message',
  msgs: 'messages',
  pres: 'president',
  prez: 'president',
  wat: 'what',
  b4: 'before',
  btwn: 'between',
  bc: 'because',
  cuz: 'because',
  wut: 'what',
  tho: 'though',
  fam: 'family',
  rn: 'now',
  smth: 'something',
  prep: 'preparation',
  convo: 'conversation',
  info: 'information',
  admin: 'administration',
  u: 'you',
  r: 'are',
  n: 'and',
  w: 'with',
  kinda: 'kind of',
  sorta: 'sort of',
  wanna: 'want to',
  gotta: 'got to',
};
/** The first of those, however typed (a letter of any script bounds a word: "Kraków" has no "w"). */
const ABBREVIATION = /(?<![\p{L}\p{N}])(?:govt|gov['’]t|dept|secy|intl|natl|abt|ppl)(?![\p{L}\p{N}])/giu;
/** The phone's, only in lower case ("300 BC", "Angkor Wat" are no "bc", "wat"), a single letter not before a full stop ("george w. bush"). */
const PHONE_SHORTENING =
  /(?<![\p{L}\p{N}])(?:mtg|msgs?|pres|prez|wat|wut|tho|fam|rn|smth|prep|convo|info|admin|b4|btwn|bc|cuz|kinda|sorta|wanna|gotta|[urnw](?![./'’&-]))(?![\p{L}\p{N}])/gu;
/** "sit down with" someone, "together", "face to face" or closing the question ("…when they sit down?") is to meet ("When is Petro sitting down with Trump?"): the verb as "meet". */
const SIT_DOWN_WITH = /\b(sit|sits|sitting|sat)\s+down(?:\s+(?=with\b|together\b|face to face\b)|(?=\W*$))/gi;
const SAT_AS_MET: Record<string, string> = { sit: 'meet', sits: 'meets', sitting: 'meeting', sat: 'met' };
/** "even" that stresses the question ("who even is rubio", "Why is the UN even involved?"), not the "even" of "even with / though / if". */
const EMPHATIC_EVEN = /\beven\b(?!\s+(?:though|if|with|as|after|before|when|while|so|more|less|now|then|without|in|at|on|during|under))/gi;
/** What a chat adds that asks nothing ("lol", "ngl", "fr", "bro", "lowkey", "um"), in lower case as typed: no word to match. */
const CHAT_FILLER = /(?<![\p{L}\p{N}])(?:lol|lmao|lmfao|rofl|omg|ngl|tbh|fr|idk|bro|bruh|dude|lowkey|highkey|nah|yo|ya|um+|uh+|hmm+|haha+)(?![\p{L}\p{N}])/gu;
/**
 * What a speaker adds while thinking, in a message as spoken or typed in lower case: "i mean" before a restart, and
 * "like" before an auxiliary or a question closing on one or on the message ("…go like was it tense?", "…like what
 * topics are on the table", "…like what month?") or after a preposition or another filler
 * ("on like international crime"). Not the verb or the preposition: "Why did Confucians like the medical field?",
 * "groups like Hezbollah".
 */
const SPOKEN_FILLER = new RegExp(
  String.raw`\b[Ii] mean\b(?!\s+(?:by|that|it)\b)|(?<=(?:^|\b(?:so|and|but|um+|uh+|oh|mean|on|about|for|at|in|with|from)|[,;?!])\s*)like\b(?!\s+(?:that|this|it|him|her|them)\b)|\blike(?=,?\s+(?:(?:what|how|why|when|where|who|whom|which|whose)(?:(?:\s+\w+){0,2}\s+(?:${AUXILIARIES.replaceAll(' ', '|')})\b|(?:\s+\w+)?\W*$)|(?:${AUXILIARIES.replaceAll(' ', '|')})\b))`,
  'g',
);
/** The written-out word of a match of either. */
const writtenOut = (w: string) => ABBREVIATIONS[w.toLowerCase().replace(/['’]/, '')]!;

/**
 * "going to" / "gonna" before a lower-case word that is no determiner: the future, not a going; so is
 * "supposed to" / "meant to" / "planning to" / "intend to" ("When is the meeting supposed to happen?": no brief says "supposed").
 */
const GOING_TO =
  /\b(?:[Gg]oing to|[Gg]onna|[Ss]upposed to|[Mm]eant to|[Pp]lanning to|[Ii]ntend(?:ing)? to)\s+(?!(?:the|a|an|this|that|these|those|his|her|their|its|my|our|your|some|any|every|each|no)\b)(?=[a-z])/g;

/** Stop words of four letters or more by length: what {@link withoutStopWordTypos} reads a misspelling as. */
const LONG_STOP_WORDS = new Map<number, string[]>();
for (const w of STOP_WORDS) if (w.length >= 4 && /^[a-z]+$/.test(w)) LONG_STOP_WORDS.set(w.length, [...(LONG_STOP_WORDS.get(w.length) ?? []), w]);

/**
 * A lower-case word (three letters or more) that neither the collection nor general English knows, one
 * edit from a stop word of four letters or more ("happend", "becuase", "waht", "wen"), read as that stop
 * word: as a question word the collection lacks it sank the question ("what happend in january" was
 * declined).
 */
export function withoutStopWordTypos(index: SearchIndex, question: string): string {
  return question.replace(/\b[a-z]{3,}\b/g, (word) => {
    if (STOP_WORDS.has(word)) return word;
    // The cheap test first: most words are one edit from no stop word.
    let stop: string | undefined;
    for (let n = word.length - 1; n <= word.length + 1 && !stop; n++) stop = LONG_STOP_WORDS.get(n)?.find((w) => oneEditApart(word, w));
    const t = stop && toTerm(word);
    return !t || documentFrequency(index, t) > 0 || knownWord(index.lexicon, t) ? word : stop!;
  });
}

/** Is `term` a word of the lexicon's: a common one, or one it relates ("thaw" is no typo of "that")? */
function knownWord(lexicon: Lexicon, term: string): boolean {
  return lexicon.rank(term) !== undefined || RELATION_KINDS.some((k) => lexicon.related(term)[k].length > 0);
}

/** Are two words one insertion, deletion, substitution or swap of neighbouring letters apart? */
function oneEditApart(a: string, b: string): boolean {
  if (Math.abs(a.length - b.length) > 1 || a === b) return false;
  let i = 0;
  while (i < a.length && i < b.length && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  if (a.length !== b.length) return a.length > b.length ? sameFrom(a, i + 1, b, i) : sameFrom(a, i, b, i + 1);
  return sameFrom(a, i + 1, b, i + 1) || (a[i] === b[i + 1] && a[i + 1] === b[i] && sameFrom(a, i + 2, b, i + 2));
}

/** Is `a` from `i` on the same as `b` from `j` on? */
function sameFrom(a: string, i: number, b: string, j: number): boolean {
  if (a.length - i !== b.length - j) return false;
  for (; i < a.length; i++, j++) if (a.charCodeAt(i) !== b.charCodeAt(j)) return false;
  return true;
}

/**
 * The message without its asides: a sentence that asks nothing and holds no word of the briefs ("Could you
 * remind me of the foreign minister's name? I am afraid I did not catch it."), whose words would only count
 * against the question. A sentence that gives the question's context keeps its words ("I am confused about
 * the call in January. Who called whom?").
 */
export function withoutAsides(index: SearchIndex, message: string): string {
  return readAsides(index, message).asked;
}

/**
 * The question a message asks ({@link withoutAsides}) and the remark set before it in its sentence, when one was
 * dropped ("My grandma wants to know if Trump is flying down, so where is the meeting?"): its words are what the
 * question goes on from, as an earlier turn's are (see `remarkWeight`).
 */
export function readAsides(index: SearchIndex, message: string): { asked: string; remark?: string } {
  const holds = (s: string) => analyze(s).some((t) => documentFrequency(index, t) > 0);
  const sentences = splitSentences(message);
  const kept = sentences.map(([s, e]) => message.slice(s, e)).filter((s) => sentences.length < 2 || /\?\W*$/.test(s) || holds(s));
  const text = kept.length ? kept.join(' ') : message;
  // So is a remark before the question in its sentence ("I don't follow politics much, but when is…?", "Sorry, I
  // missed the backstory, what did…?", "My dad keeps saying…, so how is…?"): a clause about the reader or the reader's
  // own ("I…", "my…", "we…"), a concession, or three words or more that hold no word of the briefs, before a comma,
  // "but", "so" or "and" and a question word or a wish to know ("…, and I'm curious whether…") (not one that opens with
  // a question word itself: "When Fox left, who replaced him?"); and a concession closing the question ("…despite the
  // thaw?").
  // (The tag goes first: "…, is that right?" opens with an auxiliary, as a question after a remark does.)
  const untagged = text.replace(TAG_QUESTION, '?');
  const remark = REMARK.exec(untagged);
  // (Not a name or two set before the question, "the americans, are they…?": the topic, whatever the briefs call it; nor
  // a clause about the reader before a question that holds no word of the briefs, "I forget the name of Colombia's
  // foreign minister, who was it?": it says what is asked.)
  const rest = remark ? untagged.slice(remark[0].length) : untagged;
  const aside = (clause: string) =>
    (ABOUT_THE_READER.test(clause) && holds(rest)) || CONCESSIVE.test(clause) || (!holds(clause) && clause.split(/\s+/).length > 2);
  const dropped = remark && aside(remark[1]!) ? remark[1] : undefined;
  // A tag closing a statement made a question ("Petro called Trump, didn't he?") asks nothing of its own.
  const asked = (dropped ? rest : untagged).replace(CONCESSIVE_TAIL, '').replace(TAG_QUESTION, '?');
  // A clause set before the question ("When Trump and Petro meet on Feb. 3, what topics…?") goes after it: the
  // question word it opens with is not what is asked.
  const lead = LEADING_CLAUSE.exec(asked);
  // What the reader heard ("I heard…", "Is it true that…") or tagged ("…, didn't he?") is asked as a yes-no question,
  // unless the message asks its own ("Someone said they talked, what day was that?").
  const heard = lead ? null : HEARD.exec(asked);
  const claim = heard ? asked.slice(heard[0].length) : asked;
  const out = (q: string) => (dropped ? { asked: q, remark: dropped } : { asked: q });
  if (!lead && (heard || untagged !== text) && !ASKS_ITSELF.test(claim)) return out(askedOf(index, claim));
  return out(lead ? `${asked.slice(lead[0].length).replace(/[\s?.!]*$/, '')} ${lead[1]!.charAt(0).toLowerCase()}${lead[1]!.slice(1)}?` : asked);
}
/** A clause about the reader or the reader's own: "I…", "I'm…", "my dad…", "someone told me…", "we…", "our…". */
const ABOUT_THE_READER = /\b(?:I|I['’](?:m|ve|d)|[Mm]y|me|[Ww]e|[Oo]ur)\b/;
/** A wish to know, which opens a question as a question word does: "I wonder…", "I'm curious…", "I'd like to know…". */
const WISH_TO_KNOW = String.raw`i(?:['’]?m| am| was)?\s+(?:wonder(?:ing)?|curious)|i(?:['’]?d| would)\s+(?:like|love)\s+to\s+know|i\s+want\s+to\s+know`;
/** A message that asks a question of its own, at its start or after a clause ("…, what day was that?"). */
const ASKS_ITSELF = new RegExp(String.raw`(?:^\W*|(?:[,;:]|\s[-–—])\s*(?:but\s+|and\s+|so\s+)?)(?:${QUESTION_OPENERS})\b`, 'i');
/**
 * What the reader heard and asks to check ("I heard…", "Someone told me…", "Is it true that…", "Apparently…"):
 * the claim is what is asked, as if asked "Did…?" (its tag, "…, is that right?", asks nothing either).
 */
const HEARSAY = [
  String.raw`(?:is it|it['’]?s) (?:really |actually )?(?:true|right|correct|so)(?: that)?`,
  String.raw`(?:i(?:['’]ve| have)?|we(?:['’]ve| have)?) (?:heard|read|seen|saw|been told|was told|were told)(?: (?:somewhere|online|elsewhere|earlier|on (?:the )?(?:news|radio|tv|television|twitter|x|facebook|social media)))?(?: that)?`,
  String.raw`(?:someone|somebody|people|a friend|my \w+|they|everyone|everybody)(?: online)? (?:said|says|told me|tells me|(?:are|is|were|was) saying|claim(?:s|ed)?|mentioned)(?: that)?`,
  String.raw`(?:apparently|supposedly|rumou?r (?:is|has it)|word is)(?: that)?`,
]
  .map((s) => `${s}\\b`)
  .join('|');
/** What the reader heard, opening the message (after "so", "hey"…). */
const HEARD = new RegExp(String.raw`^\W*(?:(?:so|hey|hi|hello|ok(?:ay)?|well|oh|wait|but|and)\W+)*(?:${HEARSAY})[\s,:]*`, 'i');
/**
 * A statement asked as a yes-no question: its auxiliary, within its first four words, before its subject ("Petro is
 * nervous" → "is Petro nervous", "the meeting won't happen" → "won't the meeting happen"); else "did" before it
 * ("the US envoy praised…" → "did the US envoy praised…": the words are what is matched, not their grammar).
 */
function askedOf(index: SearchIndex, claim: string): string {
  const words = claim
    .replace(/[\s?.!]*$/, '')
    .trim()
    .split(/\s+/);
  // Its first word, no longer first, is no name for being capitalised ("Cracking down on crime is…"), unless English lacks it ("Maduro").
  const t = toTerm(normalizeWord(words[0]!));
  if (t === null || index.lexicon.rank(t) !== undefined) words[0] = words[0]!.toLowerCase();
  const i = words.slice(0, 4).findIndex((w) => AUXILIARY_WORD.test(w));
  return `${(i < 0 ? ['did', ...words] : [words[i], ...words.slice(0, i), ...words.slice(i + 1)]).join(' ')}?`;
}
/** A subordinate clause before a comma and a question (group 1: the clause). */
const LEADING_CLAUSE = new RegExp(String.raw`^\W*((?:when|once|after|before|if|while|as soon as)\b[^,?]*),\s*(?=(?:${QUESTION_OPENERS})\b)`, 'i');
/** A party named as a side: "Colombia's side", "the American side", "on each side", "both sides" (group 1: what names it). */
const PARTY_SIDE = /\b((?:\p{Lu}[\p{L}.]*(?:['’]s)?|each|both|either|other|their|our))\s+sides?\b/gu;
/**
 * The reader's name for the brief itself: "in this story", "in the article", "of this piece"; the brief as the one
 * who says ("…, per the article?", "according to the report", "What does the story say Washington is worried about?",
 * "What penalties does the piece mention…", "Does the story say what…").
 */
const BRIEF_NAMED = String.raw`(?:this|the)\s+(?:story|article|piece|brief|report|news\s+(?:story|item)|text)\b`;
const THE_BRIEF = new RegExp(
  String.raw`\s+(?:in|from|of)\s+${BRIEF_NAMED}|(?:^\W*|,?\s+)(?:per|according\s+to)\s+${BRIEF_NAMED}(?:,\s*)?|(?:\s+|^\W*)(?:does|did)\s+${BRIEF_NAMED}\s+(?:say|mention|tell\s+us|state|report)\b(?:\s+(?:that|about)\b)?`,
  'gi',
);
/**
 * A concession of a mood or a thing, "despite the thaw", "even with the friendlier tone": it sets the question in its
 * context, and asks nothing. (Not a clause, "even though he broke his arm", "despite having been born in Newcastle":
 * that may be what tells whom the question is about.)
 */
const CONCEDED = String.raw`(?:despite|in spite of|even with|notwithstanding)\s+(?:all\s+)?(?:the|this|that|these|those|his|her|their|its|(?!\w+ing\b|being\b|having\b)\w+)\s`;
const CONCESSIVE = new RegExp(String.raw`^\W*${CONCEDED}`, 'i');
/** The same, closing a question ("Is the US still worried about Colombia despite the thaw?"). */
const CONCESSIVE_TAIL = new RegExp(String.raw`,?\s+${CONCEDED}[^?]*`, 'i');
/** The auxiliaries as they take "n't" ("isn't", "won't", "can't"): a pattern's source. */
export const NEGATABLE = `${AUXILIARIES.replaceAll(' ', '|')}|wo|ca`;
/** Auxiliaries and their negations, as a statement's verb: "is", "won't", "didn't". */
const AUXILIARY_WORD = new RegExp(String.raw`^(?:${AUXILIARIES.replaceAll(' ', '|')}|(?:${NEGATABLE})n['’]t)$`, 'i');
/**
 * A tag closing a statement made a question, after a comma, a stop or a dash: "…, isn't he?", "…didn't they?", "…,
 * right?", "…, is that correct?", "…. Is that really true?", "… — did that happen?".
 */
const TAG_QUESTION = new RegExp(
  String.raw`(?:,|[.!;]|\s+[-–—])\s*(?:(?:${NEGATABLE})n['’]t\s+(?:he|she|it|they|there|we|you|I)|right|yes|no|correct|true|really|eh|huh|yeah|ok|okay|(?:is|was) (?:that|it|this) (?:really |actually |even )?(?:right|correct|true|so|accurate|the case)|(?:did|does) (?:that|it|this) (?:really |actually |even )?happen|is (?:that|this) (?:how it (?:went|happened)|what happened)|am I right)\s*\?[\s?!.]*$`,
  'i',
);
/**
 * A clause before a comma or "but" / "so" / "and" and a question word, or a wish to know ("…, so where is…?", "…, and
 * I'm curious whether…", "…, but according to Trump, what…?") (group 1: the clause).
 */
const REMARK = new RegExp(
  String.raw`^(?!\W*(?:${QUESTION_OPENERS})\b)([^?]*?)(?:,\s*(?:(?:but|so|and)\s+)?|\s+(?:but|so)\s+)(?=(?:(?:on|in|at|for|from|by|with|to|under|since|until|during)\s+(?:what|which|whom|whose)|${QUESTION_OPENERS}|${WISH_TO_KNOW}|according\s+to)\b)`,
  'i',
);

/** The message without the request that opens it ("Explain the sanctions" → "the sanctions"; "Explain" alone → ""). */
export function withoutRequest(question: string): string {
  return question.replace(REQUEST, '').replace(CLOSING_COURTESY, '');
}

/** Words before a role that make it another post: "the vice president", "the deputy foreign minister", "co-founder". */
export const TITLE_PREFIXES = 'vice|deputy|interim|assistant|associate|acting|co|ex';

/** What a question asks for: its type and the terms that name it. */
export interface Asked {
  type: QuestionType;
  askedFor: Set<string>;
  /** For a yes-no question checking a detail the briefs never name ("…on a Monday?"): what gives one of its kind. */
  checked?: ((sentence: string) => boolean)[];
  /** Terms of the names roles in the question stand for (see `roleNames`). */
  persons?: Set<string>;
}

/** The terms of "say": what the briefs write for "post", "tweet" or "write" when they hold none of them. */
const SAY_TERMS = analyze('say said');

/** The verb a topic or speech question asks about ("talk" in "What will they talk about?", "say" in "What did Petro say?"), as index terms. */
export function questionPredicates(index: SearchIndex, question: string, lang: Lang, { type, askedFor }: Asked): string[] {
  if (lang !== 'en') return [];
  // "What did Petro say?", "Who said…?": "said", which the stemmer does not join to "say", counts as much as "saying".
  // "What did Petro post / tweet?" of briefs that hold neither word: what he said.
  if (type === 'speech' || type === 'speaker') {
    const verbs = [...askedFor];
    return verbs.some((t) => documentFrequency(index, t) > 0) ? verbs : SAY_TERMS;
  }
  if (type !== 'topic') return [];
  // (Before when or where: "What will they talk about on Feb. 3?", "…at the White House?"; not "…on the call?".)
  const m = TALKED_ABOUT.exec(question.replace(WHEN_OR_WHERE, ''));
  if (m) return analyze(m[1]!);
  // "What topics will the meeting cover / address?": a last verb the briefs do not hold asks what is talked about.
  const verb = topicVerb(question);
  const t = verb === undefined ? undefined : analyze(verb);
  if (t?.length === 1 && documentFrequency(index, t[0]!) === 0) return TALK_TERMS;
  // "What's on the agenda?": a question with no word but the one for topics asks what is talked about.
  return analyze(question).every((w) => askedFor.has(w)) ? TALK_TERMS : [];
}

/** "What will they talk about?", "…discuss?", "…focus on?": the verb asking for topics (group 1), closing the question. */
const TALKED_ABOUT = /\b(talk|discuss|focus)\w*(?: (?:about|on|over))?(?: what(?: \w+)?)?\s*\??\s*$/i;
/** A date, a named place or a time closing a question ("on Feb. 3", "at the White House", "next week", "when they meet"). */
const WHEN_OR_WHERE = /\s+(?:(?:at|during|in|on)\s+(?:the\s+)?[A-Z0-9]|(?:when|next|this)\b)[^?]*(?=\??\s*$)/;
/**
 * "What will the meeting cover?", "What's the call supposed to address?": a verb (group 1) that asks what a meeting
 * takes up, after the meeting's noun; and "talk over", "go over", "touch on" after any subject.
 */
const TAKES_UP = new RegExp(
  String.raw`^\W*what\b[^?]*?\b(?:(?:meeting|talks|summit|discussions?|conversations?|negotiations?|visit|call|session|sit-?down|dialogue|exchange)\b[^?]*?\b|(?=talk over|go over|touch on))(cover|address|tackle|include|involve|entail|talk over|go over|touch on)\W*$`,
  'i',
);
/** The verb that closes a question for topics ("cover" in "What topics will the meeting cover?" or "What will the meeting cover?"). */
const topicVerb = (question: string) => {
  // (Else with the names in its subject as no words of it: "…are the two leaders Petro and Trump planning to cover?")
  const unnamed = () => question.replace(/(?<=\s)\p{Lu}[\p{L}.'’-]*(?:\s+and\s+\p{Lu}[\p{L}.'’-]*)*\s+(?=\p{Ll})/gu, '');
  return (TOPIC_VERB.exec(question) ?? TAKES_UP.exec(question) ?? TOPIC_VERB.exec(unnamed()))?.[1];
};
/** The terms of "talk" and "discuss": what a topic question asks about when the briefs lack its verb. */
const TALK_TERMS = analyze('talk discuss');
/**
 * "What topics will the meeting cover?", "…will they cover at the meeting?", "What kinds of topics are the two leaders
 * planning to cover?": the verb that ends a question for topics (after its subject), before where or when.
 */
const TOPIC_VERB = new RegExp(
  String.raw`^\W*(?:what|which) (?:(?:kinds?|sorts?|types?) of )?(?:${TOPIC_WORDS}) (?:will|would|did|do|does|should|can|could|might|must|are|is|were|was) (?:\p{L}+ ){1,5}?(\p{Ll}+)(?:\s+(?:at|during|in|on|when)\b[^?]*)?\W*$`,
  'iu',
);
/** What a speech or topic question asks about: the words after "about" / "of" / "on", to the end ("What did Petro say about Trump's tariffs?"). */
export const ABOUT = /\b(?:about|of|on|regarding)\s+([^?]+?)\W*$/i;
/** "What did Trump say about the meeting?": what it is said about (group 1). */
export const SAID_ABOUT = new RegExp(String.raw`\b(?:${SPEECH_VERBS})\b.*?\babout\s+([^?]+?)\W*$`, 'i');
