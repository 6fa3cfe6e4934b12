-- Editorial insights (docs/insights.md): one row per answered or declined question, and the
-- readers' votes on them. No user ids, IP addresses, phone numbers or conversation ids: the
-- question is scrubbed of personal data before it is written (src/core/scrub.ts).
-- IF NOT EXISTS: the Worker also applies this file itself when it finds no table (a `wrangler dev`
-- started without `npm start`), and `wrangler d1 migrations apply` must still succeed afterwards.
CREATE TABLE IF NOT EXISTS questions (
  -- The answerId the reply carried: 128 random bits, base64url; feedback refers to it.
  id TEXT PRIMARY KEY,
  -- When it was asked: Unix milliseconds, rounded down to the minute.
  at INTEGER NOT NULL,
  -- api, widget, openai, telegram, slack, whatsapp, discord, twilio, line.
  channel TEXT NOT NULL,
  -- The question's language when known (e.g. "en"), else NULL.
  language TEXT,
  -- The question, scrubbed (emails, phone numbers, long digit runs, @handles, URL queries removed).
  question TEXT NOT NULL,
  answered INTEGER NOT NULL,
  -- The reply kind: answer or no_answer.
  kind TEXT NOT NULL,
  -- JSON arrays of the cited brief and passage ids, in citation order.
  brief_ids TEXT NOT NULL DEFAULT '[]',
  passage_ids TEXT NOT NULL DEFAULT '[]',
  -- The best citation's score (higher is stronger; NULL without citations).
  strength REAL,
  latency_ms REAL,
  -- The answer's text (quotes from the briefs), only when answered: shown next to down-votes.
  answer TEXT
);
CREATE INDEX IF NOT EXISTS questions_at ON questions (at);

CREATE TABLE IF NOT EXISTS feedback (
  answer_id TEXT PRIMARY KEY REFERENCES questions (id) ON DELETE CASCADE,
  rating TEXT NOT NULL CHECK (rating IN ('up', 'down')),
  -- The reader's comment (at most 500 characters), scrubbed like the questions.
  comment TEXT,
  at INTEGER NOT NULL
);
