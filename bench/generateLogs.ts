import { createWriteStream } from 'node:fs';

/** A small seeded generator (mulberry32), so every run writes the same files. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let mixed = state;
    mixed = Math.imul(mixed ^ (mixed >>> 15), mixed | 1);
    mixed ^= mixed + Math.imul(mixed ^ (mixed >>> 7), mixed | 61);
    return ((mixed ^ (mixed >>> 14)) >>> 0) / 4294967296;
  };
}

const PATHS = [
  '/',
  '/api/items',
  '/api/items/42',
  '/api/orders',
  '/login',
  '/static/app.js',
  '/health',
  '/api/search?q=shoes',
  '/checkout',
  '/api/users/me',
];
const METHODS = ['GET', 'GET', 'GET', 'GET', 'POST', 'PUT', 'DELETE'];
const AGENTS = [
  'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0 Safari/537.36',
  'Mozilla/5.0 (Macintosh; Intel Mac OS X 14_4) AppleWebKit/605.1.15 Version/17.4 Safari/605.1.15',
  'curl/8.5.0',
  'kube-probe/1.29',
];
const MESSAGES = [
  'request finished',
  'cache miss',
  'payment authorised',
  'user signed in',
  'order created',
  'upstream timeout',
  'retrying request',
];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
/** One line in this many carries the rare word the bench searches for. */
export const RARE_EVERY = 100_000;
export const RARE_WORD = 'segfault';

function pick<T>(random: () => number, items: T[]): T {
  return items[Math.floor(random() * items.length)];
}

function status(random: () => number): number {
  const roll = random();
  return roll < 0.9 ? 200 : roll < 0.95 ? 404 : roll < 0.98 ? 302 : roll < 0.995 ? 500 : 503;
}

function nginxTime(at: number): string {
  const date = new Date(at);
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${pad(date.getUTCDate())}/${MONTHS[date.getUTCMonth()]}/${date.getUTCFullYear()}:${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}:${pad(date.getUTCSeconds())} +0000`;
}

/** One nginx "combined" access log line. */
export function nginxLine(random: () => number, at: number, index: number): string {
  const ip = `10.${Math.floor(random() * 4)}.${Math.floor(random() * 256)}.${Math.floor(random() * 256)}`;
  const path = index % RARE_EVERY === 7 ? `/${RARE_WORD}/report` : pick(random, PATHS);
  const size = Math.floor(random() * 50_000);
  return `${ip} - - [${nginxTime(at)}] "${pick(random, METHODS)} ${path} HTTP/1.1" ${status(random)} ${size} "-" "${pick(random, AGENTS)}"`;
}

/** One line of a structured JSON application log. */
export function jsonLine(random: () => number, at: number, index: number): string {
  const code = status(random);
  const level = code >= 500 ? 'error' : random() < 0.05 ? 'warn' : 'info';
  const message =
    index % RARE_EVERY === 7 ? `worker crashed with ${RARE_WORD}` : pick(random, MESSAGES);
  const requestId = Math.floor(random() * 0xffffffff)
    .toString(16)
    .padStart(8, '0');
  return JSON.stringify({
    time: new Date(at).toISOString(),
    level,
    msg: message,
    request_id: requestId,
    method: pick(random, METHODS),
    path: pick(random, PATHS),
    status: code,
    duration_ms: Math.round(random() * 20_000) / 10,
    user: `user${Math.floor(random() * 5000)}`,
  });
}

/** Writes `lines` lines made by `line`, one second apart on average, to `path`. */
export async function writeLog(
  path: string,
  lines: number,
  seed: number,
  line: (random: () => number, at: number, index: number) => string,
): Promise<void> {
  const random = seededRandom(seed);
  const out = createWriteStream(path);
  const start = Date.UTC(2024, 9, 1);
  let chunk: string[] = [];
  for (let index = 0; index < lines; index += 1) {
    chunk.push(line(random, start + index * 1000 + Math.floor(random() * 1000), index));
    if (chunk.length === 10_000 || index === lines - 1) {
      if (!out.write(chunk.join('\n') + '\n'))
        await new Promise((resolve) => out.once('drain', resolve));
      chunk = [];
    }
  }
  await new Promise<void>((resolve, reject) =>
    out.end((error?: Error | null) => (error ? reject(error) : resolve())),
  );
}
