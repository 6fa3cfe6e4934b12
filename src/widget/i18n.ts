/**
 * Every string of the widget's own UI, in one table per language. The widget's
 * language is `data-lang`, else the host page's `<html lang>`, else English;
 * `{0}` in a string is replaced by an argument. Briefs, questions and answers are
 * not translated: they keep their own language and direction (`dir="auto"`).
 * @module
 */

export const KEYS = [
  'title',
  'greeting',
  'placeholder',
  'open',
  'closeChat',
  'close',
  'clear',
  'log',
  'send',
  'searching',
  'cleared',
  'sources',
  'tryAsking',
  'latestBriefs',
  'related',
  'cited',
  'more',
  'marker',
  'newTab',
  'you',
  'retry',
  'retryIn',
  'errNetwork',
  'errTimeout',
  'errRate',
  'errServer',
  'trimmed',
  'queued',
  'wait',
  'updated',
  'earlier',
  'expired',
] as const;

type Key = (typeof KEYS)[number];

/** One row per language, in {@link KEYS} order, fields separated by `|`. */
export const TABLE: Record<string, string> = {
  en: "Ask the briefs|Hi! Ask me about the news briefs. I answer with quotes and cite my sources.|Ask a question…|Open chat: {0}|Close chat: {0}|Close|Clear|Conversation|Send question|Searching the briefs…|Conversation cleared.|Sources: {0}.|Try asking|Latest briefs|Related briefs|Cited|More context|Source {0}|(opens in a new tab)|You:|Try again|Try again in {0} s|Can't reach the service. Check your connection and try again.|The service is taking too long. Please try again.|Too many questions. Please wait {0} seconds and try again.|Something went wrong on our side. Please try again.|Earlier messages were removed.|Still answering: I'll ask this next.|Please wait {0} seconds.|updated {0}|Earlier, {0}:|May be out of date: this brief expired {0}.",
  es: 'Pregunta a los resúmenes|¡Hola! Pregúntame por los resúmenes de noticias. Respondo con citas y fuentes.|Haz una pregunta…|Abrir chat: {0}|Cerrar chat: {0}|Cerrar|Borrar|Conversación|Enviar pregunta|Buscando en los resúmenes…|Conversación borrada.|Fuentes: {0}.|Prueba a preguntar|Últimos resúmenes|Resúmenes relacionados|Citado|Más contexto|Fuente {0}|(se abre en otra pestaña)|Tú:|Reintentar|Reintentar en {0} s|No hay conexión con el servicio. Compruébala y reinténtalo.|El servicio tarda demasiado. Reinténtalo.|Demasiadas preguntas. Espera {0} segundos y reinténtalo.|Algo falló por nuestra parte. Reinténtalo.|Se eliminaron mensajes anteriores.|Aún respondo: preguntaré esto después.|Espera {0} segundos.|actualizado {0}|Antes, {0}:|Puede estar desactualizado: este resumen caducó el {0}.',
  fr: 'Interroger les brèves|Bonjour ! Questionnez-moi sur les brèves. Je réponds en citant mes sources.|Posez une question…|Ouvrir le chat : {0}|Fermer le chat : {0}|Fermer|Effacer|Conversation|Envoyer la question|Recherche dans les brèves…|Conversation effacée.|Sources : {0}.|Essayez|Dernières brèves|Brèves liées|Cité|Plus de contexte|Source {0}|(nouvel onglet)|Vous :|Réessayer|Réessayer dans {0} s|Service injoignable. Vérifiez votre connexion et réessayez.|Le service met trop de temps. Réessayez.|Trop de questions. Attendez {0} secondes puis réessayez.|Erreur de notre côté. Réessayez.|Les messages plus anciens ont été supprimés.|Réponse en cours : je poserai celle-ci ensuite.|Attendez {0} secondes.|mis à jour {0}|Auparavant, {0} :|Peut-être dépassé : cette brève a expiré le {0}.',
  de: 'Frag die Meldungen|Hallo! Frag mich zu den Kurzmeldungen. Ich antworte mit Zitaten und Quellen.|Stell eine Frage…|Chat öffnen: {0}|Chat schließen: {0}|Schließen|Leeren|Unterhaltung|Frage senden|Suche in den Meldungen…|Unterhaltung gelöscht.|Quellen: {0}.|Frag zum Beispiel|Neueste Meldungen|Ähnliche Meldungen|Zitiert|Mehr Kontext|Quelle {0}|(neuer Tab)|Du:|Erneut versuchen|Erneut in {0} s|Dienst nicht erreichbar. Prüfe die Verbindung und versuche es erneut.|Der Dienst braucht zu lange. Versuche es erneut.|Zu viele Fragen. Warte {0} Sekunden und versuche es erneut.|Fehler bei uns. Versuche es erneut.|Ältere Nachrichten wurden entfernt.|Antwort läuft: diese Frage folgt danach.|Warte {0} Sekunden.|aktualisiert {0}|Zuvor, {0}:|Möglicherweise veraltet: Diese Meldung ist am {0} abgelaufen.',
  pt: 'Pergunte aos resumos|Olá! Pergunte-me sobre os resumos de notícias. Respondo com citações e fontes.|Faça uma pergunta…|Abrir chat: {0}|Fechar chat: {0}|Fechar|Limpar|Conversa|Enviar pergunta|Procurando nos resumos…|Conversa apagada.|Fontes: {0}.|Experimente perguntar|Últimos resumos|Resumos relacionados|Citado|Mais contexto|Fonte {0}|(nova aba)|Você:|Tentar de novo|Tentar de novo em {0} s|Sem conexão com o serviço. Verifique e tente de novo.|O serviço está demorando. Tente de novo.|Perguntas demais. Aguarde {0} segundos e tente de novo.|Erro do nosso lado. Tente de novo.|Mensagens anteriores foram removidas.|Respondendo: farei esta em seguida.|Aguarde {0} segundos.|atualizado {0}|Antes, {0}:|Pode estar desatualizado: este resumo expirou em {0}.',
  ar: 'اسأل الموجزات|مرحبًا! اسألني عن موجزات الأخبار. أجيب باقتباسات وأذكر المصادر.|اكتب سؤالًا…|فتح المحادثة: {0}|إغلاق المحادثة: {0}|إغلاق|مسح|المحادثة|إرسال السؤال|جارٍ البحث…|تم مسح المحادثة.|المصادر: {0}.|جرّب أن تسأل|أحدث الموجزات|موجزات ذات صلة|مقتبس|سياق إضافي|المصدر {0}|(علامة تبويب جديدة)|أنت:|أعد المحاولة|أعد المحاولة بعد {0} ث|تعذّر الوصول إلى الخدمة. تحقّق من اتصالك وأعد المحاولة.|الخدمة بطيئة. أعد المحاولة.|أسئلة كثيرة. انتظر {0} ثانية ثم أعد المحاولة.|حدث خطأ من جهتنا. أعد المحاولة.|أُزيلت رسائل سابقة.|ما زلت أجيب: سأطرح هذا بعده.|انتظر {0} ثانية.|حُدّث {0}|سابقًا، {0}:|قد يكون قديمًا: انتهت صلاحية هذا الموجز في {0}.',
  zh: '询问新闻简报|你好！请问我新闻简报的问题。我引用原文作答并注明来源。|输入问题…|打开聊天：{0}|关闭聊天：{0}|关闭|清除|对话|发送问题|正在搜索简报…|对话已清除。|来源：{0} 个。|试着问|最新简报|相关简报|引用|更多背景|来源 {0}|（新标签页）|你：|重试|{0} 秒后重试|无法连接服务。请检查网络后重试。|服务响应太慢。请重试。|提问过于频繁。请等待 {0} 秒后重试。|我们这边出错了。请重试。|较早的消息已被移除。|仍在回答：之后会问这个问题。|请等待 {0} 秒。|更新于 {0}|此前，{0}：|可能已过时：此简报已于{0}过期。',
};

/** Languages written right to left (of those the widget or a brief may use). */
const RTL = /^(?:ar|he|fa|ur|ps|sd|ug|yi|dv|ckb)$/;

export type Strings = Record<Key, string>;

/** The supported language for `data-lang`/the page's `lang` (`"pt-BR"` → `pt`), else `en`. */
export function pickLang(...candidates: (string | null | undefined)[]): string {
  for (const c of candidates) {
    const primary = (c ?? '').trim().toLowerCase().split(/[-_]/)[0]!;
    if (primary in TABLE) return primary;
  }
  return 'en';
}

export const isRtl = (lang: string) => RTL.test(lang.toLowerCase().split(/[-_]/)[0]!);

/** The UI strings of `lang` (a supported language, see {@link pickLang}). */
export function strings(lang: string): Strings {
  const row = (TABLE[lang] ?? TABLE.en!).split('|');
  return Object.fromEntries(KEYS.map((k, i) => [k, row[i]!])) as Strings;
}

/** `s` with `{0}` replaced by `arg`. */
export const fill = (s: string, arg: string | number) => s.replace('{0}', String(arg));
