import { startsWithTimestamp } from '../continuation';
import type { LineFormat } from '../lineFormat';
import type { FormatId } from '../types';
import { createAccessLogFormat, isAccessLine } from './accessLog';
import { createDockerComposeFormat, isComposeLine } from './dockerCompose';
import { createJsonFormat, jsonObjectStart } from './json';
import { createLambdaFormat, isLambdaLine } from './lambda/lambdaText';
import { createPlainFormat } from './plain';
import { createPostgresFormat, isPostgresLine } from './postgres';
import { createSyslogFormat, isSyslogLine } from './syslog';
import { createVdsmFormat, isVdsmLine } from './vdsm';

/** A line format the detector can choose. */
export interface FormatEntry {
  readonly id: FormatId;
  /** Whether a sample line opens an event of this format. */
  sniff(line: string): boolean;
  /** Creates the format for one input; `now` dates year-less timestamps. */
  create(now?: number): LineFormat;
}

/** Id of the CloudWatch Logs subscription document format, detected apart from the others. */
export const SUBSCRIPTION_FORMAT = 'cloudwatch-subscription';

/** Id of the fallback format for application lines and anything unrecognised. */
export const PLAIN_FORMAT = 'plain';

/**
 * Line formats in order of precedence: when two recognise the same number of
 * sample lines, the more specific one, listed first, wins.
 */
export const LINE_FORMATS: readonly FormatEntry[] = [
  { id: 'nginx-combined', sniff: isAccessLine, create: createAccessLogFormat },
  { id: 'lambda', sniff: isLambdaLine, create: createLambdaFormat },
  { id: 'postgres', sniff: isPostgresLine, create: createPostgresFormat },
  { id: 'vdsm', sniff: isVdsmLine, create: createVdsmFormat },
  { id: 'docker-compose', sniff: isComposeLine, create: createDockerComposeFormat },
  { id: 'json', sniff: (line) => jsonObjectStart(line) >= 0, create: createJsonFormat },
  { id: 'syslog', sniff: isSyslogLine, create: createSyslogFormat },
  { id: PLAIN_FORMAT, sniff: startsWithTimestamp, create: createPlainFormat },
];

/** Human-readable names of the formats, by id, as the UI shows them. */
export const FORMAT_LABELS: Record<FormatId, string> = {
  'nginx-combined': 'nginx/Apache combined access log',
  lambda: 'AWS Lambda log (text)',
  postgres: 'PostgreSQL server log',
  vdsm: 'Python logging, `::`-separated (oVirt vdsm)',
  'docker-compose': 'docker compose logs',
  json: 'JSON lines (pino, bunyan, winston, ECS, Lambda JSON)',
  syslog: 'syslog',
  [SUBSCRIPTION_FORMAT]: 'CloudWatch Logs subscription document',
  [PLAIN_FORMAT]: 'plain text (time, level, message)',
};
