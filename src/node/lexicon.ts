/**
 * Node-side loading of the lexicon (CLI, scripts, tests, bench). The Worker
 * imports `src/generated/lexicon.bin` as a Data module (see `src/worker.ts`);
 * Node cannot import a `.bin` file, so it reads the same bytes from disk.
 * @module
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Lexicon } from '../core/lexicon.js';

/** Where `npm run build:lexicon` writes the lexicon. */
export const LEXICON_FILE = fileURLToPath(new URL('../generated/lexicon.bin', import.meta.url));

let cached: Lexicon | undefined;

/** The built lexicon (`src/generated/lexicon.bin`), read once; parsed at its first lookup. */
export function readLexicon(file = LEXICON_FILE): Lexicon {
  if (file !== LEXICON_FILE) return new Lexicon(readLexiconBytes(file));
  return (cached ??= new Lexicon(readLexiconBytes(file)));
}

/** The lexicon's bytes, with a clear message when it has not been built. */
function readLexiconBytes(file = LEXICON_FILE): Uint8Array {
  try {
    return readFileSync(file);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') {
      throw new Error(`Briefbot: the lexicon ${file} is missing; run "npm run build:lexicon" (or npm install) first`);
    }
    throw err;
  }
}
