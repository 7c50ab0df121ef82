type TypedArray = Float64Array | Int32Array | Uint32Array | Uint16Array | Uint8Array;

/**
 * Grows a typed column to hold at least `needed` entries, doubling so that
 * appending a million records copies each entry only a few times. New slots
 * are set to `fill` (NaN for "absent" in number columns).
 */
export function ensureCapacity<T extends TypedArray>(column: T, needed: number, fill = 0): T {
  if (needed <= column.length) return column;
  let capacity = Math.max(column.length, 1024);
  while (capacity < needed) capacity *= 2;
  const grown = new (column.constructor as new (length: number) => T)(capacity);
  grown.set(column);
  if (fill !== 0) grown.fill(fill, column.length);
  return grown;
}
