// Before each worker test file: the question log's schema (migrations/, read by vitest.config.mts)
// on the local D1 the tests run against. Already-applied migrations are skipped.
import { applyD1Migrations, env } from 'cloudflare:test';

await applyD1Migrations(env.INSIGHTS, env.TEST_MIGRATIONS);
