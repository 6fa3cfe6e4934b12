/**
 * `npm run import`: fixture feeds (tests/fixtures/feeds/) served on loopback
 * and read from files become brief files the brief parser reads, idempotently,
 * without ever letting markup, scripts or link targets through, and without
 * overwriting a file edited by hand unless --force is given.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { parseBriefs } from '../../src/core/brief.js';
import { buildEngine } from '../../src/core/indexer.js';
import type { Brief } from '../../src/core/types.js';
import { escapeMarkdown, importFeed, readFeed } from '../../src/node/feed-import.js';
import { readLexicon } from '../../src/node/lexicon.js';

const FEEDS = resolve('tests/fixtures/feeds');
const fixture = (name: string) => readFileSync(join(FEEDS, name), 'utf8');

/** The fixture feeds over HTTP on 127.0.0.1 (a free port); `/missing` is a 404, `/page` an HTML page. */
let server: Server;
let base: string;
beforeAll(async () => {
  server = createServer((req, res) => {
    const name = (req.url ?? '/').slice(1);
    if (name === 'page') {
      res.writeHead(200, { 'Content-Type': 'text/html' }).end('<!doctype html><title>Not a feed</title><p>Hello</p>');
      return;
    }
    try {
      const body = readFileSync(join(FEEDS, name.replace(/[^\w.-]/g, '')));
      res.writeHead(200, { 'Content-Type': name.endsWith('.json') ? 'application/feed+json' : 'application/rss+xml' }).end(body);
    } catch {
      res.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found');
    }
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((done) => server.close(() => done())));

let out: string;
beforeEach(() => {
  out = mkdtempSync(join(tmpdir(), 'briefbot-import-'));
});
afterEach(() => rmSync(out, { recursive: true, force: true }));

/** `npm run import -- ARGS` as a child process (tsx, as the npm script runs it). */
function runImport(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/import.ts', ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', fail);
    child.on('close', (code) => done({ code: code ?? -1, stdout, stderr }));
  });
}

/** Every brief in the folder, parsed as `npm run build:index` parses them. */
function briefsIn(dir: string): Brief[] {
  return parseBriefs(readdirSync(dir).map((f) => ({ path: f, bytes: readFileSync(join(dir, f)) })));
}

const snapshot = (dir: string) =>
  Object.fromEntries(readdirSync(dir).map((f) => [f, { text: readFileSync(join(dir, f), 'utf8'), mtime: statSync(join(dir, f)).mtimeMs }]));

describe('npm run import on an RSS feed served over HTTP', () => {
  it('writes one brief per item, with its front matter, and a second run writes none', async () => {
    const url = `${base}/newsroom.rss.xml`;
    const first = await runImport(url, '--out', out);
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/RSS feed "Harbour Gazette — Briefs", 3 items/);
    expect(first.stdout).toMatch(/3 written \(3 new, 0 updated, 0 overwritten\), 0 unchanged, 0 kept, 0 failed/);
    expect(readdirSync(out)).toHaveLength(3);

    const briefs = briefsIn(out);
    const ferry = briefs.find((b) => b.title === 'Port authority approves new ferry terminal')!;
    expect(ferry).toMatchObject({
      date: '2026-02-02T09:30:00Z',
      url: 'https://gazette.example/briefs/ferry-terminal',
      byline: 'Mara Lindqvist',
      source: 'Harbour Gazette — Briefs',
      tags: ['Transport', 'Harbour'],
      lang: 'en',
    });
    // content:encoded wins over the description; entities are decoded; one passage per paragraph.
    expect(ferry.passages.map((p) => p.text)).toEqual([
      'The port authority approved a new ferry terminal on Monday, ending a two-year dispute over the north quay.',
      'Construction is due to start in April 2026 and cost €48 million, the authority’s chair, Ines Okafor, said.',
      'Local residents had asked for a noise study; the authority said one will be published before work begins.',
    ]);
    // The RSS author "email (name)" becomes the name; an item without a guid is known by its link.
    expect(briefs.find((b) => b.title === 'City council extends night bus trial')!.byline).toBe('Tomas Reyes');
    const library = readFileSync(
      join(
        out,
        readdirSync(out).find((f) => f.startsWith('library-reopens'))!,
      ),
      'utf8',
    );
    expect(library).toContain('guid: https://gazette.example/briefs/library-reopens');
    expect(library).toContain(`import_source: ${url}`);

    const before = snapshot(out);
    const second = await runImport(url, '--out', out);
    expect(second.code).toBe(0);
    expect(second.stdout).toMatch(/0 written \(0 new, 0 updated, 0 overwritten\), 3 unchanged, 0 kept, 0 failed/);
    expect(snapshot(out)).toEqual(before);
  });

  it('the imported briefs answer questions (index built from them as build:index does)', async () => {
    expect((await runImport(`${base}/newsroom.rss.xml`, '--out', out)).code).toBe(0);
    const engine = buildEngine(briefsIn(out), readLexicon());
    const answer = engine.ask('When will construction of the ferry terminal start?');
    expect(answer.answered).toBe(true);
    expect(answer.answer).toContain('April 2026');
    expect(answer.citations[0]!.url).toBe('https://gazette.example/briefs/ferry-terminal');
  });

  it('a feed that cannot be fetched or is not a feed: exit 2 with the reason, nothing written', async () => {
    const missing = await runImport(`${base}/missing.xml`, '--out', out);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/could not fetch http:\/\/127\.0\.0\.1:\d+\/missing\.xml: HTTP 404/);
    const page = await runImport(`${base}/page`, '--out', out);
    expect(page.code).toBe(2);
    expect(page.stderr).toMatch(/not an RSS 2\.0, Atom, RDF or JSON Feed document/);
    expect(readdirSync(out)).toEqual([]);
    const usage = await runImport();
    expect(usage.code).toBe(2);
    expect(usage.stderr).toMatch(/Usage: npm run import -- <feed URL or file>/);
  });
});

describe('Atom and JSON Feed, read from files', () => {
  it('Atom: entry ids as guids, HTML and XHTML content, the updated date beside the published one', async () => {
    const result = importFeed(await readFeed(join(FEEDS, 'newsroom.atom.xml')), { outDir: out });
    expect(result.format).toBe('Atom');
    expect(result.outcomes.map((o) => o.status)).toEqual(['created', 'created']);
    const briefs = briefsIn(out);
    const reservoir = briefs.find((b) => b.title.startsWith('Reservoir'))!;
    expect(reservoir).toMatchObject({
      date: '2026-03-09T07:45:00Z',
      byline: 'Aiko Tanaka',
      tags: ['water', 'weather'],
      url: 'https://courier.example/briefs/77',
    });
    expect(reservoir.passages).toHaveLength(2);
    // An HTML title is decoded once ("&amp;amp;" in the XML is "&amp;" in HTML is "&").
    const schools = briefs.find((b) => b.title === 'Schools & colleges get new heating grants')!;
    expect(schools.passages[0]!.text).toMatch(/^Fourteen schools and two colleges will share 3\.2 million/);
    expect(
      readFileSync(
        join(
          out,
          readdirSync(out).find((f) => f.startsWith('reservoir'))!,
        ),
        'utf8',
      ),
    ).toContain('updated: 2026-03-10T11:00:00Z');
  });

  it('JSON Feed: content_html or content_text, authors and tags', async () => {
    const result = importFeed(await readFeed(join(FEEDS, 'newsroom.feed.json')), { outDir: out });
    expect(result.format).toBe('JSON Feed');
    const briefs = briefsIn(out);
    expect(briefs.find((b) => b.title.startsWith('Old bridge'))).toMatchObject({ byline: 'Ruth Campbell', tags: ['roads', 'Tay'] });
    const market = briefs.find((b) => b.title === "Farmers' market moves to Saturdays")!;
    expect(market.passages.map((p) => p.text)).toEqual([
      "The farmers' market will move from Thursdays to Saturdays from April.",
      'Stallholders voted for the change last month.',
    ]);
    // Idempotent by id: the same feed again changes nothing, even after a checkout turned the line endings into CRLF.
    const first = readdirSync(out)[0]!;
    writeFileSync(join(out, first), readFileSync(join(out, first), 'utf8').replace(/\n/g, '\r\n'));
    expect(importFeed(fixture('newsroom.feed.json'), { outDir: out }).outcomes.map((o) => o.status)).toEqual(['unchanged', 'unchanged']);
  });

  it('a file that does not exist: a clear error', async () => {
    await expect(readFeed(join(FEEDS, 'nope.xml'))).rejects.toThrow(/could not read .*nope\.xml: no such file/);
  });
});

describe('hostile HTML and bad items', () => {
  it('only the words come out: no script, style, handler, frame, form or link target; entities decoded', async () => {
    const run = await runImport(join(FEEDS, 'hostile.rss.xml'), '--out', out);
    const files = readdirSync(out);
    expect(files).toHaveLength(2);
    const raw = files.map((f) => readFileSync(join(out, f), 'utf8')).join('\n');
    for (const bad of [
      'INJECTED',
      'evil.example',
      'document.cookie',
      'onerror',
      'onclick',
      'onload',
      'onmouseover',
      'javascript:',
      'steal',
      "alert('",
      'x.png',
    ]) {
      expect(raw).not.toContain(bad);
    }
    const budget = briefsIn(out).find((b) => b.url === 'https://hostile.example/briefs/budget')!;
    expect(budget.title).toBe('Council approves budget & rejects tax rise');
    expect(budget.passages.map((p) => p.text)).toEqual([
      'The council approved the 2026 budget by 27 votes to 12 — and rejected a proposed tax rise.',
      "The finance chief, Dana O'Neill, said the vote “ends months of uncertainty”.",
      'Read the full statement or download it.',
      // Text that looks like markup is kept as the text it is, not read as Markdown or HTML.
      '# Not a heading: <script>alert("text")</script> is shown as text, and so are *stars*, _underscores_ and [brackets](https://x.example).',
      '1. Spending on roads rises by 4%; schools get £2.1m more.',
    ]);
    expect(budget.links).toEqual([]);
    expect(run.code).toBe(1);
  });

  it('each bad item is reported with its reason, the good ones are imported, and the exit status is 1', async () => {
    const run = await runImport(join(FEEDS, 'hostile.rss.xml'), '--out', out);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('item 2 ("An item with no text"): not imported: no text');
    expect(run.stderr).toContain('item 3: not imported: no title');
    expect(run.stderr).toContain('item 4 ("An item with a date nobody can read"): not imported: unreadable date "the thirty-second of Smarch"');
    expect(run.stderr).toContain('item 5 ("An item with neither guid nor link"): not imported: no guid, id or link');
    expect(run.stderr).toContain('4 items could not be imported (see above); the others were.');
    expect(run.stdout).toMatch(/2 written \(2 new, 0 updated, 0 overwritten\), 0 unchanged, 0 kept, 4 failed/);
  });

  it('escapes exactly what Markdown would read as markup', () => {
    expect(escapeMarkdown('# a *b* _c_ [d](e) <f> `g` | ~h~ &amp; 1. 2) - + > \\')).toBe(
      '\\# a \\*b\\* \\_c\\_ \\[d\\](e) \\<f\\> \\`g\\` \\| \\~h\\~ \\&amp; 1. 2) - + \\> \\\\',
    );
    expect(escapeMarkdown('12. twelve')).toBe('12\\. twelve');
    expect(escapeMarkdown('- dash')).toBe('\\- dash');
  });
});

describe('files edited by hand, and items the feed changed', () => {
  it('keeps a hand-edited file unless --force, and rewrites a file the importer wrote when the item changed', () => {
    const feed = fixture('newsroom.rss.xml');
    importFeed(feed, { outDir: out });
    const ferryFile = readdirSync(out).find((f) => f.startsWith('port-authority'))!;
    const ferryPath = join(out, ferryFile);
    const edited = readFileSync(ferryPath, 'utf8').replace('ending a two-year dispute', 'ending a long dispute');
    writeFileSync(ferryPath, edited);

    // The newsroom corrects another item in its feed.
    const changed = feed.replace('voted 31 to 9', 'voted 32 to 8');
    const again = importFeed(changed, { outDir: out });
    expect(again.outcomes.map((o) => [o.status, 'file' in o ? o.file.replace(/-[0-9a-f]{8}\.md$/, '') : '', 'reason' in o ? o.reason : ''])).toEqual([
      ['kept', 'port-authority-approves-new-ferry-terminal', 'edited by hand since it was imported'],
      ['updated', 'city-council-extends-night-bus-trial', ''],
      ['unchanged', 'library-reopens-after-flood-repairs', ''],
    ]);
    expect(readFileSync(ferryPath, 'utf8')).toBe(edited);
    expect(briefsIn(out).find((b) => b.title.startsWith('City council'))!.passages[0]!.text).toContain('voted 32 to 8');

    const forced = importFeed(changed, { outDir: out, force: true });
    expect(forced.outcomes.map((o) => o.status)).toEqual(['overwritten', 'unchanged', 'unchanged']);
    expect(readFileSync(ferryPath, 'utf8')).toContain('ending a two-year dispute');
    // Once rewritten, the file is the importer's again: the next run leaves it unchanged.
    expect(importFeed(changed, { outDir: out }).outcomes.map((o) => o.status)).toEqual(['unchanged', 'unchanged', 'unchanged']);
  });

  it('never overwrites a brief it did not write that has the same file name', () => {
    importFeed(fixture('newsroom.rss.xml'), { outDir: out });
    const file = readdirSync(out).find((f) => f.startsWith('library-reopens'))!;
    const handWritten = '# Library reopens\n\nWritten by hand, no import fields at all.\n';
    writeFileSync(join(out, file), handWritten);
    const run = importFeed(fixture('newsroom.rss.xml'), { outDir: out });
    expect(run.outcomes.find((o) => o.status === 'kept')).toMatchObject({ file, reason: 'not written by the importer' });
    expect(readFileSync(join(out, file), 'utf8')).toBe(handWritten);
  });

  it('finds an imported item again by its guid even when its title (and so its slug) changed', () => {
    const feed = fixture('newsroom.rss.xml');
    importFeed(feed, { outDir: out });
    const renamed = feed.replace('<title>City council extends night bus trial</title>', '<title>Night buses to run until June</title>');
    const run = importFeed(renamed, { outDir: out });
    expect(run.outcomes[1]).toMatchObject({ status: 'updated', file: expect.stringMatching(/^city-council-extends-night-bus-trial-/) });
    expect(readdirSync(out)).toHaveLength(3);
  });
});
