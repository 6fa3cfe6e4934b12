/**
 * `npm run import -- <feed URL or file> [--out DIR] [--force]`: the items of an
 * RSS 2.0, Atom or JSON Feed become brief files (see src/node/feed-import.ts).
 *
 * The default folder is $BRIEFS_DIR, else `seeds/`. Running it again writes
 * nothing for items already imported and unchanged, rewrites the ones the feed
 * changed, and leaves a file edited by hand alone unless `--force` is given.
 * Every item that cannot be imported is reported with its reason; the others
 * are still written. Exit status: 0 when every item was imported (or left as
 * it was), 1 when any item failed, 2 when the feed itself could not be read.
 * See docs/publishing.md.
 * @module
 */
import { realpathSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { FeedError, importFeed, readFeed, type ItemOutcome } from '../src/node/feed-import.js';

const USAGE = 'Usage: npm run import -- <feed URL or file> [--out DIR] [--force]';

function describe(o: ItemOutcome, outDir: string): string {
  const where = (file: string) => {
    const path = resolve(outDir, file);
    const rel = relative(process.cwd(), path);
    return rel && !rel.startsWith('..') ? rel : path;
  };
  switch (o.status) {
    case 'failed':
      return `  item ${o.n}${o.title ? ` ("${o.title}")` : ''}: not imported: ${o.error}`;
    case 'kept':
      return `  item ${o.n} ("${o.title}"): ${where(o.file)} kept as it is: ${o.reason} (--force overwrites it)`;
    default:
      return `  item ${o.n} ("${o.title}"): ${o.status} ${where(o.file)}`;
  }
}

export async function main(argv: string[], env: NodeJS.ProcessEnv = process.env): Promise<number> {
  let values: { out?: string; force?: boolean; help?: boolean };
  let positionals: string[];
  try {
    ({ values, positionals } = parseArgs({
      args: argv,
      allowPositionals: true,
      options: { out: { type: 'string' }, force: { type: 'boolean', default: false }, help: { type: 'boolean', short: 'h', default: false } },
    }));
  } catch (err) {
    process.stderr.write(`import: ${(err as Error).message}\n${USAGE}\n`);
    return 2;
  }
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  if (positionals.length !== 1) {
    process.stderr.write(`import: ${positionals.length ? 'give one feed at a time' : 'which feed? give its URL or a file'}\n${USAGE}\n`);
    return 2;
  }
  const location = positionals[0]!;
  const outDir = resolve(values.out ?? env.BRIEFS_DIR ?? 'seeds');

  let result;
  try {
    const content = await readFeed(location);
    result = importFeed(content, { outDir, force: values.force ?? false, source: location });
  } catch (err) {
    if (err instanceof FeedError) {
      process.stderr.write(`import: ${err.message}\n`);
      return 2;
    }
    throw err;
  }

  const count = (s: ItemOutcome['status']) => result.outcomes.filter((o) => o.status === s).length;
  const failed = count('failed');
  process.stdout.write(`import: ${result.format} feed${result.feedTitle ? ` "${result.feedTitle}"` : ''}, ${result.outcomes.length} items → ${outDir}\n`);
  for (const o of result.outcomes) (o.status === 'failed' ? process.stderr : process.stdout).write(describe(o, outDir) + '\n');
  const written = count('created') + count('updated') + count('overwritten');
  process.stdout.write(
    `import: ${written} written (${count('created')} new, ${count('updated')} updated, ${count('overwritten')} overwritten), ` +
      `${count('unchanged')} unchanged, ${count('kept')} kept, ${failed} failed\n`,
  );
  if (failed) process.stderr.write(`import: ${failed} item${failed === 1 ? '' : 's'} could not be imported (see above); the others were.\n`);
  return failed ? 1 : 0;
}

// Run as a script (through a symlinked checkout too), not when imported by a test.
if (process.argv[1] && import.meta.url === pathToFileURL(realpathSync(process.argv[1])).href) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (err: unknown) => {
      process.stderr.write(`import: ${(err as Error).message ?? String(err)}\n`);
      process.exit(1);
    },
  );
}
