/**
 * Node-side reading of a briefs folder (build step, CLI, eval, bench).
 * The parsing itself is pure and lives in `src/core/brief.ts`.
 * @module
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import type { BriefFile } from '../core/brief.js';
import { parseSynonyms, SYNONYMS_FILE, type SynonymRule } from '../core/synonyms.js';

/** The briefs folder is missing, not a folder, or holds no briefs: the message says what to do. */
export class BriefsFolderError extends Error {
  override name = 'BriefsFolderError';
}

const HOW = 'Put briefs (.md, .markdown or .txt files) in seeds/, or point to your folder with --briefs DIR or BRIEFS_DIR=DIR.';

/** File names read as briefs. */
export const BRIEF_EXTENSIONS = /\.(md|markdown|txt)$/i;

/**
 * Every brief file under `dir` (recursively, hidden files skipped), with paths relative to `dir`; the
 * folder's own `synonyms.txt` is no brief (see {@link readSynonyms}).
 */
export function readBriefFiles(dir: string): BriefFile[] {
  let st;
  try {
    st = statSync(dir);
  } catch {
    throw new BriefsFolderError(`Briefbot: the briefs folder "${dir}" does not exist. ${HOW}`);
  }
  if (!st.isDirectory()) throw new BriefsFolderError(`Briefbot: "${dir}" is not a folder. ${HOW}`);
  const out: BriefFile[] = [];
  const walk = (d: string) => {
    for (const entry of readdirSync(d, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      if (entry.name.startsWith('.')) continue;
      const full = join(d, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.isFile() && BRIEF_EXTENSIONS.test(entry.name) && !(d === dir && entry.name === SYNONYMS_FILE)) {
        out.push({ path: relative(dir, full).split(sep).join('/'), bytes: readFileSync(full) });
      }
    }
  };
  walk(dir);
  if (out.length === 0) throw new BriefsFolderError(`Briefbot: no brief files (.md, .markdown, .txt) in "${dir}". ${HOW}`);
  return out;
}

/**
 * The newsroom's synonyms: `synonyms.txt` at the top of the briefs folder (see `src/core/synonyms.ts` for the
 * format), none when the folder has no such file. A line that cannot be read is a `BriefError` naming it.
 */
export function readSynonyms(dir: string): SynonymRule[] {
  let text: string;
  try {
    text = readFileSync(join(dir, SYNONYMS_FILE), 'utf8');
  } catch {
    return [];
  }
  return parseSynonyms(text);
}
