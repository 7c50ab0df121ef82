/**
 * Measures parse throughput; a script, not a test (timings vary by machine).
 *
 *   npx esbuild test/logparse/throughput.bench.ts --bundle --platform=node \
 *     --outfile=/tmp/logparse-throughput.cjs && node /tmp/logparse-throughput.cjs [file]
 *
 * Without a file it parses one million generated nginx combined lines
 * (about 134 MB); with a file it repeats the file's lines up to a million.
 */
import { readFileSync } from 'node:fs';
import { createAssembler, detectFormat } from '../../src/logparse';

const LINES = 1_000_000;
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const PATHS = ['/', '/index.html', '/api/items/1234', '/static/app.3f2a1c.js', '/favicon.ico'];
const AGENTS = ['Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36', 'curl/8.5.0'];
const STATUSES = [200, 200, 200, 304, 404, 500, 301];

function generatedAccessLog(): string[] {
  const lines: string[] = [];
  let second = Date.UTC(2023, 9, 10, 13, 0, 0);
  const two = (value: number) => String(value).padStart(2, '0');
  for (let i = 0; i < LINES; i += 1) {
    if (i % 7 === 0) second += 1000;
    const d = new Date(second);
    const stamp = `${two(d.getUTCDate())}/${MONTHS[d.getUTCMonth()]}/${d.getUTCFullYear()}:${two(d.getUTCHours())}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())} +0000`;
    const ip = `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`;
    lines.push(
      `${ip} - - [${stamp}] "GET ${PATHS[i % PATHS.length]} HTTP/1.1" ${STATUSES[i % 7]} ${(i * 37) % 50000} "-" "${AGENTS[i % 2]}"`,
    );
  }
  // Joined and split again, as the engine cuts lines from a decoded chunk: flat
  // strings rather than the concatenations built above.
  return lines.join('\n').split('\n');
}

function repeatedFile(file: string): string[] {
  const source = readFileSync(file, 'utf8').split('\n');
  const lines: string[] = [];
  while (lines.length < LINES) for (const line of source) lines.push(line);
  return lines;
}

const lines = process.argv[2] ? repeatedFile(process.argv[2]) : generatedAccessLog();
const megabytes = lines.reduce((sum, line) => sum + line.length + 1, 0) / 1e6;
const format = detectFormat(lines.slice(0, 200));
for (let round = 1; round <= 3; round += 1) {
  const started = performance.now();
  const assembler = createAssembler(format);
  let events = 0;
  for (const line of lines) events += assembler.push(line).length;
  events += assembler.end().length;
  const ms = performance.now() - started;
  console.log(
    `round ${round}: ${format}, ${lines.length} lines (${megabytes.toFixed(0)} MB) -> ${events} events in ${ms.toFixed(0)} ms`,
  );
}
