/**
 * Chat intents: the messages that are not questions about the news
 * ("hi", "thanks", "what can you do?", "latest news", "summarize the brief", "tell me more",
 * "source?", "/new"). A message is an intent only when the whole message is
 * one of these phrases (ignoring case, punctuation, emoji, a leading `/`, a
 * Telegram `@botname` and a trailing "please"); anything longer is a question,
 * so "What's new in the Petro talks?" is still searched. The phrases are
 * English, plus their usual forms in other languages (`LOCAL`): "hola",
 * "gracias", "ayuda", "últimas noticias"…, each telling the language to reply in.
 * @module
 */
import type { Lang } from './lang/detect.js';

/** What a chat message is. */
export type Intent = 'question' | 'greeting' | 'thanks' | 'help' | 'latest' | 'more' | 'source' | 'reset';

const PATTERNS: [Exclude<Intent, 'question'>, RegExp][] = [
  [
    'reset',
    /^(?:new|reset|restart|clear|start over|start again|new (?:conversation|chat|session)|reset (?:the )?(?:conversation|chat)|forget (?:it|that|everything)|forget what i (?:said|asked))$/,
  ],
  ['greeting', /^(?:(?:hi|hello|hey|hiya|howdy|yo|greetings|good (?:morning|afternoon|evening|day))(?: there| all| everyone| briefbot| bot)?|start)$/],
  [
    'thanks',
    /^(?:(?:ok(?:ay)? |great |perfect |cool |nice |awesome )?(?:thanks?|thank you|thx|ty|cheers|much appreciated)(?: (?:so|very) much| a lot| again)?(?: briefbot| bot)?(?: (?:bye|goodbye|see you|see ya|cya))?|(?:that s|that is|thats) (?:great|helpful|perfect|useful)|great thanks|perfect thanks|(?:ok(?:ay)? |alright )?(?:bye|bye bye|goodbye|see you|see ya|cya)|(?:ok(?:ay)? )?(?:ok(?:ay)?|cool|got it|i see|makes sense|interesting|good to know|nice|great|wow))$/,
  ],
  [
    'help',
    /^(?:help|commands|menu|what can you do|what do you do|what can i ask(?: you)?|how does (?:this|it) work|how do i use (?:this|you|it)|who are you|what are you|what is this)$/,
  ],
  [
    'latest',
    /^(?:(?:broadly|briefly|basically|quickly|in short|in brief|in a nutshell) )?(?:latest|news|headlines|latest (?:news|briefs|headlines|stories)|(?:what s|whats|what is) (?:new|happening|the latest|the news)(?: today)?|anything new|any news|top stories|today s news|news today|what s going on|(?:give|show|tell) me (?:the )?(?:latest|news|headlines)(?: news)?|(?:summari[sz]e|sum (?:it )?up|tl ?dr|key points|(?:give me )?(?:a |the )?summary|summari[sz]e (?:it|this|that|the news|(?:the |this )?(?:brief|briefs|story|stories|article|news))|(?:what s|whats|what is) (?:this|the) (?:brief|story|article|piece|report|news) about|(?:what s|whats|what is) this(?: all)? about|(?:what s|whats|what is) the (?:main )?(?:news|story|gist|point|takeaway)(?: here| of (?:it|this(?: one)?|that(?: one)?|(?:this|the) (?:brief|story|article|piece|report|news)))?|(?:give me |tell me )?the gist(?: of (?:it|this(?: one)?|that(?: one)?|(?:this|the) (?:brief|story|article|piece|report|news)))?))$/,
  ],
  [
    'more',
    /^(?:more|tell me more|more (?:details|info|information)|go on|continue|keep going|elaborate|(?:tell me )?more about (?:that|this|it)|anything else|what else)$/,
  ],
  [
    'source',
    /^(?:sources?|citations?|references?|cite|cite (?:your )?sources?|(?:what s|whats|what is|what are) (?:the |your )?sources?|where (?:did|does) (?:you|that|this) (?:get|come from)(?: (?:that|this))?(?: from)?|how do you know(?: that)?|according to (?:whom|who)|says who|who (?:wrote|writes|authored) (?:this|that|it|the (?:brief|briefs|article|story|report))|who s the author|who is the author)$/,
  ],
];

/**
 * The intent phrases of other languages (whole messages, normalised as by
 * {@link normalizeMessage}: lower case, no punctuation, no Arabic harakat).
 */
const LOCAL: Partial<Record<Lang, Partial<Record<Exclude<Intent, 'question'>, string>>>> = {
  es: {
    greeting: 'hola|buenos días|buenas tardes|buenas noches|buenas|saludos',
    thanks: 'gracias|muchas gracias|mil gracias|gracias por todo',
    help: 'ayuda|qué puedes hacer|que puedes hacer|cómo funciona|como funciona|quién eres',
    latest: 'últimas noticias|ultimas noticias|noticias|novedades|qué hay de nuevo|titulares|resumen|resúmelo|de qué trata|de que trata',
    more: 'cuéntame más|cuentame mas|dime más|más|mas|más información|sigue',
    source: 'fuente|fuentes|cuál es la fuente|de dónde lo sacaste',
    reset: 'reiniciar|empezar de nuevo|nueva conversación|borrar',
  },
  fr: {
    greeting: 'bonjour|salut|bonsoir|coucou',
    thanks: 'merci|merci beaucoup|merci bien',
    help: 'aide|que peux tu faire|que sais tu faire|comment ça marche',
    latest: 'dernières nouvelles|actualités|nouvelles|quoi de neuf|les titres|résumé|de quoi ça parle|de quoi ca parle',
    more: 'dis m en plus|plus|en savoir plus|encore|continue',
    source: 'source|sources|quelle est la source',
    reset: 'recommencer|nouvelle conversation|réinitialiser|on recommence',
  },
  de: {
    greeting: 'hallo|guten tag|guten morgen|guten abend|servus|moin|grüß gott',
    thanks: 'danke|danke schön|dankeschön|vielen dank|danke sehr',
    help: 'hilfe|was kannst du|was kannst du tun|wie funktioniert das',
    latest: 'nachrichten|neueste nachrichten|neuigkeiten|was gibt s neues|schlagzeilen|aktuelles|zusammenfassung|worum geht es|worum geht s',
    more: 'mehr|erzähl mir mehr|erzähl mehr|weiter|mehr dazu',
    source: 'quelle|quellen|woher weißt du das',
    reset: 'neu starten|neustart|neues gespräch|von vorn',
  },
  pt: {
    greeting: 'olá|ola|oi|bom dia|boa tarde|boa noite',
    thanks: 'obrigado|obrigada|muito obrigado|muito obrigada|valeu',
    help: 'ajuda|o que você pode fazer|o que voce pode fazer|como funciona',
    latest: 'últimas notícias|ultimas noticias|notícias|noticias|novidades|manchetes|resumo|do que se trata',
    more: 'conte mais|mais|me conte mais|mais informações',
    source: 'fonte|fontes|qual é a fonte',
    reset: 'recomeçar|nova conversa|reiniciar',
  },
  it: {
    greeting: 'ciao|buongiorno|buonasera|salve',
    thanks: 'grazie|grazie mille',
    help: 'aiuto',
    latest: 'ultime notizie|notizie',
    more: 'dimmi di più|di più',
    source: 'fonte|fonti',
    reset: 'ricomincia|nuova conversazione',
  },
  ro: {
    greeting: 'bună|buna|bună ziua|salut|servus',
    thanks: 'mulțumesc|multumesc|mersi|mulțumesc mult',
    help: 'ajutor|ce poți face',
    latest: 'ultimele știri|știri|stiri|noutăți',
    more: 'mai mult|spune mi mai mult',
    source: 'sursa|sursă|surse',
    reset: 'de la capăt|conversație nouă|resetează',
  },
  tr: {
    greeting: 'merhaba|selam|günaydın|iyi günler',
    thanks: 'teşekkürler|teşekkür ederim|sağol|sağ ol|çok teşekkürler',
    help: 'yardım|ne yapabilirsin',
    latest: 'son haberler|haberler|yenilikler',
    more: 'daha fazla|devam|daha fazlası',
    source: 'kaynak|kaynaklar',
    reset: 'yeniden başla|yeni sohbet|sıfırla',
  },
  vi: {
    greeting: 'xin chào|chào|chào bạn',
    thanks: 'cảm ơn|cám ơn|cảm ơn bạn|cảm ơn nhiều',
    help: 'trợ giúp|giúp đỡ|giúp tôi|bạn làm được gì',
    latest: 'tin mới nhất|tin tức|tin mới',
    more: 'thêm|nói thêm|thêm nữa',
    source: 'nguồn|nguồn tin',
    reset: 'bắt đầu lại|cuộc trò chuyện mới',
  },
  ru: {
    greeting: 'привет|здравствуйте|добрый день|доброе утро|добрый вечер',
    thanks: 'спасибо|спасибо большое|благодарю',
    help: 'помощь|помоги|что ты умеешь',
    latest: 'последние новости|новости|что нового',
    more: 'ещё|еще|подробнее|расскажи ещё|расскажи еще|дальше',
    source: 'источник|источники',
    reset: 'начать заново|сброс|новый разговор',
  },
  el: {
    greeting: 'γεια|γεια σου|γεια σας|καλημέρα|καλησπέρα',
    thanks: 'ευχαριστώ|ευχαριστώ πολύ',
    help: 'βοήθεια',
    latest: 'τελευταία νέα|ειδήσεις|νέα',
    more: 'περισσότερα|πες μου περισσότερα',
    source: 'πηγή|πηγές',
    reset: 'από την αρχή|νέα συζήτηση',
  },
  ar: {
    greeting: 'مرحبا|أهلا|اهلا|السلام عليكم|صباح الخير|مساء الخير',
    thanks: 'شكرا|شكرا جزيلا|شكرا لك',
    help: 'مساعدة|ساعدني|ماذا يمكنك أن تفعل',
    latest: 'آخر الأخبار|الأخبار|أخبار|ما الجديد',
    more: 'المزيد|أخبرني المزيد|المزيد من التفاصيل',
    source: 'المصدر|المصادر|ما المصدر',
    reset: 'ابدأ من جديد|محادثة جديدة|إعادة',
  },
  hi: {
    greeting: 'नमस्ते|नमस्कार|हैलो',
    thanks: 'धन्यवाद|शुक्रिया|बहुत धन्यवाद',
    help: 'मदद|सहायता',
    latest: 'ताज़ा खबरें|ताजा खबरें|ताज़ा ख़बरें|समाचार|खबरें',
    more: 'और बताओ|और बताइए|और',
    source: 'स्रोत',
    reset: 'फिर से शुरू करें|नई बातचीत',
  },
  zh: {
    greeting: '你好|您好|嗨|早上好|晚上好',
    thanks: '谢谢|谢谢你|多谢|感谢|非常感谢',
    help: '帮助|你能做什么|怎么用',
    latest: '最新消息|最新新闻|新闻|有什么新闻',
    more: '更多|告诉我更多|还有吗|继续',
    source: '来源|出处|消息来源',
    reset: '重新开始|新对话|重置',
  },
  ja: {
    greeting: 'こんにちは|こんばんは|おはよう',
    thanks: 'ありがとう|ありがとうございます',
    help: 'ヘルプ|助けて',
    latest: '最新ニュース|ニュース',
    more: 'もっと|詳しく',
    source: '出典|ソース',
    reset: 'リセット|最初から',
  },
  th: {
    greeting: 'สวัสดี|สวัสดีครับ|สวัสดีค่ะ',
    thanks: 'ขอบคุณ|ขอบคุณครับ|ขอบคุณค่ะ|ขอบคุณมาก',
    help: 'ช่วยเหลือ|ช่วยด้วย',
    latest: 'ข่าวล่าสุด|ข่าว',
    more: 'เพิ่มเติม|บอกเพิ่ม',
    source: 'แหล่งที่มา|ที่มา',
    reset: 'เริ่มใหม่',
  },
};

const LOCAL_PATTERNS: [Exclude<Intent, 'question'>, Lang, RegExp][] = Object.entries(LOCAL).flatMap(([lang, phrases]) =>
  Object.entries(phrases).map(([intent, alts]) => [intent as Exclude<Intent, 'question'>, lang as Lang, new RegExp(`^(?:${alts})$`, 'u')] as const),
) as [Exclude<Intent, 'question'>, Lang, RegExp][];

/** Lower-case, drop a leading `/`, an `@botname`, punctuation, emoji and a polite tail. */
export function normalizeMessage(text: string): string {
  return text
    .toLowerCase()
    .replace(/^\s*\//, '')
    .replace(/@[a-z0-9_]+/g, ' ')
    .replace(/['’]/g, ' ')
    .replace(/[\u064B-\u065F\u0670]/g, '')
    .replace(/[^\p{L}\p{M}\p{N}\s]/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^(?:(?:please|pls|ok(?:ay)?|so|and|um+|hmm+) )+/, '')
    .replace(/(?: (?:please|pls|now))+$/, '');
}

/** Classify a chat message (`question` unless the whole message is an intent phrase). */
export function detectIntent(text: string): Intent {
  return matchIntent(text).intent;
}

/** The intent of a chat message and, for an intent phrase, the language it is in. */
export function matchIntent(text: string): { intent: Intent; lang?: Lang } {
  const t = normalizeMessage(text);
  if (t === '') return { intent: 'help' };
  for (const [intent, re] of PATTERNS) if (re.test(t)) return { intent, lang: 'en' };
  for (const [intent, lang, re] of LOCAL_PATTERNS) if (re.test(t)) return { intent, lang };
  return { intent: 'question' };
}
