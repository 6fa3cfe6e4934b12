import { SELF } from 'cloudflare:test';
import { expect, it } from 'vitest';

it('reports the bundled index in /health', async () => {
  const res = await SELF.fetch('https://briefbot.test/health');
  expect(res.status).toBe(200);
  const body = await res.json<{ index: { briefs: number; passages: number } }>();
  expect(body.index.briefs).toBe(1);
  expect(body.index.passages).toBe(10);
});
