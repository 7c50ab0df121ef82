/** A stretch of log text, and whether it must be shown as a direction-isolated unit. */
export interface BidiSegment {
  text: string;
  isolate: boolean;
}

// Scripts written right to left. A JavaScript pattern cannot ask for the bidi
// class itself, so the scripts stand in for it.
const RTL_SCRIPTS = [
  'Arabic',
  'Hebrew',
  'Syriac',
  'Thaana',
  'Nko',
  'Samaritan',
  'Mandaic',
  'Adlam',
  'Hanifi_Rohingya',
  'Yezidi',
]
  .map((script) => `\\p{Script=${script}}`)
  .join('');
const RTL_SOURCE = `[${RTL_SCRIPTS}]`;
const HAS_RTL = new RegExp(RTL_SOURCE, 'u');
const WHITESPACE = /\s/;

/**
 * Splits log text so that each whitespace-separated token holding
 * right-to-left letters can be isolated, and the text keeps its logical order.
 *
 * Without isolation the bidi algorithm lets an Arabic or Hebrew word pull its
 * neighbours into its run: `phrase=اتو+مسافرتی 404` would show the 404 before
 * the Persian words. The work grows with the right-to-left tokens, not with
 * the text, so a huge raw event costs one scan; past `maxIsolates` the rest
 * stays one plain segment.
 */
export function bidiSegments(text: string, maxIsolates = Number.POSITIVE_INFINITY): BidiSegment[] {
  if (!HAS_RTL.test(text)) return [{ text, isolate: false }];

  const rtl = new RegExp(RTL_SOURCE, 'gu');
  const segments: BidiSegment[] = [];
  let plainFrom = 0;
  let isolates = 0;
  let match: RegExpExecArray | null;
  while (isolates < maxIsolates && (match = rtl.exec(text))) {
    let start = match.index;
    while (start > plainFrom && !WHITESPACE.test(text[start - 1])) start--;
    let end = rtl.lastIndex;
    while (end < text.length && !WHITESPACE.test(text[end])) end++;

    if (start > plainFrom) segments.push({ text: text.slice(plainFrom, start), isolate: false });
    segments.push({ text: text.slice(start, end), isolate: true });
    plainFrom = end;
    rtl.lastIndex = end;
    isolates++;
  }
  if (plainFrom < text.length) segments.push({ text: text.slice(plainFrom), isolate: false });
  return segments;
}
