/**
 * `npm run load`: load and soak test of the real Worker, served by workerd
 * under `wrangler dev` on 127.0.0.1, over HTTP with keep-alive.
 *
 *   npm run load                   concurrency 1, 10, 50, then a soak of 50,000 requests (about 5 minutes)
 *   npm run load -- --quick        a small smoke run (well under a minute)
 *   npm run load -- --soak 100000  a longer soak
 *   npm run load -- --docs         also rewrite the load section of docs/benchmarks.md
 *
 * Phases: a warm-up, then concurrency 1, 10 and 50 (a fixed number of
 * requests each, cut at a time cap), then the soak at concurrency 10 while
 * the resident memory (VmRSS) of the workerd process that runs the Worker is
 * sampled, and a last flood from one client against wrangler.toml as it is,
 * which reports the first 429. The requests mix POST and GET /api/ask (seed
 * brief questions, some not answerable), two-turn conversations,
 * POST /v1/chat/completions with a short history and GET /health.
 *
 * All load comes from one address, so when wrangler.toml declares
 * [[ratelimits]], the Worker of the first phases runs a temporary copy of it
 * (wrangler.load.toml, gitignored, removed afterwards) whose limits are raised
 * out of reach: those phases measure throughput below the rate limit.
 *
 * Prints a Markdown table, writes the raw figures to bench/results/load.json,
 * and with --docs rewrites the load section of docs/benchmarks.md. Exits
 * non-zero only when the harness fails (the Worker does not start, answers
 * the preflight wrongly); performance figures never fail it.
 * @module
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { percentile, plateau, raiseRateLimits, RAISED_LIMIT, type PlateauVerdict, type RateLimitBlock } from './load-lib.js';

const ROOT = resolve('.');
const CONFIG = join(ROOT, 'wrangler.toml');
/** The raised-limits copy lives next to wrangler.toml, so every relative path in it (main, rules, .dev.vars) resolves the same. */
const LOAD_CONFIG = join(ROOT, 'wrangler.load.toml');
const MB = 1024 * 1024;
/** Process figures (CPU time, memory) come from Linux's /proc; elsewhere the run goes on without them. */
const HAS_PROC = existsSync('/proc/self/status');
/** Linux's USER_HZ: /proc/<pid>/stat counts CPU time in these ticks. */
const CLOCK_TICKS = 100;

// ─── What the clients ask ────────────────────────────────────────────────────

/** About the seed brief (seeds/000_*.txt): Petro, Trump, Rubio, Villavicencio, Locetta. */
const ANSWERABLE = [
  'When is Petro meeting Trump?',
  'What will the meeting focus on?',
  'Who is the Colombian foreign minister?',
  'Who is the State Department spokesman?',
  'What did Jennifer Locetta criticize?',
  'Why did the U.S. impose sanctions on Petro?',
  'When did tensions between the presidents ease?',
  'What did Petro say on X?',
  'How often does the Security Council review the peace agreement?',
  'Who held a call to finalize preparations for the meeting?',
  'What is the United States concerned about in Colombia?',
  'What guarantees will Petro receive?',
];
/** Not in the brief: the bot should decline these. */
const UNANSWERABLE = [
  'Did Trump meet Putin?',
  'What is the price of coffee in Bogota?',
  'Who won the World Cup?',
  'What will the weather be in Paris tomorrow?',
  'How many troops are stationed in Venezuela?',
];
const QUESTIONS = [...ANSWERABLE, ...UNANSWERABLE];
/** GET asks walk the questions the other way round, so that both routes see every question with different neighbours. */
const QUESTIONS_REVERSED = [...QUESTIONS].reverse();
/** Two-turn conversations for POST /api/ask: the follow-up leans on the first question. */
const CONVERSATIONS: [string, string][] = [
  ['When is Petro meeting Trump?', 'Who is the foreign minister?'],
  ['What did Locetta tell the Security Council?', 'What did she criticize?'],
  ['Why was Petro sanctioned?', 'When did the tensions ease?'],
  ['What will the White House meeting focus on?', 'Who confirmed the diplomatic guarantees?'],
];
/** Chat histories for POST /v1/chat/completions: two or three user messages. */
const CHATS: { role: 'user' | 'assistant'; content: string }[][] = [
  [
    { role: 'user', content: 'Tell me about Petro and Trump.' },
    { role: 'assistant', content: 'Colombian President Gustavo Petro said he was optimistic about a White House meeting with Trump. [1]' },
    { role: 'user', content: 'When do they meet?' },
  ],
  [
    { role: 'user', content: 'What happened at the Security Council?' },
    { role: 'assistant', content: 'Jennifer Locetta told the Security Council the U.S. remains deeply concerned. [1]' },
    { role: 'user', content: 'What did she criticize?' },
    { role: 'assistant', content: "She criticized Petro's approach to negotiations with armed groups. [1]" },
    { role: 'user', content: 'Who reviews the peace agreement?' },
  ],
  [
    { role: 'user', content: 'Who is Marco Rubio?' },
    { role: 'assistant', content: 'U.S. Secretary of State Marco Rubio held a cordial call to finalize preparations. [1]' },
    { role: 'user', content: 'Who did he talk to?' },
  ],
];

type Kind = 'POST /api/ask' | 'GET /api/ask' | 'conversation (2× POST /api/ask)' | 'POST /v1/chat/completions' | 'GET /health';
/** One cycle of the mix (13 requests): 4 POST asks, 3 GET asks, a conversation (2), 2 chats, 2 health checks. */
const CYCLE: Kind[] = [
  'POST /api/ask',
  'GET /api/ask',
  'POST /v1/chat/completions',
  'POST /api/ask',
  'GET /health',
  'conversation (2× POST /api/ask)',
  'GET /api/ask',
  'POST /api/ask',
  'POST /v1/chat/completions',
  'GET /api/ask',
  'POST /api/ask',
  'GET /health',
];

// ─── Options ─────────────────────────────────────────────────────────────────

interface Options {
  quick: boolean;
  docs: boolean;
  soak: number;
  soakConcurrency: number;
  sampleMs: number;
  /** Requests per throughput phase, by concurrency. */
  phases: { concurrency: number; requests: number }[];
  warmup: number;
  /** Time cap of each throughput phase (the soak is capped at 30 minutes). */
  phaseCapMs: number;
}

function options(): Options | undefined {
  const { values } = parseArgs({
    options: {
      quick: { type: 'boolean', default: false },
      docs: { type: 'boolean', default: false },
      soak: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    process.stdout.write(
      readFileSync(new URL(import.meta.url), 'utf8')
        .split('*/')[0]!
        .replace(/^\/\*\*?|^ \* ?/gm, '') + '\n',
    );
    return undefined;
  }
  const quick = values.quick;
  const soak = values.soak === undefined ? (quick ? 3_000 : 50_000) : Number(values.soak.replace(/[_,]/g, ''));
  if (!Number.isInteger(soak) || soak < 0) throw new HarnessError(`--soak wants a whole number of requests, not "${values.soak}"`);
  return {
    quick,
    docs: values.docs,
    soak,
    soakConcurrency: 10,
    sampleMs: quick ? 500 : 2_000,
    phases: quick
      ? [
          { concurrency: 1, requests: 200 },
          { concurrency: 10, requests: 500 },
          { concurrency: 50, requests: 1_000 },
        ]
      : [
          { concurrency: 1, requests: 2_000 },
          { concurrency: 10, requests: 5_000 },
          { concurrency: 50, requests: 10_000 },
        ],
    warmup: quick ? 100 : 500,
    phaseCapMs: quick ? 20_000 : 90_000,
  };
}

class HarnessError extends Error {}

// ─── The Worker under wrangler dev ───────────────────────────────────────────

interface ProcStat {
  pid: number;
  ppid: number;
  comm: string;
  /** utime + stime, seconds. */
  cpuS: number;
}

function procStat(pid: number | undefined): ProcStat | undefined {
  if (pid === undefined) return undefined;
  try {
    const s = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // "pid (comm) state ppid …": comm may hold spaces or parentheses, so split after the last ')'.
    const close = s.lastIndexOf(')');
    const rest = s.slice(close + 2).split(' ');
    return { pid, comm: s.slice(s.indexOf('(') + 1, close), ppid: Number(rest[1]), cpuS: (Number(rest[11]) + Number(rest[12])) / CLOCK_TICKS };
  } catch {
    return undefined;
  }
}

/** Resident set size of a process in bytes (VmRSS), or undefined once it is gone. */
function rssBytes(pid: number | undefined): number | undefined {
  if (pid === undefined) return undefined;
  try {
    const m = /^VmRSS:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) * 1024 : undefined;
  } catch {
    return undefined;
  }
}

/** Every process below `root`. */
function descendants(root: number): ProcStat[] {
  if (!HAS_PROC) return [];
  const all = readdirSync('/proc')
    .filter((d) => /^\d+$/.test(d))
    .map((d) => procStat(Number(d)))
    .filter((p): p is ProcStat => p !== undefined);
  const found: ProcStat[] = [];
  let frontier = new Set([root]);
  while (frontier.size > 0) {
    const next = all.filter((p) => frontier.has(p.ppid));
    found.push(...next);
    frontier = new Set(next.map((p) => p.pid));
  }
  return found;
}

async function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', fail);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => done(port));
    });
  });
}

interface Worker {
  url: string;
  config: string;
  /** The workerd that runs Briefbot (wrangler dev starts a second one, its dev proxy, in front of it); undefined without /proc. */
  workerPid: number | undefined;
  proxyPid: number | undefined;
  stop(): Promise<void>;
}

const running = new Set<Worker>();

/** `wrangler dev` on 127.0.0.1 with its own ports and a fresh local state folder; resolves once /health answers. */
async function startWorker(config: string): Promise<Worker> {
  const [port, inspector] = [await freePort(), await freePort()];
  const url = `http://127.0.0.1:${port}`;
  const state = mkdtempSync(join(tmpdir(), 'briefbot-load-'));
  let output = '';
  const wrangler: ChildProcess = spawn(
    process.execPath,
    [
      join(ROOT, 'node_modules', 'wrangler', 'bin', 'wrangler.js'),
      'dev',
      '--config',
      config,
      '--ip',
      '127.0.0.1',
      '--port',
      String(port),
      '--inspector-port',
      String(inspector),
      '--persist-to',
      state,
      '--show-interactive-dev-session=false',
      '--log-level',
      'warn',
    ],
    // Its own process group, so that stopping it also stops the workerd processes it started.
    { cwd: ROOT, env: { ...process.env, WRANGLER_SEND_METRICS: 'false', CI: 'true', NO_COLOR: '1' }, detached: true, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const keep = (chunk: Buffer) => (output = (output + chunk.toString()).slice(-8000));
  wrangler.stdout!.on('data', keep);
  wrangler.stderr!.on('data', keep);

  const stop = async () => {
    if (wrangler.exitCode === null && wrangler.signalCode === null && wrangler.pid) {
      const exited = new Promise((r) => wrangler.once('exit', r));
      try {
        process.kill(-wrangler.pid, 'SIGTERM');
      } catch {
        // already gone
      }
      const late = await Promise.race([exited.then(() => false), new Promise<boolean>((r) => setTimeout(() => r(true), 5_000))]);
      if (late) {
        try {
          process.kill(-wrangler.pid, 'SIGKILL');
        } catch {
          // gone meanwhile
        }
      }
    }
    rmSync(state, { recursive: true, force: true });
  };

  const deadline = Date.now() + 120_000;
  for (;;) {
    if (wrangler.exitCode !== null || wrangler.signalCode !== null) {
      await stop();
      throw new HarnessError(`wrangler dev exited (${wrangler.exitCode ?? wrangler.signalCode}) before it served /health:\n${output}`);
    }
    try {
      const res = await fetch(`${url}/health`);
      await res.arrayBuffer();
      if (res.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      await stop();
      throw new HarnessError(`wrangler dev did not serve /health within 120 s:\n${output}`);
    }
    await sleep(250);
  }

  // wrangler (a Node process, which re-executes itself) starts two workerd processes:
  // the dev proxy, listening on our port, and the one that runs the Worker.
  const workerds = descendants(wrangler.pid!).filter((p) => p.comm === 'workerd');
  const cmdline = (pid: number) => {
    try {
      return readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
    } catch {
      return [];
    }
  };
  const proxy = workerds.find((p) => cmdline(p.pid).includes(`--socket-addr=entry=127.0.0.1:${port}`));
  const worker = workerds.find((p) => p !== proxy) ?? proxy;
  if (!worker && HAS_PROC) {
    await stop();
    throw new HarnessError(`found no workerd process under wrangler dev (pid ${wrangler.pid})`);
  }
  const handle: Worker = {
    url,
    config,
    workerPid: worker?.pid,
    proxyPid: proxy && proxy !== worker ? proxy.pid : undefined,
    stop: async () => {
      running.delete(handle);
      await stop();
    },
  };
  running.add(handle);
  return handle;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

// ─── Clients ─────────────────────────────────────────────────────────────────

/** BRIEFBOT_API_KEY, if the developer set one (environment or .dev.vars): /v1/* then wants it. */
function apiKey(): string | undefined {
  if (process.env.BRIEFBOT_API_KEY) return process.env.BRIEFBOT_API_KEY;
  const file = join(ROOT, '.dev.vars');
  if (!existsSync(file)) return undefined;
  const m = /^\s*BRIEFBOT_API_KEY\s*=\s*["']?([^"'\r\n]*)["']?\s*$/m.exec(readFileSync(file, 'utf8'));
  return m?.[1] || undefined;
}

interface Outcome {
  status?: number;
  /** Connection failure or timeout. */
  error?: string;
  ms: number;
  headers?: Headers;
  body?: string;
}

/** One request through Node's fetch (undici: keep-alive connections, pooled per origin). */
async function send(url: string, method: 'GET' | 'POST', path: string, body?: unknown, headers: Record<string, string> = {}): Promise<Outcome> {
  const t0 = performance.now();
  try {
    const res = await fetch(url + path, {
      method,
      headers: body === undefined ? headers : { 'content-type': 'application/json', ...headers },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(30_000),
    });
    const text = await res.text();
    return { status: res.status, ms: performance.now() - t0, headers: res.headers, body: text };
  } catch (err) {
    const e = err as Error & { cause?: { code?: string } };
    return { error: e.name === 'TimeoutError' ? 'timeout' : (e.cause?.code ?? e.message), ms: performance.now() - t0 };
  }
}

interface Tally {
  latencies: number[];
  statuses: Record<string, number>;
  errors: Record<string, number>;
  byKind: Record<string, { requests: number; latencies: number[] }>;
  conversations: { withServerId: number; withoutId: number };
  /** The first body seen for each non-2xx status (what failed, for the report). */
  failures: Record<string, string>;
}

const newTally = (): Tally => ({ latencies: [], statuses: {}, errors: {}, byKind: {}, conversations: { withServerId: 0, withoutId: 0 }, failures: {} });

function record(t: Tally, kind: Kind, o: Outcome) {
  t.latencies.push(o.ms);
  const k = (t.byKind[kind] ??= { requests: 0, latencies: [] });
  k.requests++;
  k.latencies.push(o.ms);
  if (o.error !== undefined) t.errors[o.error] = (t.errors[o.error] ?? 0) + 1;
  else {
    t.statuses[String(o.status)] = (t.statuses[String(o.status)] ?? 0) + 1;
    if ((o.status ?? 0) >= 300) t.failures[String(o.status)] ??= `${kind}: ${(o.body ?? '').slice(0, 200)}`;
  }
}

/** The mix, one step at a time; each virtual client takes the next step. */
class Mix {
  private step = 0;
  private turn: Record<string, number> = {};
  constructor(
    private readonly url: string,
    private readonly auth: Record<string, string>,
  ) {}

  private pick<T>(kind: string, list: readonly T[]): T {
    const i = this.turn[kind] ?? 0;
    this.turn[kind] = i + 1;
    return list[i % list.length]!;
  }

  /** Requests the next step will send. */
  nextSize(): number {
    return CYCLE[this.step % CYCLE.length]!.startsWith('conversation') ? 2 : 1;
  }

  async run(t: Tally): Promise<void> {
    const kind = CYCLE[this.step++ % CYCLE.length]!;
    switch (kind) {
      case 'POST /api/ask':
        return record(t, kind, await send(this.url, 'POST', '/api/ask', { question: this.pick('post', QUESTIONS) }));
      case 'GET /api/ask':
        return record(t, kind, await send(this.url, 'GET', `/api/ask?q=${encodeURIComponent(this.pick('get', QUESTIONS_REVERSED))}`));
      case 'GET /health':
        return record(t, kind, await send(this.url, 'GET', '/health'));
      case 'POST /v1/chat/completions':
        return record(t, kind, await send(this.url, 'POST', '/v1/chat/completions', { model: 'briefbot', messages: this.pick('chat', CHATS) }, this.auth));
      case 'conversation (2× POST /api/ask)': {
        const [first, followUp] = this.pick('conversation', CONVERSATIONS);
        const a = await send(this.url, 'POST', '/api/ask', { question: first });
        record(t, kind, a);
        // Only an id the server issued goes back; without one the follow-up is asked alone.
        const id = conversationIdOf(a.body);
        if (id) t.conversations.withServerId++;
        else t.conversations.withoutId++;
        record(t, kind, await send(this.url, 'POST', '/api/ask', id ? { question: followUp, conversationId: id } : { question: followUp }));
        return;
      }
    }
  }
}

function conversationIdOf(body: string | undefined): string | undefined {
  if (!body) return undefined;
  try {
    const id = (JSON.parse(body) as { conversationId?: unknown }).conversationId;
    return typeof id === 'string' && id.length > 0 ? id : undefined;
  } catch {
    return undefined;
  }
}

// ─── Phases ──────────────────────────────────────────────────────────────────

interface PhaseResult {
  name: string;
  concurrency: number;
  requests: number;
  seconds: number;
  rps: number;
  p50: number;
  p99: number;
  max: number;
  non2xx: Record<string, number>;
  /** The first body of each non-2xx status. */
  failures: Record<string, string>;
  statuses: Record<string, number>;
  errors: Record<string, number>;
  /** The time cap ended the phase before its request count. */
  capped: boolean;
  /** CPU seconds spent during the phase. */
  cpu: { worker: number; proxy: number | undefined; client: number };
  /** The machine's 1-minute load average when the phase ended (other work on the machine shows here). */
  loadAverage: number;
  byKind: Record<string, { requests: number; p50: number; p99: number }>;
  conversations: Tally['conversations'];
}

async function phase(name: string, worker: Worker, auth: Record<string, string>, concurrency: number, requests: number, capMs: number): Promise<PhaseResult> {
  const tally = newTally();
  const mix = new Mix(worker.url, auth);
  const cpu0 = {
    worker: procStat(worker.workerPid)?.cpuS ?? 0,
    proxy: worker.proxyPid ? procStat(worker.proxyPid)?.cpuS : undefined,
    client: process.cpuUsage(),
  };
  const t0 = performance.now();
  let issued = 0;
  let capped = false;
  const client = async () => {
    while (issued < requests) {
      if (performance.now() - t0 > capMs) {
        capped = true;
        return;
      }
      issued += mix.nextSize();
      await mix.run(tally);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, client));
  const seconds = (performance.now() - t0) / 1000;
  const client1 = process.cpuUsage(cpu0.client);
  const proxyNow = worker.proxyPid ? procStat(worker.proxyPid)?.cpuS : undefined;
  const sorted = [...tally.latencies].sort((a, b) => a - b);
  const non2xx = Object.fromEntries(Object.entries(tally.statuses).filter(([s]) => !s.startsWith('2')));
  const result: PhaseResult = {
    name,
    concurrency,
    requests: sorted.length,
    seconds,
    rps: sorted.length / seconds,
    p50: percentile(sorted, 50),
    p99: percentile(sorted, 99),
    max: sorted[sorted.length - 1] ?? NaN,
    non2xx,
    failures: tally.failures,
    statuses: tally.statuses,
    errors: tally.errors,
    capped,
    cpu: {
      worker: (procStat(worker.workerPid)?.cpuS ?? NaN) - cpu0.worker,
      proxy: proxyNow !== undefined && cpu0.proxy !== undefined ? proxyNow - cpu0.proxy : undefined,
      client: (client1.user + client1.system) / 1e6,
    },
    loadAverage: loadavg()[0]!,
    byKind: Object.fromEntries(
      Object.entries(tally.byKind).map(([k, v]) => {
        const s = v.latencies.sort((a, b) => a - b);
        return [k, { requests: v.requests, p50: percentile(s, 50), p99: percentile(s, 99) }];
      }),
    ),
    conversations: tally.conversations,
  };
  process.stderr.write(
    `load: ${name}: ${result.requests} requests in ${seconds.toFixed(1)} s, ${result.rps.toFixed(0)} req/s, p50 ${f(result.p50)} ms, p99 ${f(result.p99)} ms` +
      `${Object.keys(non2xx).length ? `, non-2xx ${JSON.stringify(non2xx)} (first: ${JSON.stringify(tally.failures)})` : ''}${Object.keys(tally.errors).length ? `, errors ${JSON.stringify(tally.errors)}` : ''}${capped ? ' (time cap)' : ''}\n`,
  );
  return result;
}

interface MemorySample {
  /** Seconds since the soak started. */
  t: number;
  workerRss: number;
  proxyRss: number | undefined;
}

interface SoakMemory {
  intervalMs: number;
  samples: MemorySample[];
  worker: PlateauVerdict & { startMB: number; peakMB: number; endMB: number };
  proxy: (PlateauVerdict & { startMB: number; peakMB: number; endMB: number }) | undefined;
}

/** Sample VmRSS of the Worker's workerd (and the dev proxy's) every `intervalMs` while `work` runs. */
async function sampled<T>(worker: Worker, intervalMs: number, work: () => Promise<T>): Promise<{ result: T; memory: SoakMemory }> {
  const samples: MemorySample[] = [];
  const t0 = performance.now();
  const take = () => {
    const workerRss = rssBytes(worker.workerPid);
    if (workerRss !== undefined)
      samples.push({ t: (performance.now() - t0) / 1000, workerRss, proxyRss: worker.proxyPid ? rssBytes(worker.proxyPid) : undefined });
  };
  take();
  const timer = setInterval(take, intervalMs);
  try {
    const result = await work();
    take();
    const summary = (values: number[]) => ({
      ...plateau(values),
      startMB: (values[0] ?? NaN) / MB,
      peakMB: Math.max(...values) / MB,
      endMB: (values[values.length - 1] ?? NaN) / MB,
    });
    const proxy = samples.map((s) => s.proxyRss).filter((v): v is number => v !== undefined);
    return {
      result,
      memory: {
        intervalMs,
        samples,
        worker: summary(samples.map((s) => s.workerRss)),
        proxy: proxy.length === samples.length && proxy.length > 0 ? summary(proxy) : undefined,
      },
    };
  } finally {
    clearInterval(timer);
  }
}

interface Flood {
  config: string;
  blocks: RateLimitBlock[];
  /** Requests sent (stops at the first 429, or at `cap`). */
  sent: number;
  cap: number;
  path: string;
  /** 1-based position of the first 429, if any. */
  first429?: number;
  retryAfter?: string | null;
  errorCode?: string;
  statuses: Record<string, number>;
  errors: number;
  /** After the first 429: one chat completion and one health check, from the same client. */
  after?: { chat: number | string; health: number | string };
}

/** One client, one request at a time, GET /api/ask until the first 429 (or `cap` requests). */
async function flood(worker: Worker, blocks: RateLimitBlock[], auth: Record<string, string>, cap: number): Promise<Flood> {
  const path = `/api/ask?q=${encodeURIComponent(ANSWERABLE[0]!)}`;
  const out: Flood = {
    config: worker.config === CONFIG ? 'wrangler.toml' : worker.config,
    blocks,
    sent: 0,
    cap,
    path: 'GET /api/ask?q=…',
    statuses: {},
    errors: 0,
  };
  while (out.sent < cap) {
    const o = await send(worker.url, 'GET', path);
    out.sent++;
    if (o.error !== undefined) {
      out.errors++;
      continue;
    }
    out.statuses[String(o.status)] = (out.statuses[String(o.status)] ?? 0) + 1;
    if (o.status === 429) {
      out.first429 = out.sent;
      out.retryAfter = o.headers?.get('retry-after') ?? null;
      try {
        out.errorCode = (JSON.parse(o.body ?? '') as { error?: { code?: string } }).error?.code;
      } catch {
        out.errorCode = undefined;
      }
      const chat = await send(worker.url, 'POST', '/v1/chat/completions', { model: 'briefbot', messages: CHATS[0] }, auth);
      const health = await send(worker.url, 'GET', '/health');
      out.after = { chat: chat.status ?? chat.error!, health: health.status ?? health.error! };
      break;
    }
  }
  process.stderr.write(
    `load: flood: ${out.first429 ? `first 429 at request ${out.first429}, Retry-After ${out.retryAfter ?? 'missing'}` : `no 429 in ${out.sent} requests`}\n`,
  );
  return out;
}

// ─── Report ──────────────────────────────────────────────────────────────────

const f = (n: number | undefined) => (n === undefined || !Number.isFinite(n) ? '–' : n >= 100 ? n.toFixed(0) : n >= 10 ? n.toFixed(1) : n.toFixed(2));
const int = (n: number) => Math.round(n).toLocaleString('en-US');
const counts = (r: Record<string, number>) =>
  Object.keys(r).length === 0
    ? '0'
    : Object.entries(r)
        .map(([k, v]) => `${int(v)} × ${k}`)
        .join(', ');

function table(phases: PhaseResult[]): string {
  return (
    '| phase | concurrency | requests | s | req/s | p50 ms | p99 ms | max ms | non-2xx | errors | CPU s: Worker / dev proxy / load client | load average |\n' +
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- | --- | ---: | ---: |\n' +
    phases
      .map(
        (p) =>
          `| ${p.name}${p.capped ? ' (time cap)' : ''} | ${p.concurrency} | ${int(p.requests)} | ${p.seconds.toFixed(1)} | ${int(p.rps)} | ${f(p.p50)} | ${f(p.p99)} | ${f(p.max)} | ${counts(p.non2xx)} | ${counts(p.errors)} | ${f(p.cpu.worker)} / ${f(p.cpu.proxy)} / ${f(p.cpu.client)} | ${p.loadAverage.toFixed(1)} |`,
      )
      .join('\n') +
    '\n'
  );
}

function mixLine(phases: PhaseResult[]): string {
  const total: Record<string, number> = {};
  let all = 0;
  for (const p of phases) {
    for (const [k, v] of Object.entries(p.byKind)) {
      total[k] = (total[k] ?? 0) + v.requests;
      all += v.requests;
    }
  }
  return Object.entries(total)
    .sort((a, b) => b[1] - a[1])
    .map(([k, v]) => `${k} ${((100 * v) / all).toFixed(0)} %`)
    .join(', ');
}

function memoryLine(m: SoakMemory): string {
  const w = m.worker;
  if (w.samples === 0) return 'Soak memory: not sampled (the process figures come from /proc, which this system does not have).';
  const part = (label: string, v: NonNullable<SoakMemory['proxy']>) =>
    `${label}: ${f(v.startMB)} MB at the start, peak ${f(v.peakMB)}, end ${f(v.endMB)}; mean of the second quarter ${f(v.secondQuarterMean / MB)} MB, of the last ${f(v.lastQuarterMean / MB)} MB, ratio ${v.ratio.toFixed(3)}: **${v.verdict}**`;
  return (
    `Soak memory (VmRSS from /proc, every ${m.intervalMs / 1000} s, ${w.samples} samples). ${part('workerd running the Worker', w)}.` +
    (m.proxy ? ` ${part("wrangler's dev proxy (a second workerd)", m.proxy)}.` : '')
  );
}

function floodLine(fl: Flood): string {
  if (fl.blocks.length === 0) {
    return `Rate limit: no rate limit configured (wrangler.toml has no [[ratelimits]]); one client sent ${int(fl.sent)} × ${fl.path} back to back: ${counts(fl.statuses)}${fl.errors ? `, ${fl.errors} connection errors` : ''}.`;
  }
  const limits = fl.blocks.map((b) => `${b.name || '(unnamed)'} ${b.limit ?? '?'} per ${b.period ?? '?'} s`).join(', ');
  const head = `Rate limit (wrangler.toml as it is: ${limits}): one client sent ${fl.path} back to back`;
  if (fl.first429 === undefined) return `${head}; no 429 in ${int(fl.sent)} requests (${counts(fl.statuses)}).`;
  return (
    `${head}; the first 429 came at request ${int(fl.first429)}, ${fl.retryAfter ? `with Retry-After: ${fl.retryAfter}` : '**without** Retry-After'}` +
    `${fl.errorCode ? `, error code "${fl.errorCode}"` : ''}; right after it, POST /v1/chat/completions answered ${fl.after?.chat} and GET /health ${fl.after?.health}.` +
    ' (Miniflare counts in fixed windows aligned to the period, so a window that turns over during the flood lets up to twice the limit through.)'
  );
}

function version(pkg: string): string {
  try {
    return (JSON.parse(readFileSync(join(ROOT, 'node_modules', pkg, 'package.json'), 'utf8')) as { version: string }).version;
  } catch {
    return '?';
  }
}

function writeDocs(md: string) {
  const file = join(ROOT, 'docs', 'benchmarks.md');
  const start = '<!-- load:start (generated by npm run load -- --docs) -->';
  const end = '<!-- load:end -->';
  const doc = readFileSync(file, 'utf8');
  const i = doc.indexOf(start);
  const j = doc.indexOf(end);
  if (i < 0 || j < i) throw new HarnessError('docs/benchmarks.md has lost its load markers (<!-- load:start … --> / <!-- load:end -->)');
  writeFileSync(file, doc.slice(0, i + start.length) + '\n' + md + doc.slice(j));
  process.stderr.write('load: updated docs/benchmarks.md\n');
}

// ─── Main ────────────────────────────────────────────────────────────────────

async function preflight(worker: Worker, auth: Record<string, string>) {
  const ask = await send(worker.url, 'POST', '/api/ask', { question: ANSWERABLE[0] });
  const answer = ask.body && ask.status === 200 ? (JSON.parse(ask.body) as { answered?: unknown; answer?: unknown }) : undefined;
  if (!answer || typeof answer.answer !== 'string')
    throw new HarnessError(`preflight: POST /api/ask answered ${ask.status ?? ask.error}: ${ask.body?.slice(0, 300) ?? ''}`);
  const chat = await send(worker.url, 'POST', '/v1/chat/completions', { model: 'briefbot', messages: CHATS[0] }, auth);
  if (chat.status !== 200) {
    throw new HarnessError(
      `preflight: POST /v1/chat/completions answered ${chat.status ?? chat.error}${chat.status === 401 ? ' (BRIEFBOT_API_KEY is set in the Worker but not in this shell or .dev.vars)' : ''}: ${chat.body?.slice(0, 300) ?? ''}`,
    );
  }
}

async function main(): Promise<number> {
  const started = Date.now();
  const opts = options();
  if (!opts) return 0;
  if (!existsSync(join(ROOT, 'src', 'generated', 'index.bin'))) {
    process.stderr.write('load: src/generated/index.bin is missing; running npm run build first…\n');
    const build = spawnSync('npm', ['run', 'build'], { cwd: ROOT, stdio: 'inherit' });
    if (build.status !== 0) throw new HarnessError('npm run build failed; fix it, then run npm run load again');
  }
  const loadStart = loadavg()[0]!;
  const original = readFileSync(CONFIG, 'utf8');
  const raised = raiseRateLimits(original);
  const limited = raised.blocks.length > 0;
  const auth: Record<string, string> = apiKey() ? { authorization: `Bearer ${apiKey()}` } : {};

  const phases: PhaseResult[] = [];
  let memory: SoakMemory;
  let fl: Flood;
  let briefs = '';
  try {
    if (limited)
      writeFileSync(
        LOAD_CONFIG,
        `# Written by npm run load (bench/load.ts) and removed when it ends: wrangler.toml with every [[ratelimits]] limit raised to ${RAISED_LIMIT}.\n${raised.text}`,
      );
    process.stderr.write(
      `load: starting the Worker (wrangler dev, ${limited ? `${raised.blocks.length} [[ratelimits]] raised to ${RAISED_LIMIT} in wrangler.load.toml` : 'wrangler.toml, no [[ratelimits]]'})…\n`,
    );
    const worker = await startWorker(limited ? LOAD_CONFIG : CONFIG);
    try {
      const health = JSON.parse((await send(worker.url, 'GET', '/health')).body ?? '{}') as { index?: { briefs?: number; passages?: number } };
      briefs = `${health.index?.briefs ?? '?'} brief(s), ${health.index?.passages ?? '?'} passages`;
      await preflight(worker, auth);
      await phase('warm-up', worker, auth, 10, opts.warmup, opts.phaseCapMs);
      for (const p of opts.phases) phases.push(await phase(`concurrency ${p.concurrency}`, worker, auth, p.concurrency, p.requests, opts.phaseCapMs));
      const soak = await sampled(worker, opts.sampleMs, () => phase('soak', worker, auth, opts.soakConcurrency, opts.soak, 30 * 60_000));
      phases.push(soak.result);
      memory = soak.memory;
      process.stderr.write(`load: soak memory: ${memory.worker.verdict} (last quarter / second quarter = ${memory.worker.ratio.toFixed(3)})\n`);
      if (!limited) fl = await flood(worker, [], auth, opts.quick ? 200 : 500);
    } finally {
      await worker.stop();
    }
    if (limited) {
      rmSync(LOAD_CONFIG, { force: true });
      process.stderr.write('load: restarting the Worker with wrangler.toml as it is, for the rate-limit flood…\n');
      const real = await startWorker(CONFIG);
      try {
        const biggest = Math.max(...raised.blocks.map((b) => b.limit ?? 0));
        fl = await flood(real, raised.blocks, auth, Math.min(10_000, Math.max(200, 2 * biggest + 50)));
      } finally {
        await real.stop();
      }
    }
  } finally {
    rmSync(LOAD_CONFIG, { force: true });
  }

  const tookS = Math.round((Date.now() - started) / 1000);
  const load = `load average ${loadStart.toFixed(1)} at start, ${loadavg()[0]!.toFixed(1)} at end`;
  const machine = `${cpus()[0]?.model.trim() ?? 'unknown CPU'}, ${cpus().length} cores, ${(totalmem() / 1024 ** 3).toFixed(0)} GB RAM, Node ${process.version}, ${process.platform}; ${load}`;
  const conv = phases.reduce((a, p) => ({ withServerId: a.withServerId + p.conversations.withServerId, withoutId: a.withoutId + p.conversations.withoutId }), {
    withServerId: 0,
    withoutId: 0,
  });
  const md =
    `Machine: ${machine}. Date: ${new Date().toISOString().slice(0, 10)}. Worker: \`wrangler dev\` ${version('wrangler')} (workerd ${version('workerd')}) on 127.0.0.1, index of ${briefs}; ` +
    (limited
      ? `the phases below ran with the ${raised.blocks.length} [[ratelimits]] limit(s) raised to ${int(RAISED_LIMIT)}, so they measure throughput below the rate limit. `
      : 'wrangler.toml declares no [[ratelimits]]. ') +
    `Run took ${tookS} s${opts.quick ? ' (--quick)' : ''}.\n\n` +
    table(phases) +
    '\n' +
    `- Mix: ${mixLine(phases)}. Conversations: ${conv.withServerId ? `${int(conv.withServerId)} follow-ups sent the conversationId the server issued` : 'the server issued no conversationId, so follow-ups were asked alone'}${conv.withServerId && conv.withoutId ? ` (${int(conv.withoutId)} got none)` : ''}.\n` +
    `- ${memoryLine(memory!)}\n` +
    `- ${floodLine(fl!)}\n`;
  process.stdout.write('\n' + md);
  mkdirSync(join(ROOT, 'bench', 'results'), { recursive: true });
  writeFileSync(
    join(ROOT, 'bench', 'results', 'load.json'),
    JSON.stringify(
      {
        machine,
        date: new Date().toISOString(),
        tookS,
        options: opts,
        worker: { wrangler: version('wrangler'), workerd: version('workerd'), index: briefs, rateLimitsRaised: limited ? RAISED_LIMIT : null },
        phases,
        memory: memory!,
        flood: fl!,
      },
      null,
      2,
    ) + '\n',
  );
  process.stderr.write('load: raw figures in bench/results/load.json\n');
  if (opts.docs) writeDocs(md);
  return 0;
}

/** Ctrl-C: stop the workers this run started and remove the temporary config. */
process.once('SIGINT', () => {
  rmSync(LOAD_CONFIG, { force: true });
  void Promise.all([...running].map((w) => w.stop())).finally(() => process.exit(130));
});

main().then(
  (code) => (process.exitCode = code),
  (err: unknown) => {
    process.stderr.write(`load: ${err instanceof HarnessError ? err.message : ((err as Error).stack ?? String(err))}\n`);
    rmSync(LOAD_CONFIG, { force: true });
    process.exitCode = 1;
  },
);
