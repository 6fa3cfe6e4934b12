/**
 * Child process of the bench: load one index from disk in a fresh Node
 * process and measure load time, heap after load and query latency.
 *
 *   node --expose-gc --import tsx bench/measure-node.ts --kind ours|plain --data FILE --queries FILE.json [--warmup N (default: every warm-up question)]
 *
 * Prints one JSON object on stdout.
 * @module
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { load, type Kind } from './variants.js';

const { values } = parseArgs({
  options: { kind: { type: 'string' }, data: { type: 'string' }, queries: { type: 'string' }, warmup: { type: 'string' } },
});
const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error('run with --expose-gc');

const { timed, warm } = JSON.parse(readFileSync(values.queries!, 'utf8')) as { timed: string[]; warm: string[] };
// The Buffer itself (no copy), so that freeing a copy does not show up as negative buffer memory.
const bytes: Uint8Array = readFileSync(values.data!);
gc();
gc();
const cpu = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
const before = process.memoryUsage();
const t0 = performance.now();
const c0 = cpu();
const ask = load(values.kind as Kind, bytes);
const loadMs = performance.now() - t0;
const loadCpuMs = cpu() - c0;
gc();
gc();
const after = process.memoryUsage();

const tf = performance.now();
ask(timed[0]!);
const firstQueryMs = performance.now() - tf;
for (const q of values.warmup === undefined ? warm : warm.slice(0, Number(values.warmup))) ask(q);
// Wall-clock and CPU time per query: other work on a shared machine inflates the first, not the second.
const times: number[] = [];
const cpuTimes: number[] = [];
for (const q of timed) {
  const s = performance.now();
  const c = cpu();
  ask(q);
  cpuTimes.push(cpu() - c);
  times.push(performance.now() - s);
}
times.sort((a, b) => a - b);
cpuTimes.sort((a, b) => a - b);
const at = (list: number[], p: number) => list[Math.min(list.length - 1, Math.floor((p / 100) * list.length))]!;
const pct = (p: number) => at(times, p);
gc();
const end = process.memoryUsage();
const mb = (n: number) => n / 1024 / 1024;
process.stdout.write(
  JSON.stringify({
    loadMs,
    heapMB: mb(after.heapUsed - before.heapUsed),
    arrayBuffersMB: mb(after.arrayBuffers - before.arrayBuffers),
    heapAfterQueriesMB: mb(end.heapUsed - before.heapUsed),
    firstQueryMs,
    queries: times.length,
    p50: pct(50),
    p95: pct(95),
    p99: pct(99),
    max: times[times.length - 1],
    loadCpuMs,
    cpu: { p50: at(cpuTimes, 50), p95: at(cpuTimes, 95), p99: at(cpuTimes, 99) },
  }) + '\n',
);
