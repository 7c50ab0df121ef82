import stripAnsi from 'strip-ansi';

/**
 * Normalises one physical line before parsing: drops a carriage return left
 * by CRLF files and a byte order mark on the first line, and removes
 * terminal colour and cursor codes so they neither break patterns nor end up
 * in the index.
 */
export function cleanLine(line: string, lineNumber: number): string {
  let clean = line;
  if (clean.charCodeAt(clean.length - 1) === 13) clean = clean.slice(0, -1);
  if (lineNumber === 1 && clean.charCodeAt(0) === 0xfeff) clean = clean.slice(1);
  // Checking for ESC first keeps the regex off the vast majority of lines.
  if (clean.indexOf('\u001b') !== -1 || clean.indexOf('\u009b') !== -1) clean = stripAnsi(clean);
  return clean;
}
