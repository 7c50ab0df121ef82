import { invalidPattern, type EventMatcher } from './patternValues';
import { compileJsonPattern } from './jsonPattern';
import { compileSpacedPattern } from './spacedPattern';

/**
 * Compiles a CloudWatch Logs filter pattern: terms (`ERROR timeout`),
 * optional terms (`?ERROR ?WARN`), exclusions (`-health`), phrases
 * (`"upstream timeout"`), JSON (`{ $.level = "error" }`) and space-delimited
 * (`[ip, user, ..., status=5*, bytes]`) patterns.
 */
export function compileFilterPattern(pattern: string | undefined): EventMatcher {
  const text = (pattern ?? '').trim();
  if (text === '') return () => true;
  if (text.startsWith('{')) return compileJsonPattern(text);
  if (text.startsWith('[')) return compileSpacedPattern(text);
  return compileTermPattern(text);
}

function compileTermPattern(text: string): EventMatcher {
  const required: string[] = [];
  const optional: string[] = [];
  const excluded: string[] = [];
  const tokens = text.match(/[?-]?"(?:[^"\\]|\\.)*"|[?-]?[^\s"]+|"/g) ?? [];

  for (const token of tokens) {
    const marker = token[0] === '?' || token[0] === '-' ? token[0] : '';
    let term = token.slice(marker.length);
    if (term.startsWith('"')) {
      if (term.length < 2 || !term.endsWith('"')) throw invalidPattern();
      term = term.slice(1, -1).replace(/\\(.)/g, '$1');
    } else if (/[{}()[\]"]/.test(term) || term === '') {
      throw invalidPattern();
    }
    if (marker === '?') optional.push(term);
    else if (marker === '-') excluded.push(term);
    else required.push(term);
  }

  return (message) =>
    required.every((term) => message.includes(term)) &&
    !excluded.some((term) => message.includes(term)) &&
    (optional.length === 0 || optional.some((term) => message.includes(term)));
}
