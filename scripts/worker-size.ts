/**
 * What the Worker upload weighs, the way `wrangler deploy` counts it: the
 * code bundled with esbuild as wrangler bundles it (same entry, conditions,
 * target and `minify`; `.bin` files stay Data modules beside it, `.txt` and
 * `.sql` files Text modules), plus those modules (packed index, lexicon, and
 * the widget script, OpenAPI document and schema), gzipped as one stream.
 * Used by the size guard of `npm run build:index` and by `npm run bench`;
 * takes a fraction of a second.
 * @module
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build, type Plugin } from 'esbuild';

const ROOT = resolve(import.meta.dirname, '..');

export interface UploadSize {
  /** The bundled JavaScript (minified as wrangler.toml asks). */
  code: { raw: number; gz: number };
  index: { raw: number; gz: number };
  lexicon: { raw: number; gz: number };
  /** The Text modules: the widget script, the OpenAPI document and the question log's schema, served or applied as they are. */
  text: { raw: number; gz: number };
  /** Everything wrangler uploads, gzipped as one stream (wrangler's "Total Upload … gzip"). */
  total: { raw: number; gz: number };
}

export class BundleError extends Error {
  override name = 'BundleError';
}

const sized = (bytes: Uint8Array) => ({ raw: bytes.length, gz: gzipSync(bytes).length });

/** Does wrangler.toml ask for minified code? Does it keep names (wrangler's default, unless `keep_names = false`)? */
function bundleFromConfig(root: string): { minify: boolean; keepNames: boolean } {
  const toml = readFileSync(join(root, 'wrangler.toml'), 'utf8');
  return { minify: /^\s*minify\s*=\s*true\b/m.test(toml), keepNames: !/^\s*keep_names\s*=\s*false\b/m.test(toml) };
}

/**
 * Bundle `src/worker.ts` as wrangler does and return the code.
 * `indexData`, when given, stands in for `src/generated/index-data.ts` (the
 * build step measures before it writes that file).
 */
export async function bundleWorker(options: { root?: string; indexData?: string } = {}): Promise<Uint8Array> {
  const root = options.root ?? ROOT;
  const plugins: Plugin[] = [
    {
      // Data and Text modules (`[[rules]]` in wrangler.toml: the index, the lexicon, the widget script, the
      // OpenAPI document, the insights schema) are separate files of the upload, not code.
      name: 'briefbot-data-modules',
      setup(b) {
        b.onResolve({ filter: /\.(bin|sql|txt)$/ }, (args) => ({ path: args.path, external: true }));
        if (options.indexData !== undefined) {
          const contents = options.indexData;
          b.onResolve({ filter: /[/\\]generated[/\\]index-data(\.js|\.ts)?$/ }, () => ({ path: 'index-data.ts', namespace: 'briefbot-index-data' }));
          b.onLoad({ filter: /.*/, namespace: 'briefbot-index-data' }, () => ({ contents, loader: 'ts', resolveDir: join(root, 'src', 'generated') }));
        }
      },
    },
  ];
  try {
    const result = await build({
      entryPoints: [join(root, 'src', 'worker.ts')],
      absWorkingDir: root,
      bundle: true,
      format: 'esm',
      platform: 'browser',
      conditions: ['workerd', 'worker', 'browser'],
      target: 'es2024',
      ...bundleFromConfig(root),
      external: ['cloudflare:*', 'node:*'],
      write: false,
      logLevel: 'silent',
      plugins,
    });
    return result.outputFiles[0]!.contents;
  } catch (err) {
    const errors = (err as { errors?: { text: string; location?: { file: string } | null }[] }).errors ?? [];
    const detail = errors.length ? errors.map((e) => (e.location ? `${e.location.file}: ${e.text}` : e.text)).join('; ') : (err as Error).message;
    throw new BundleError(
      `could not bundle the Worker to measure it (${detail}). ` +
        'Run "npm run build" (it builds the lexicon, the widget and the OpenAPI document before the index).',
    );
  }
}

/** Read a generated Data module, or an empty one when it is not built. */
function readData(file: string): Uint8Array {
  try {
    return readFileSync(file);
  } catch {
    return new Uint8Array(0);
  }
}

/** The Text modules the Worker imports (wrangler.toml `[[rules]]`). */
const TEXT_MODULES = [
  ['src', 'generated', 'widget.js.txt'],
  ['src', 'generated', 'openapi.json.txt'],
  ['migrations', '0001_insights.sql'],
];

/**
 * The whole upload: code, index (`index` bytes, or src/generated/index.bin),
 * lexicon (src/generated/lexicon.bin) and the Text modules.
 */
export async function measureUpload(options: { root?: string; index?: Uint8Array; indexData?: string } = {}): Promise<UploadSize> {
  const root = options.root ?? ROOT;
  const code = await bundleWorker({ root, ...(options.indexData !== undefined ? { indexData: options.indexData } : {}) });
  const index = options.index ?? readData(join(root, 'src', 'generated', 'index.bin'));
  const lexicon = readData(join(root, 'src', 'generated', 'lexicon.bin'));
  const text = Buffer.concat(TEXT_MODULES.map((parts) => readData(join(root, ...parts))));
  const all = Buffer.concat([code, index, lexicon, text]);
  return {
    code: sized(code),
    index: sized(index),
    lexicon: sized(lexicon),
    text: sized(text),
    total: { raw: all.length, gz: gzipSync(all).length },
  };
}
