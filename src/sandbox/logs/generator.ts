import { createRandom, hashSeed, seededUuid, type Random } from '../random';

/** The kinds of log content the demo account's groups hold. */
export type LogContentKind = 'web' | 'worker' | 'lambda';

/** Makes the message of generated event `index` at `timestamp`; pure, so events need no storage. */
export type MessageGenerator = (index: number, timestamp: number) => string;

const PATHS = ['/api/orders', '/api/orders/{id}', '/api/customers/{id}', '/api/stock', '/health'];
const AGENTS = [
  'Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Safari/605.1.15',
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Safari/537.36',
  'okhttp/4.12.0',
];
const JOBS = ['send-invoice', 'sync-stock', 'resize-image', 'nightly-report', 'expire-carts'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** Formats a time as nginx's `$time_local` in UTC, e.g. `03/Dec/2026:12:51:40 +0000`. */
function nginxTime(timestamp: number): string {
  const date = new Date(timestamp);
  const pad = (value: number) => String(value).padStart(2, '0');
  return (
    `${pad(date.getUTCDate())}/${MONTHS[date.getUTCMonth()]}/${date.getUTCFullYear()}:` +
    `${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}:${pad(date.getUTCSeconds())} +0000`
  );
}

/** Whether a stretch of events is an incident: errors cluster, as they do in production. */
function inIncident(seed: number, index: number, stretch: number): boolean {
  return hashSeed(seed, 'incident', Math.floor(index / stretch)) % 23 === 0;
}

function webLine(seed: number, index: number, timestamp: number, random: Random): string {
  const incident = inIncident(seed, index, 200);
  if (random.next() < 0.7) {
    const path = random.pick(PATHS).replace('{id}', String(random.int(1000, 99999)));
    if (path === '/health') {
      const client = `10.0.${random.int(0, 3)}.${random.int(2, 254)}`;
      return `${client} - - [${nginxTime(timestamp)}] "GET /health HTTP/1.1" 200 2 "-" "ELB-HealthChecker/2.0" 0.001`;
    }
    const method = path === '/api/orders' && random.next() < 0.4 ? 'POST' : 'GET';
    const failing = random.next() < (incident ? 0.3 : 0.01);
    const status = failing
      ? random.pick([500, 502, 504])
      : random.pick([200, 200, 200, 201, 304, 404]);
    const seconds = (random.int(2, failing ? 30000 : 400) / 1000).toFixed(3);
    const client = `10.0.${random.int(0, 3)}.${random.int(2, 254)}`;
    return (
      `${client} - - [${nginxTime(timestamp)}] "${method} ${path} HTTP/1.1" ${status} ` +
      `${random.int(80, 24000)} "-" "${random.pick(AGENTS)}" ${seconds}`
    );
  }

  const requestId = random.hex(16);
  const time = new Date(timestamp).toISOString();
  if (random.next() < (incident ? 0.4 : 0.02)) {
    const stack = `Error: upstream timeout after 30000ms\n    at OrdersClient.fetch (/app/dist/orders.js:88:13)\n    at async handler (/app/dist/routes.js:41:5)`;
    return JSON.stringify({
      time,
      level: 'error',
      logger: 'orders',
      msg: 'request failed',
      requestId,
      err: { type: 'TimeoutError', message: 'upstream timeout after 30000ms', stack },
    });
  }
  const orderId = random.int(1000, 99999);
  return JSON.stringify({
    time,
    level: random.next() < 0.1 ? 'warn' : 'info',
    logger: 'orders',
    msg: random.pick(['order created', 'order paid', 'stock reserved', 'cache miss']),
    requestId,
    orderId,
    durationMs: random.int(1, 900),
  });
}

const STACK_LINES = [
  '    at TCPConnectWrap.afterConnect [as oncomplete] (node:net:1607:16)',
  '    at Pool.connect (/app/node_modules/pg-pool/index.js:45:11)',
  '    at StockJob.run (/app/dist/jobs/syncStock.js:27:21)',
  '    at Worker.process (/app/dist/worker.js:112:9)',
];

function workerLine(seed: number, index: number, timestamp: number, random: Random): string {
  const time = new Date(timestamp).toISOString();
  const block = Math.floor(index / 8);
  const inBlock = index % 8;

  // A failing job prints its error and stack as separate events, as the
  // awslogs driver splits output by line.
  if (hashSeed(seed, 'failing-job', block) % (inIncident(seed, index, 400) ? 2 : 17) === 0) {
    if (inBlock === 0) {
      return `${time} \u001b[31mERROR\u001b[39m [worker-1] job=sync-stock id=${block} failed: Error: connect ECONNREFUSED 10.0.2.14:5432`;
    }
    if (inBlock <= STACK_LINES.length) return STACK_LINES[inBlock - 1];
  }

  const job = random.pick(JOBS);
  if (random.next() < 0.06) {
    return `${time} \u001b[33mWARN\u001b[39m  [worker-1] job=${job} id=${random.int(1, 99999)} retrying (attempt ${random.int(2, 5)})`;
  }
  return `${time} \u001b[32mINFO\u001b[39m  [worker-1] job=${job} id=${random.int(1, 99999)} took ${random.int(3, 4000)}ms`;
}

function lambdaLine(seed: number, index: number, timestamp: number, random: Random): string {
  const invocation = Math.floor(index / 4);
  const requestId = seededUuid(createRandom(hashSeed(seed, 'invocation', invocation)));
  const time = new Date(timestamp).toISOString();

  switch (index % 4) {
    case 0:
      return `START RequestId: ${requestId} Version: $LATEST`;
    case 1:
      return `${time}\t${requestId}\tINFO\tDeploying sha256:${createRandom(hashSeed(seed, 'digest', invocation)).hex(64)} to service ${random.pick(['web', 'worker'])}`;
    case 2:
      return `END RequestId: ${requestId}`;
    default: {
      const duration = random.int(800, 9000) + random.int(0, 99) / 100;
      const init =
        random.next() < 0.2
          ? `\tInit Duration: ${random.int(150, 600)}.${random.int(10, 99)} ms`
          : '';
      return (
        `REPORT RequestId: ${requestId}\tDuration: ${duration.toFixed(2)} ms\t` +
        `Billed Duration: ${Math.ceil(duration)} ms\tMemory Size: 512 MB\t` +
        `Max Memory Used: ${random.int(70, 140)} MB${init}`
      );
    }
  }
}

const LINE_MAKERS = { web: webLine, worker: workerLine, lambda: lambdaLine };

/** The message generator for one log group's kind of content. */
export function messageGenerator(kind: LogContentKind, seed: number): MessageGenerator {
  const makeLine = LINE_MAKERS[kind];
  return (index, timestamp) =>
    makeLine(seed, index, timestamp, createRandom(hashSeed(seed, kind, index)));
}
