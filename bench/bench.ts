// Measures the log engine on generated logs: load time, memory, query and
// histogram latency. Prints figures and asserts nothing: machines differ.
import { Index } from 'flexsearch';
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { silenceSdkNodeVersionWarning } from '../src/main/aws/nodeVersionWarning';
import { LogEngine } from '../src/main/logs/logEngine';
import { jsonLine, nginxLine, RARE_WORD, writeLog } from './generateLogs';
import { benchPull } from './pullBench';

interface Workload {
  name: string;
  line: typeof nginxLine;
  queries: string[];
}

const WORKLOADS: Workload[] = [
  {
    name: 'nginx combined',
    line: nginxLine,
    queries: [
      'checkout',
      '"POST /api/orders"',
      'method:POST',
      'status:>=500',
      '(checkout OR login) -status:200',
      RARE_WORD,
    ],
  },
  {
    name: 'JSON',
    line: jsonLine,
    queries: [
      'timeout',
      '"payment authorised"',
      'user:user42',
      'status:>=500',
      'level:error OR (upstream AND -status:200)',
      RARE_WORD,
    ],
  },
];

const ROUNDS = 15;

function print(line: string): void {
  process.stdout.write(`${line}\n`);
}
const collectGarbage = (globalThis as { gc?: () => void }).gc;

function option(name: string): string | undefined {
  const at = process.argv.indexOf(name);
  return at >= 0 ? process.argv[at + 1] : undefined;
}

function heapUsed(): number {
  collectGarbage?.();
  collectGarbage?.();
  return process.memoryUsage().heapUsed + process.memoryUsage().arrayBuffers;
}

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;
const ms = (value: number) => `${value < 10 ? value.toFixed(2) : value.toFixed(0)} ms`;

function percentile(samples: number[], fraction: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(fraction * sorted.length))];
}

async function benchEngine(file: string, workload: Workload): Promise<void> {
  const fileBytes = (await stat(file)).size;
  const heapBefore = heapUsed();
  const engine = new LogEngine();
  const loadStarted = performance.now();
  await engine.open([file]);
  await engine.whenLoaded();
  const loadMs = performance.now() - loadStarted;
  const [source] = await engine.sources();
  const heapGrowth = heapUsed() - heapBefore;
  print(
    `  format ${source.format}, ${source.records} records${source.problem ? `, ${source.problem}` : ''}`,
  );
  const seconds = loadMs / 1000;
  print(
    `  load (read, parse, index): ${ms(loadMs)}, ${Math.round(source.records / seconds).toLocaleString('en')} lines/s, ${(fileBytes / 1024 / 1024 / seconds).toFixed(1)} MB/s`,
  );
  print(`  heap growth ${mb(heapGrowth)}, rss ${mb(process.memoryUsage().rss)}`);

  // Round-robin over the queries so the engine's last-query cache never answers.
  const samples = new Map<string, number[]>(workload.queries.map((query) => [query, []]));
  const totals = new Map<string, number>();
  for (let round = 0; round < ROUNDS; round += 1) {
    for (const query of workload.queries) {
      const started = performance.now();
      const page = await engine.search({ query, offset: 0, limit: 200 });
      samples.get(query)!.push(performance.now() - started);
      totals.set(query, page.total);
    }
  }
  for (const [query, times] of samples) {
    print(
      `  query ${query.padEnd(44)} ${String(totals.get(query)).padStart(8)} hits  p50 ${ms(percentile(times, 0.5))}  p95 ${ms(percentile(times, 0.95))}`,
    );
  }

  for (const query of ['', workload.queries[3]]) {
    const times: number[] = [];
    let bars = 0;
    for (let round = 0; round < 5; round += 1) {
      await engine.search({ query: 'x', offset: 0, limit: 1 });
      const started = performance.now();
      const histogram = await engine.histogram({
        query,
        bucket: 'auto',
        timeZone: 'Europe/Berlin',
      });
      times.push(performance.now() - started);
      bars = histogram.buckets.length;
    }
    print(
      `  histogram ${JSON.stringify(query)}: ${bars} bars, p50 ${ms(percentile(times, 0.5))} (query included)`,
    );
  }
  await engine.dispose();
}

/** The approach DESIGN.md rules out: one FlexSearch document per line, default options. */
async function benchNaive(file: string): Promise<void> {
  const heapBefore = heapUsed();
  const started = performance.now();
  const index = new Index();
  const lines = (await readFile(file, 'utf8')).split('\n');
  lines.forEach((line, id) => index.add(id, line));
  const loadMs = performance.now() - started;
  const heapGrowth = heapUsed() - heapBefore;
  const queryStarted = performance.now();
  const hits = index.search('checkout', { limit: 1_000_000 }).length;
  print(
    `  naive FlexSearch (a document per line): load ${ms(loadMs)}, heap growth ${mb(heapGrowth)}, "checkout" ${hits} hits in ${ms(performance.now() - queryStarted)}`,
  );
  lines.length = 0;
}

async function main(): Promise<void> {
  const lines = Number(option('--lines') ?? 1_000_000);
  // `--pull-only` measures the CloudWatch pull alone; `--no-pull` leaves it out.
  const pull = () =>
    benchPull({
      events: Number(option('--pull-events') ?? 1_000_000),
      quota: Number(option('--pull-quota') ?? 5),
      print,
    });
  if (process.argv.includes('--pull-only')) return pull();
  const folder = await mkdtemp(path.join(tmpdir(), 'opsdesk-bench-'));
  print(
    `Opsdesk log engine bench: ${lines} lines per file${collectGarbage ? '' : ' (run with --expose-gc for exact heap figures)'}`,
  );
  try {
    for (const [index, workload] of WORKLOADS.entries()) {
      const file = path.join(folder, `bench-${index}.log`);
      await writeLog(file, lines, 42 + index, workload.line);
      print(`\n${workload.name}: ${mb((await stat(file)).size)}`);
      await benchEngine(file, workload);
      if (process.argv.includes('--naive') && index === 0) await benchNaive(file);
    }
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
  if (!process.argv.includes('--no-pull')) await pull();
}

silenceSdkNodeVersionWarning();
void main();
