/**
 * The Worker never parses briefs: it loads the index built at build time. This checks that
 * neither the brief parser nor the Markdown parser it uses is reachable from the Worker's entry,
 * so neither ends up in the deployed bundle.
 */
import { build } from 'esbuild';
import { expect, it } from 'vitest';

it('the Worker bundle holds neither the brief parser nor the Markdown parser', async () => {
  const result = await build({
    entryPoints: ['src/worker.ts'],
    bundle: true,
    write: false,
    metafile: true,
    format: 'esm',
    platform: 'neutral',
    conditions: ['workerd', 'worker', 'browser'],
    mainFields: ['module', 'main'],
    external: ['cloudflare:*', 'node:*'],
    loader: { '.bin': 'binary', '.sql': 'text' },
    logLevel: 'silent',
  });
  const inputs = Object.keys(result.metafile.inputs);
  expect(inputs).toContain('src/core/engine.ts'); // the graph was walked
  expect(inputs.filter((path) => /src\/core\/(brief|markdown)\.ts$|node_modules\/(micromark|mdast-|yaml\/)/.test(path))).toEqual([]);
});
