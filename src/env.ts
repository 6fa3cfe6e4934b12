/**
 * The Worker's bindings: `[vars]` from wrangler.toml, secrets from
 * `wrangler secret put` / `.dev.vars`, and storage bindings.
 * @module
 */
export interface Env {
  /** Comma-separated origins allowed to call the API from browsers; "*" for any. */
  CORS_ORIGINS?: string;
  /**
   * Conversation memory and webhook de-duplication: one SQLite-backed Durable Object per
   * conversation (`src/storage/chat-state.ts`). Without it, questions are answered without memory.
   */
  CHAT_STATE?: DurableObjectNamespace<import('./storage/chat-state.js').ChatState>;
  /** Per-client-IP limit on `/api/*` and `/v1/*` (`[[ratelimits]]` in wrangler.toml). */
  API_RATE_LIMIT?: RateLimit;
  /** Per-chat limit on the messaging webhooks (`[[ratelimits]]` in wrangler.toml). */
  CHAT_RATE_LIMIT?: RateLimit;
  /** Where the index lives: "bundled" (default, in the Worker) or "r2" (shards in SHARDS, see docs/benchmarks.md). */
  STORAGE_MODE?: string;
  /** The shards `npm run ingest -- DIR` uploads (used when STORAGE_MODE is "r2"). */
  SHARDS?: R2Bucket;
  /** Key prefix of the shards inside the bucket (default none). */
  SHARDS_PREFIX?: string;
  /** Seconds between checks for a newly ingested build (default 60). */
  SHARDS_REFRESH_SECONDS?: string;
  /** Minutes of inactivity after which a conversation's memory is forgotten (default 30). */
  CONVERSATION_TTL_MINUTES?: string;
  /** When set, `/v1/*` (the OpenAI-compatible API) requires `Authorization: Bearer <this>`. A secret. */
  BRIEFBOT_API_KEY?: string;

  // Messaging channels (docs/channels.md). A channel is enabled when its secrets are set.
  /** Telegram: bot token from BotFather (used by `npm run telegram:webhook`, and its id to spot replies to the bot). */
  TELEGRAM_BOT_TOKEN?: string;
  /** Telegram: the `secret_token` given to setWebhook, echoed in `X-Telegram-Bot-Api-Secret-Token`. */
  TELEGRAM_SECRET_TOKEN?: string;
  /** Telegram: the bot's @username (without @), to answer @mentions in groups. */
  TELEGRAM_BOT_USERNAME?: string;
  /** Slack: signing secret (Basic Information → App Credentials). */
  SLACK_SIGNING_SECRET?: string;
  /** Slack: bot token `xoxb-…` for chat.postMessage. */
  SLACK_BOT_TOKEN?: string;
  /** WhatsApp Cloud API: Meta App Secret (signs `X-Hub-Signature-256`). */
  WHATSAPP_APP_SECRET?: string;
  /** WhatsApp Cloud API: the verify token typed into the Meta dashboard (GET handshake). */
  WHATSAPP_VERIFY_TOKEN?: string;
  /** WhatsApp Cloud API: access token with `whatsapp_business_messaging`. */
  WHATSAPP_ACCESS_TOKEN?: string;
  /** WhatsApp Cloud API: the business phone number id replies are sent from. */
  WHATSAPP_PHONE_NUMBER_ID?: string;
  /** WhatsApp Cloud API: Graph API version, default `v21.0`. */
  WHATSAPP_GRAPH_VERSION?: string;
  /** Discord: application public key (64 hex characters). */
  DISCORD_PUBLIC_KEY?: string;
  /** Discord: application id (documentation and command registration). */
  DISCORD_APPLICATION_ID?: string;
  /** Twilio: primary Auth Token (signs `X-Twilio-Signature`). */
  TWILIO_AUTH_TOKEN?: string;
  /** Public origin Twilio calls (e.g. `https://bot.example.com`) when the Worker sits behind a proxy. */
  PUBLIC_BASE_URL?: string;
  /** LINE: channel secret (signs `x-line-signature`). */
  LINE_CHANNEL_SECRET?: string;
  /** LINE: channel access token for the reply API. */
  LINE_CHANNEL_ACCESS_TOKEN?: string;
}

/** Hono generics for every sub-app: bindings plus per-request variables. */
export interface AppEnv {
  Bindings: Env;
  Variables: {
    engine: import('./core/engine.js').Engine;
  };
}
