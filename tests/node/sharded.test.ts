import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseBriefs } from '../../src/core/brief.js';
import { Engine } from '../../src/core/engine.js';
import { buildEngine } from '../../src/core/indexer.js';
import { readLexicon } from '../../src/node/lexicon.js';
import { IndexError } from '../../src/core/errors.js';
import { fetchFromMap, MANIFEST_KEY, splitIntoShards, type ShardManifest } from '../../src/core/sharded.js';
import { readBriefFiles } from '../../src/node/briefs-dir.js';

const SAMPLE = resolve('tests/fixtures/eval-sample');
const questions = readFileSync(join(SAMPLE, 'questions.jsonl'), 'utf8')
  .split('\n')
  .filter(Boolean)
  .map((l) => (JSON.parse(l) as { question: string }).question);
const strip = ({ query: _q, ...rest }: { query: unknown }) => rest;

let engine: Engine;
beforeAll(() => {
  engine = buildEngine(parseBriefs(readBriefFiles(join(SAMPLE, 'briefs'))), readLexicon());
});

describe('sharded index', () => {
  it('splits into a core, postings and text shards that cover every term and passage once', () => {
    const { manifest, objects } = splitIntoShards(engine.serialize(), { postingsShardBytes: 4096, textShardBytes: 8192 });
    expect(manifest.postings[0]!.from).toBe(0);
    expect(manifest.text.at(-1)!.to).toBe(engine.stats.passages);
    for (const ranges of [manifest.postings, manifest.text]) ranges.slice(1).forEach((r, i) => expect(r.from).toBe(ranges[i]!.to));
    expect(objects.size).toBe(2 + manifest.postings.length + manifest.text.length);
    for (const key of objects.keys()) if (key !== MANIFEST_KEY) expect(key.startsWith(manifest.build + '/')).toBe(true);
  });

  it('answers like the bundled index, loading shards on demand', async () => {
    const { manifest, objects } = splitIntoShards(engine.serialize(), { postingsShardBytes: 4096, textShardBytes: 8192 });
    const sharded = await Engine.openSharded(fetchFromMap(objects), readLexicon());
    expect(sharded.shardStats!.objectsFetched).toBe(2); // manifest + core only
    await sharded.respondAsync(questions[0]!);
    expect(sharded.shardStats!.objectsFetched).toBeLessThan(2 + manifest.postings.length + manifest.text.length);
    for (const q of questions) expect(strip(await sharded.respondAsync(q))).toEqual(strip(engine.respond(q)));
    // A misspelt word expands by prefix/fuzzy into terms of other shards: still the same answer.
    expect(strip(await sharded.respondAsync('When did the pharmacists licencing begin?'))).toEqual(
      strip(engine.respond('When did the pharmacists licencing begin?')),
    );
  });

  it('reports a missing manifest or shard with what to do', async () => {
    await expect(Engine.openSharded(fetchFromMap(new Map()), readLexicon())).rejects.toThrow(/npm run ingest/);
    const { objects, manifest } = splitIntoShards(engine.serialize());
    objects.delete(manifest.text[0]!.key);
    const sharded = await Engine.openSharded(fetchFromMap(objects), readLexicon());
    await expect(sharded.briefAsync(engine.briefs[0]!.id)).rejects.toThrow(IndexError);
  });
});

describe('npm run ingest', () => {
  it('writes the shards (gzipped) and the manifest, which open to the same answers', async () => {
    const out = mkdtempSync(join(tmpdir(), 'briefbot-ingest-'));
    try {
      const run = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/ingest.ts', join(SAMPLE, 'briefs'), '--out', out, '--text-shard', '16KB'], {
        encoding: 'utf8',
      });
      expect(run.status, run.stderr).toBe(0);
      expect(run.stderr).toMatch(/6 briefs, \d+ passages → build /);
      const manifest = JSON.parse(readFileSync(join(out, MANIFEST_KEY), 'utf8')) as ShardManifest;
      const read = async (key: string) => {
        try {
          const raw = readFileSync(join(out, key));
          return new Uint8Array(key === MANIFEST_KEY ? raw : gunzipSync(raw));
        } catch {
          return null;
        }
      };
      expect(readFileSync(join(out, manifest.core.key))[0]).toBe(0x1f); // gzip
      const sharded = await Engine.openSharded(read, readLexicon());
      for (const q of questions.slice(0, 40)) expect(strip(await sharded.respondAsync(q))).toEqual(strip(engine.respond(q)));

      const bad = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/ingest.ts'], { encoding: 'utf8' });
      expect(bad.status).toBe(2);
      expect(bad.stderr).toMatch(/give exactly one briefs folder/);
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });
});
