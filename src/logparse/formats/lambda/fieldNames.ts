const snakeCache = new Map<string, string>();

/**
 * The snake_case field name of a Lambda label or JSON key: `RequestId` and
 * `requestId` become `request_id`, `Max Memory Used` becomes
 * `max_memory_used`, `memorySizeMB` becomes `memory_size_mb`.
 */
export function snakeName(label: string): string {
  let name = snakeCache.get(label);
  if (name === undefined) {
    name = label
      .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
      .replace(/[\s.-]+/g, '_')
      .toLowerCase();
    if (snakeCache.size < 1000) snakeCache.set(label, name);
  }
  return name;
}
