/**
 * Chat intents: the messages that are not questions about the news
 * ("hi", "thanks", "what can you do?", "latest news", "tell me more",
 * "source?", "/new"). A message is an intent only when the whole message is
 * one of these phrases (ignoring case, punctuation, emoji, a leading `/`, a
 * Telegram `@botname` and a trailing "please"); anything longer is a question,
 * so "What's new in the Petro talks?" is still searched.
 * @module
 */

/** What a chat message is. */
export type Intent = 'question' | 'greeting' | 'thanks' | 'help' | 'latest' | 'more' | 'source' | 'reset';

const PATTERNS: [Exclude<Intent, 'question'>, RegExp][] = [
  [
    'reset',
    /^(?:new|reset|restart|clear|start over|start again|new (?:conversation|chat|session)|reset (?:the )?(?:conversation|chat)|forget (?:it|that|everything)|forget what i (?:said|asked))$/,
  ],
  ['greeting', /^(?:(?:hi|hello|hey|hiya|howdy|yo|hola|greetings|good (?:morning|afternoon|evening|day))(?: there| all| everyone| briefbot| bot)?|start)$/],
  [
    'thanks',
    /^(?:(?:ok(?:ay)? |great |perfect |cool |nice |awesome )?(?:thanks?|thank you|thx|ty|cheers|much appreciated)(?: (?:so|very) much| a lot| again)?(?: briefbot| bot)?|(?:that s|that is|thats) (?:great|helpful|perfect|useful)|great thanks|perfect thanks)$/,
  ],
  [
    'help',
    /^(?:help|commands|menu|what can you do|what do you do|what can i ask(?: you)?|how does (?:this|it) work|how do i use (?:this|you|it)|who are you|what are you|what is this)$/,
  ],
  [
    'latest',
    /^(?:latest|news|headlines|latest (?:news|briefs|headlines|stories)|(?:what s|whats|what is) (?:new|happening|the latest|the news)(?: today)?|anything new|any news|top stories|today s news|news today|what s going on|(?:give|show|tell) me (?:the )?(?:latest|news|headlines)(?: news)?)$/,
  ],
  [
    'more',
    /^(?:more|tell me more|more (?:details|info|information)|go on|continue|keep going|elaborate|(?:tell me )?more about (?:that|this|it)|anything else|what else)$/,
  ],
  [
    'source',
    /^(?:sources?|citations?|references?|cite|cite (?:your )?sources?|(?:what s|whats|what is|what are) (?:the |your )?sources?|where (?:did|does) (?:you|that|this) (?:get|come from)(?: (?:that|this))?(?: from)?|how do you know(?: that)?|according to (?:whom|who)|says who)$/,
  ],
];

/** Lower-case, drop a leading `/`, an `@botname`, punctuation, emoji and a polite tail. */
export function normalizeMessage(text: string): string {
  return text
    .toLowerCase()
    .replace(/^\s*\//, '')
    .replace(/@[a-z0-9_]+/g, ' ')
    .replace(/['’]/g, ' ')
    .replace(/[^\p{L}\p{N}\s]/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^(?:(?:please|pls|ok(?:ay)?|so|and|um+|hmm+) )+/, '')
    .replace(/(?: (?:please|pls|now))+$/, '');
}

/** Classify a chat message (`question` unless the whole message is an intent phrase). */
export function detectIntent(text: string): Intent {
  const t = normalizeMessage(text);
  if (t === '') return 'help';
  for (const [intent, re] of PATTERNS) if (re.test(t)) return intent;
  return 'question';
}
