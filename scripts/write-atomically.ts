/**
 * The build steps' way of writing what they generate: each file under a temporary name first, then renamed into
 * place in the order given (data before the module that imports it), so a stopped build never leaves a
 * half-written file for the Worker to bundle.
 * @module
 */
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

export function writeAtomically(files: ReadonlyArray<readonly [path: string, content: string | Uint8Array]>): void {
  for (const [path, content] of files) {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path + '.tmp', content);
  }
  for (const [path] of files) renameSync(path + '.tmp', path);
}
