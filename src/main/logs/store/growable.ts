type TypedArray = Float64Array | Int32Array | Uint32Array | Uint16Array | Uint8Array;

/**
 * Grows a typed column to hold at least `needed` entries. It grows by half
 * its size each time: appending a million records copies each entry only a
 * few times, and a full column wastes at most a third of its memory, where
 * doubling would waste half. New slots are set to `fill` (NaN for "absent"
 * in number columns).
 */
export function ensureCapacity<T extends TypedArray>(column: T, needed: number, fill = 0): T {
  if (needed <= column.length) return column;
  let capacity = Math.max(column.length, 1024);
  while (capacity < needed) capacity = Math.ceil(capacity * 1.5);
  return resized(column, capacity, fill);
}

/**
 * Grows a typed column to exactly `capacity` entries unless it holds that
 * many already: for a load that knows how many records to expect, so the
 * column is allocated once instead of grown step by step.
 */
export function reserveCapacity<T extends TypedArray>(column: T, capacity: number, fill = 0): T {
  return capacity <= column.length ? column : resized(column, capacity, fill);
}

function resized<T extends TypedArray>(column: T, capacity: number, fill: number): T {
  const grown = new (column.constructor as new (length: number) => T)(capacity);
  grown.set(column);
  if (fill !== 0) grown.fill(fill, column.length);
  return grown;
}
