import { cloudflareTest, readD1Migrations } from '@cloudflare/vitest-pool-workers';
import { defineConfig } from 'vitest/config';

// The question log's schema (migrations/), applied to the tests' local D1 by tests/worker/apply-migrations.ts.
const migrations = await readD1Migrations('./migrations');

// Two projects, as hono does: the pure core (and CLI) in Node, the Worker in workerd.
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'node',
          environment: 'node',
          include: ['src/**/*.test.ts', 'tests/node/**/*.test.ts'],
          testTimeout: 60_000,
        },
      },
      {
        plugins: [
          cloudflareTest({
            wrangler: { configPath: './wrangler.toml' },
            miniflare: {
              // Test-only secrets for the messaging channels (tests/worker/channels/*.spec.ts):
              // the values of the signature test vectors in docs/channels.md.
              bindings: {
                TELEGRAM_BOT_TOKEN: '7000000001:AAtest-token-not-real',
                TELEGRAM_SECRET_TOKEN: 'my-Secret_Token-123',
                TELEGRAM_BOT_USERNAME: 'briefbot_test_bot',
                SLACK_SIGNING_SECRET: '8f742231b10e8888abcd99yyyzzz85a5',
                SLACK_BOT_TOKEN: 'xoxb-test-token',
                WHATSAPP_APP_SECRET: '0123456789abcdef0123456789abcdef',
                WHATSAPP_VERIFY_TOKEN: 'meatyhamhock',
                WHATSAPP_ACCESS_TOKEN: 'EAAtest-access-token',
                WHATSAPP_PHONE_NUMBER_ID: '106540352242922',
                DISCORD_PUBLIC_KEY: 'd75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a',
                DISCORD_APPLICATION_ID: '123456789012345678',
                TWILIO_AUTH_TOKEN: '12345',
                LINE_CHANNEL_SECRET: '8c570fa6dd201bb328f1c1eac23a96d8',
                LINE_CHANNEL_ACCESS_TOKEN: 'line-test-access-token',
                // The OpenAI-compatible API's bearer key (tests/worker/openai.spec.ts).
                BRIEFBOT_API_KEY: 'test-briefbot-key',
                // The /admin dashboard's token (tests/worker/insights.spec.ts).
                ADMIN_TOKEN: 'test-admin-token-0123456789',
                TEST_MIGRATIONS: migrations,
              },
              // The suite sends hundreds of requests from one address: the production limits
              // (wrangler.toml) would refuse most of them. tests/worker/rate-limit.spec.ts puts
              // TIGHT_RATE_LIMIT (a real limiter, 3 a minute) in their place to test limiting.
              ratelimits: {
                API_RATE_LIMIT: { simple: { limit: 1_000_000, period: 60 } },
                CHAT_RATE_LIMIT: { simple: { limit: 1_000_000, period: 60 } },
                TIGHT_RATE_LIMIT: { simple: { limit: 3, period: 60 } },
              },
            },
          }),
        ],
        test: {
          name: 'worker',
          include: ['tests/worker/**/*.spec.ts'],
          setupFiles: ['tests/worker/apply-migrations.ts'],
        },
      },
      {
        // Real headless Chromium against `wrangler dev` (see tests/e2e/global-setup.ts).
        test: {
          name: 'e2e',
          environment: 'node',
          include: ['tests/e2e/**/*.e2e.ts'],
          globalSetup: ['tests/e2e/global-setup.ts'],
          fileParallelism: false,
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
