import { useMemo } from 'react';
import { bidiSegments } from '../model/bidiText';

/**
 * Log text shown in its logical order: each token with right-to-left letters
 * sits in its own `<bdi>`, so it cannot reorder its neighbours. Copying the
 * text gives it back unchanged, with no invisible marks added.
 */
export function BidiText({ text, maxIsolates }: { text: string; maxIsolates?: number }) {
  const segments = useMemo(() => bidiSegments(text, maxIsolates), [text, maxIsolates]);
  if (segments.length === 1 && !segments[0].isolate) return text;
  return segments.map((segment, index) =>
    segment.isolate ? <bdi key={index}>{segment.text}</bdi> : segment.text,
  );
}
