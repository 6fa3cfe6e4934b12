import { cloudflareTest } from '@cloudflare/vitest-pool-workers';
import { defineConfig } from 'vitest/config';

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
            // Test-only secret: the OpenAI-compatible API's bearer key (tests/worker/openai.spec.ts).
            miniflare: { bindings: { BRIEFBOT_API_KEY: 'test-briefbot-key' } },
          }),
        ],
        test: {
          name: 'worker',
          include: ['tests/worker/**/*.spec.ts'],
        },
      },
    ],
  },
});
