/**
 * Every fixed word Briefbot says, in the reader's language: the not-found
 * and help messages (`answer.ts`, `chat.ts`) and the words channels put
 * around a reply ("Sources", `adapters/chat/format.ts`). One table, so a new
 * language is one entry. The reply's language is the question's (detected;
 * see `detect.ts`); a language without an entry gets English.
 * @module
 */
import { langOf } from './detect.js';

export interface ReplyStrings {
  /** A question with no searchable word. */
  askAbout: string;
  /** Not in the briefs, related briefs listed. */
  notFound: string;
  /** Not in the briefs, nothing related. */
  notFoundNoRelated: string;
  /** A question in a language none of the briefs is in; `name` is the briefs' language, named in this one. */
  otherLanguage: (name: string, related: boolean) => string;
  unknownCommand: (command: string) => string;
  reset: string;
  hello: string;
  thanks: string;
  /** What Briefbot does; `example` is the newest brief's title. */
  capabilities: (example: string | undefined) => string;
  /** The rest of the help text, after the capabilities. */
  helpMore: string;
  latest: string;
  noBriefs: string;
  moreFirst: string;
  moreNone: (question: string) => string;
  moreOn: (question: string) => string;
  sourcesNone: string;
  sourcesGone: string;
  /** "Sources for …": `question` is empty for the latest briefs. */
  sourcesFor: (question: string) => string;
  /** Heading of the cited sources under a reply. */
  sources: string;
  /** Heading of the related briefs under a no-answer. */
  relatedBriefs: string;
  /** Note when a reply was cut to fit a channel. */
  shortened: string;
  /** Heading of "What's the latest on X?". */
  latestOn: (topic: string) => string;
  /** Opens a dated answer: "As of Feb. 1, 2026". */
  asOf: (date: string) => string;
  /** Opens a sentence quoted as earlier context: "Earlier, on Jan. 30, 2026:". */
  earlier: (date: string) => string;
  /** Note on quoted briefs past their `expires` date (`markers` such as "[1], [2]"). */
  expired: (markers: string, date: string, many: boolean) => string;
}

const en: ReplyStrings = {
  askAbout: 'Ask me about the news in the briefs, for example who said what, when something happens, or how many were involved.',
  notFound: "I couldn't find that in the briefs. Try other words, or ask about one of the related briefs.",
  notFoundNoRelated: "I couldn't find that in the briefs. Try other words.",
  otherLanguage: (n, r) =>
    `The briefs are in ${n}, so I can't answer a question in another language. Ask in ${n}${r ? ', or about one of the related briefs' : ''}.`,
  unknownCommand: (c) => `I don't know the command /${c}.`,
  reset: "Okay, let's start over: I've forgotten our conversation. What would you like to know?",
  hello: 'Hello!',
  thanks: "You're welcome! Ask me anything else about the briefs.",
  capabilities: (example) =>
    'I answer questions about the news briefs with short quotes and numbered sources.' +
    (example ? ` For example, ask me about "${example}".` : '') +
    ' Say "latest news" (or /latest) for the newest briefs, and "help" (or /help) to see what else I can do.',
  helpMore:
    'Follow-up questions work too ("What will they talk about?"). ' +
    'You can also say "tell me more" (/more) for further passages on your last question, "source?" (/sources) for the sources of my last answer, ' +
    'and "/new" (or "reset") to start a new conversation.',
  latest: 'The latest briefs:',
  noBriefs: 'There are no briefs yet.',
  moreFirst: 'Ask me a question first; then "tell me more" shows further passages about it.',
  moreNone: (q) => `That's all I have in the briefs about "${q}".`,
  moreOn: (q) => `More on "${q}":`,
  sourcesNone: "I haven't quoted any brief in this conversation yet. Ask me a question first.",
  sourcesGone: 'The briefs I quoted are no longer available.',
  sourcesFor: (q) => `Sources for ${q ? `my answer to "${q}"` : 'the latest briefs'}:`,
  sources: 'Sources',
  relatedBriefs: 'Related briefs',
  shortened: '(Shortened: see the sources below.)',
  latestOn: (t) => `The latest on "${t}":`,
  asOf: (d) => `As of ${d}`,
  earlier: (d) => `Earlier, on ${d}:`,
  expired: (m, d, many) => `Note: ${m} ${many ? 'come from briefs that' : 'comes from a brief that'} expired on ${d}; it may be out of date.`,
};

const es: ReplyStrings = {
  askAbout: 'Pregúntame por las noticias de los resúmenes: quién dijo qué, cuándo ocurre algo o cuántos participaron.',
  notFound: 'No encontré eso en los resúmenes. Prueba con otras palabras o pregunta por uno de los resúmenes relacionados.',
  notFoundNoRelated: 'No encontré eso en los resúmenes. Prueba con otras palabras.',
  otherLanguage: (n, r) =>
    `Los resúmenes están en ${n} y no puedo responder preguntas en otro idioma. Pregunta en ${n}${r ? ' o por uno de los resúmenes relacionados' : ''}.`,
  unknownCommand: (c) => `No conozco el comando /${c}.`,
  reset: 'De acuerdo, empecemos de nuevo: he olvidado nuestra conversación. ¿Qué quieres saber?',
  hello: '¡Hola!',
  thanks: '¡De nada! Pregúntame lo que quieras sobre los resúmenes.',
  capabilities: (example) =>
    'Respondo preguntas sobre los resúmenes de noticias con citas breves y fuentes numeradas.' +
    (example ? ` Por ejemplo, pregúntame por «${example}».` : '') +
    ' Di «últimas noticias» (o /latest) para ver los resúmenes más recientes y «ayuda» (o /help) para ver qué más puedo hacer.',
  helpMore:
    'También entiendo preguntas de seguimiento. ' +
    'Di «cuéntame más» (/more) para ver más pasajes sobre tu última pregunta, «¿fuente?» (/sources) para las fuentes de mi última respuesta ' +
    'y «/new» (o «reiniciar») para empezar una conversación nueva.',
  latest: 'Los resúmenes más recientes:',
  noBriefs: 'Todavía no hay resúmenes.',
  moreFirst: 'Hazme primero una pregunta; después «cuéntame más» muestra más pasajes sobre ella.',
  moreNone: (q) => `Eso es todo lo que tengo en los resúmenes sobre «${q}».`,
  moreOn: (q) => `Más sobre «${q}»:`,
  sourcesNone: 'Todavía no he citado ningún resumen en esta conversación. Hazme primero una pregunta.',
  sourcesGone: 'Los resúmenes que cité ya no están disponibles.',
  sourcesFor: (q) => `Fuentes de ${q ? `mi respuesta a «${q}»` : 'los resúmenes más recientes'}:`,
  sources: 'Fuentes',
  relatedBriefs: 'Resúmenes relacionados',
  shortened: '(Abreviado: mira las fuentes abajo.)',
  latestOn: (t) => `Lo último sobre «${t}»:`,
  asOf: (d) => `A ${d}`,
  earlier: (d) => `Antes, el ${d}:`,
  expired: (m, d) => `Nota: ${m} procede de información caducada el ${d}; puede estar desactualizada.`,
};

const fr: ReplyStrings = {
  askAbout: 'Posez-moi une question sur l’actualité des dépêches : qui a dit quoi, quand quelque chose se passe, combien de personnes étaient concernées.',
  notFound: 'Je n’ai pas trouvé cela dans les dépêches. Essayez d’autres mots ou interrogez-moi sur l’une des dépêches liées.',
  notFoundNoRelated: 'Je n’ai pas trouvé cela dans les dépêches. Essayez d’autres mots.',
  otherLanguage: (n, r) =>
    `Les dépêches sont en ${n} : je ne peux pas répondre à une question dans une autre langue. Posez-la en ${n}${r ? ', ou interrogez-moi sur l’une des dépêches liées' : ''}.`,
  unknownCommand: (c) => `Je ne connais pas la commande /${c}.`,
  reset: 'D’accord, on recommence : j’ai oublié notre conversation. Que voulez-vous savoir ?',
  hello: 'Bonjour !',
  thanks: 'Je vous en prie ! Posez-moi d’autres questions sur les dépêches.',
  capabilities: (example) =>
    'Je réponds aux questions sur les dépêches par de courtes citations et des sources numérotées.' +
    (example ? ` Par exemple, interrogez-moi sur « ${example} ».` : '') +
    ' Dites « dernières nouvelles » (ou /latest) pour les dépêches les plus récentes et « aide » (ou /help) pour voir ce que je sais faire d’autre.',
  helpMore:
    'Les questions de suivi fonctionnent aussi. ' +
    'Dites « dis-m’en plus » (/more) pour d’autres passages sur votre dernière question, « source ? » (/sources) pour les sources de ma dernière réponse, ' +
    'et « /new » (ou « recommencer ») pour une nouvelle conversation.',
  latest: 'Les dernières dépêches :',
  noBriefs: 'Il n’y a pas encore de dépêches.',
  moreFirst: 'Posez-moi d’abord une question ; « dis-m’en plus » montre ensuite d’autres passages à son sujet.',
  moreNone: (q) => `C’est tout ce que les dépêches disent sur « ${q} ».`,
  moreOn: (q) => `Plus sur « ${q} » :`,
  sourcesNone: 'Je n’ai encore cité aucune dépêche dans cette conversation. Posez-moi d’abord une question.',
  sourcesGone: 'Les dépêches que j’ai citées ne sont plus disponibles.',
  sourcesFor: (q) => `Sources de ${q ? `ma réponse à « ${q} »` : 'des dernières dépêches'} :`,
  sources: 'Sources',
  relatedBriefs: 'Dépêches liées',
  shortened: '(Abrégé : voir les sources ci-dessous.)',
  latestOn: (t) => `Les dernières nouvelles sur « ${t} » :`,
  asOf: (d) => `Au ${d}`,
  earlier: (d) => `Auparavant, le ${d} :`,
  expired: (m, d) => `Note : ${m} provient d’une brève expirée le ${d} ; l’information peut être dépassée.`,
};

const de: ReplyStrings = {
  askAbout: 'Fragen Sie mich nach den Nachrichten in den Meldungen: wer was gesagt hat, wann etwas geschieht oder wie viele beteiligt waren.',
  notFound: 'Das habe ich in den Meldungen nicht gefunden. Versuchen Sie andere Wörter oder fragen Sie nach einer der verwandten Meldungen.',
  notFoundNoRelated: 'Das habe ich in den Meldungen nicht gefunden. Versuchen Sie andere Wörter.',
  otherLanguage: (n, r) =>
    `Die Meldungen sind auf ${n}, daher kann ich Fragen in einer anderen Sprache nicht beantworten. Fragen Sie auf ${n}${r ? ' oder nach einer der verwandten Meldungen' : ''}.`,
  unknownCommand: (c) => `Den Befehl /${c} kenne ich nicht.`,
  reset: 'Gut, fangen wir von vorn an: Ich habe unser Gespräch vergessen. Was möchten Sie wissen?',
  hello: 'Hallo!',
  thanks: 'Gern geschehen! Fragen Sie mich gern noch mehr zu den Meldungen.',
  capabilities: (example) =>
    'Ich beantworte Fragen zu den Nachrichtenmeldungen mit kurzen Zitaten und nummerierten Quellen.' +
    (example ? ` Fragen Sie mich zum Beispiel nach „${example}“.` : '') +
    ' Sagen Sie „neueste Nachrichten“ (oder /latest) für die neuesten Meldungen und „Hilfe“ (oder /help), um zu sehen, was ich noch kann.',
  helpMore:
    'Anschlussfragen verstehe ich auch. ' +
    'Sagen Sie „erzähl mir mehr“ (/more) für weitere Passagen zu Ihrer letzten Frage, „Quelle?“ (/sources) für die Quellen meiner letzten Antwort ' +
    'und „/new“ (oder „neu starten“) für ein neues Gespräch.',
  latest: 'Die neuesten Meldungen:',
  noBriefs: 'Es gibt noch keine Meldungen.',
  moreFirst: 'Stellen Sie mir zuerst eine Frage; „erzähl mir mehr“ zeigt dann weitere Passagen dazu.',
  moreNone: (q) => `Mehr steht in den Meldungen nicht zu „${q}“.`,
  moreOn: (q) => `Mehr zu „${q}“:`,
  sourcesNone: 'Ich habe in diesem Gespräch noch keine Meldung zitiert. Stellen Sie mir zuerst eine Frage.',
  sourcesGone: 'Die zitierten Meldungen sind nicht mehr verfügbar.',
  sourcesFor: (q) => `Quellen ${q ? `meiner Antwort auf „${q}“` : 'der neuesten Meldungen'}:`,
  sources: 'Quellen',
  relatedBriefs: 'Verwandte Meldungen',
  shortened: '(Gekürzt: siehe die Quellen unten.)',
  latestOn: (t) => `Das Neueste zu „${t}“:`,
  asOf: (d) => `Stand ${d}`,
  earlier: (d) => `Zuvor, am ${d}:`,
  expired: (m, d) => `Hinweis: ${m} stammt aus einer am ${d} abgelaufenen Meldung und ist möglicherweise veraltet.`,
};

const pt: ReplyStrings = {
  askAbout: 'Pergunte-me sobre as notícias dos resumos: quem disse o quê, quando algo acontece ou quantos estavam envolvidos.',
  notFound: 'Não encontrei isso nos resumos. Tente outras palavras ou pergunte sobre um dos resumos relacionados.',
  notFoundNoRelated: 'Não encontrei isso nos resumos. Tente outras palavras.',
  otherLanguage: (n, r) =>
    `Os resumos estão em ${n}, por isso não posso responder a perguntas em outro idioma. Pergunte em ${n}${r ? ' ou sobre um dos resumos relacionados' : ''}.`,
  unknownCommand: (c) => `Não conheço o comando /${c}.`,
  reset: 'Certo, vamos recomeçar: esqueci a nossa conversa. O que você quer saber?',
  hello: 'Olá!',
  thanks: 'De nada! Pergunte-me o que quiser sobre os resumos.',
  capabilities: (example) =>
    'Respondo a perguntas sobre os resumos de notícias com citações curtas e fontes numeradas.' +
    (example ? ` Por exemplo, pergunte-me sobre "${example}".` : '') +
    ' Diga "últimas notícias" (ou /latest) para ver os resumos mais recentes e "ajuda" (ou /help) para ver o que mais posso fazer.',
  helpMore:
    'Perguntas de seguimento também funcionam. ' +
    'Diga "conte mais" (/more) para mais trechos sobre a sua última pergunta, "fonte?" (/sources) para as fontes da minha última resposta ' +
    'e "/new" (ou "recomeçar") para começar uma nova conversa.',
  latest: 'Os resumos mais recentes:',
  noBriefs: 'Ainda não há resumos.',
  moreFirst: 'Faça-me primeiro uma pergunta; depois "conte mais" mostra mais trechos sobre ela.',
  moreNone: (q) => `É tudo o que os resumos têm sobre "${q}".`,
  moreOn: (q) => `Mais sobre "${q}":`,
  sourcesNone: 'Ainda não citei nenhum resumo nesta conversa. Faça-me primeiro uma pergunta.',
  sourcesGone: 'Os resumos que citei já não estão disponíveis.',
  sourcesFor: (q) => `Fontes ${q ? `da minha resposta a "${q}"` : 'dos resumos mais recentes'}:`,
  sources: 'Fontes',
  relatedBriefs: 'Resumos relacionados',
  shortened: '(Resumido: veja as fontes abaixo.)',
  latestOn: (t) => `O mais recente sobre "${t}":`,
  asOf: (d) => `Em ${d}`,
  earlier: (d) => `Antes, em ${d}:`,
  expired: (m, d) => `Nota: ${m} vem de um resumo que expirou em ${d}; pode estar desatualizado.`,
};

const ar: ReplyStrings = {
  askAbout: 'اسألني عن الأخبار الواردة في الموجزات، مثل من قال ماذا، ومتى يحدث أمر ما، أو كم عدد المشاركين.',
  notFound: 'لم أجد ذلك في الموجزات. جرّب كلمات أخرى، أو اسأل عن أحد الموجزات ذات الصلة.',
  notFoundNoRelated: 'لم أجد ذلك في الموجزات. جرّب كلمات أخرى.',
  otherLanguage: (n, r) => `الموجزات باللغة ${n}، لذا لا يمكنني الإجابة عن سؤال بلغة أخرى. اسأل باللغة ${n}${r ? '، أو عن أحد الموجزات ذات الصلة' : ''}.`,
  unknownCommand: (c) => `لا أعرف الأمر /${c}.`,
  reset: 'حسنًا، لنبدأ من جديد: لقد نسيت محادثتنا. ماذا تريد أن تعرف؟',
  hello: 'مرحبًا!',
  thanks: 'على الرحب والسعة! اسألني أي شيء آخر عن الموجزات.',
  capabilities: (example) =>
    'أجيب عن الأسئلة حول الموجزات الإخبارية باقتباسات قصيرة ومصادر مرقّمة.' +
    (example ? ` مثلًا، اسألني عن «${example}».` : '') +
    ' قل «آخر الأخبار» (أو /latest) لأحدث الموجزات، و«مساعدة» (أو /help) لمعرفة ما يمكنني فعله أيضًا.',
  helpMore:
    'يمكنك أيضًا طرح أسئلة متابعة. ' +
    'قل «أخبرني المزيد» (/more) لمقاطع أخرى عن سؤالك الأخير، و«المصدر؟» (/sources) لمصادر إجابتي الأخيرة، ' +
    'و«/new» (أو «ابدأ من جديد») لبدء محادثة جديدة.',
  latest: 'أحدث الموجزات:',
  noBriefs: 'لا توجد موجزات بعد.',
  moreFirst: 'اطرح عليّ سؤالًا أولًا؛ ثم يعرض «أخبرني المزيد» مقاطع أخرى عنه.',
  moreNone: (q) => `هذا كل ما لديّ في الموجزات عن «${q}».`,
  moreOn: (q) => `المزيد عن «${q}»:`,
  sourcesNone: 'لم أقتبس أي موجز في هذه المحادثة بعد. اطرح عليّ سؤالًا أولًا.',
  sourcesGone: 'الموجزات التي اقتبستها لم تعد متاحة.',
  sourcesFor: (q) => `مصادر ${q ? `إجابتي عن «${q}»` : 'أحدث الموجزات'}:`,
  sources: 'المصادر',
  relatedBriefs: 'موجزات ذات صلة',
  shortened: '(مختصر: انظر المصادر أدناه.)',
  latestOn: (t) => `آخر المستجدات عن «${t}»:`,
  asOf: (d) => `حتى ${d}`,
  earlier: (d) => `سابقًا، في ${d}:`,
  expired: (m, d) => `ملاحظة: ${m} من موجز انتهت صلاحيته في ${d}؛ قد يكون قديمًا.`,
};

const zh: ReplyStrings = {
  askAbout: '请问我简报中的新闻，例如谁说了什么、某事何时发生、或有多少人参与。',
  notFound: '我在简报中没有找到相关内容。请换个说法，或询问下面相关的简报。',
  notFoundNoRelated: '我在简报中没有找到相关内容。请换个说法。',
  otherLanguage: (n, r) => `简报使用${n}撰写，我无法回答其他语言的问题。请用${n}提问${r ? '，或询问下面相关的简报' : ''}。`,
  unknownCommand: (c) => `我不认识命令 /${c}。`,
  reset: '好的，我们重新开始：我已忘记之前的对话。你想了解什么？',
  hello: '你好！',
  thanks: '不客气！关于简报还有什么想问的，尽管问我。',
  capabilities: (example) =>
    '我用简短的引文和编号的来源回答关于新闻简报的问题。' +
    (example ? `例如，可以问我关于“${example}”的问题。` : '') +
    '说“最新消息”（或 /latest）查看最新的简报，说“帮助”（或 /help）了解我还能做什么。',
  helpMore:
    '也可以继续追问。' +
    '说“告诉我更多”（/more）查看关于上一个问题的更多段落，说“来源？”（/sources）查看我上一个回答的来源，' +
    '说“/new”（或“重新开始”）开始新的对话。',
  latest: '最新的简报：',
  noBriefs: '目前还没有简报。',
  moreFirst: '请先问我一个问题；然后“告诉我更多”会显示更多相关段落。',
  moreNone: (q) => `关于“${q}”，简报中只有这些内容。`,
  moreOn: (q) => `关于“${q}”的更多内容：`,
  sourcesNone: '在这次对话中我还没有引用任何简报。请先问我一个问题。',
  sourcesGone: '我引用的简报已不可用。',
  sourcesFor: (q) => (q ? `我对“${q}”的回答的来源：` : '最新简报的来源：'),
  sources: '来源',
  relatedBriefs: '相关简报',
  shortened: '（已缩短：请看下面的来源。）',
  latestOn: (t) => `关于“${t}”的最新消息：`,
  asOf: (d) => `截至${d}`,
  earlier: (d) => `此前（${d}）：`,
  expired: (m, d) => `注意：${m}出自已于${d}过期的简报，内容可能已过时。`,
};

const TABLE: Record<string, ReplyStrings> = { en, es, fr, de, pt, ar, zh };

/** The fixed strings for a language tag (English when there is no entry for it). */
export function replyStrings(lang: string | undefined): ReplyStrings {
  return TABLE[langOf(lang)] ?? en;
}

/** The language the fixed words of a reply to a question in `lang` are in: its own, or English. */
export function replyLanguage(lang: string | undefined): string {
  return TABLE[langOf(lang)] ? langOf(lang) : 'en';
}

/** The name of language `lang` in language `inLang` ("en" in "es": "inglés"); the tag itself where the runtime cannot name it. */
export function languageName(lang: string, inLang: string): string {
  try {
    return new Intl.DisplayNames([inLang], { type: 'language' }).of(lang) ?? lang;
  } catch {
    return lang;
  }
}
