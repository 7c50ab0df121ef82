import { cleanLine } from './cleanLine';
import { looksLikeSubscription } from './formats/cloudwatchSubscription';
import { LINE_FORMATS, PLAIN_FORMAT, SUBSCRIPTION_FORMAT } from './formats/registry';
import { MAX_PARSED_LINE_CHARS } from './limits';
import type { FormatId } from './types';

/** Sample lines looked at; callers pass about this many from the start of an input. */
const SAMPLE_LINES = 200;

/**
 * Picks the format that best fits a sample of an input's first lines: the
 * specific format whose events open on the most sample lines, so that a
 * mixed file (a Lambda export with START/END/REPORT and application lines)
 * gets the format that reads most of it; lines it does not know it reads as
 * plain lines. Without a convincing match it is `plain`, which still reads a
 * leading time and level where there is one.
 */
export function detectFormat(sampleLines: string[]): FormatId {
  const sample: string[] = [];
  for (let i = 0; i < sampleLines.length && sample.length < SAMPLE_LINES; i += 1) {
    const line = cleanLine(sampleLines[i], i + 1);
    if (line.trim() !== '' && line.length <= MAX_PARSED_LINE_CHARS) sample.push(line);
  }
  if (sample.length > 0 && sample[0].trimStart().startsWith('{') && looksLikeSubscription(sample)) {
    return SUBSCRIPTION_FORMAT;
  }

  let best: FormatId = PLAIN_FORMAT;
  let bestScore = 0;
  let plainScore = 0;
  for (const format of LINE_FORMATS) {
    let score = 0;
    for (const line of sample) if (format.sniff(line)) score += 1;
    if (format.id === PLAIN_FORMAT) {
      plainScore = score;
    } else if (score > bestScore) {
      best = format.id;
      bestScore = score;
    }
  }

  // Plain reads any timestamped line, so it also counts the lines a specific
  // format reads; that format reads the rest as plain lines anyway. It is
  // chosen unless plain reads more than twice as many.
  return bestScore > 0 && bestScore * 2 >= plainScore ? best : PLAIN_FORMAT;
}
