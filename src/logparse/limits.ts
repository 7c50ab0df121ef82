/**
 * Bounds that keep parsing linear and memory flat on hostile or broken input.
 *
 * The log engine feeds millions of lines and occasionally a single line of
 * tens of megabytes (a minified bundle, a binary file); these caps decide
 * where parsing gives up and keeps the raw text instead.
 */

/** Lines longer than this are kept raw: no format regex runs over them. */
export const MAX_PARSED_LINE_CHARS = 64 * 1024;

/** A JSON text longer than this is not parsed into fields. */
export const MAX_JSON_CHARS = 4 * 1024 * 1024;

/** Physical lines one event may gather before the next line starts a new event. */
export const MAX_EVENT_LINES = 1000;

/** Characters one multi-line event may gather before the next line starts a new event. */
export const MAX_EVENT_CHARS = 4 * 1024 * 1024;

/** Messages are cut to this length; the full text stays in `text`. */
export const MAX_MESSAGE_CHARS = 16 * 1024;

/** Fields one event may carry; deeper or wider JSON stays searchable through `text`. */
export const MAX_FIELDS = 256;

/** Nesting depth to which JSON objects are flattened into dotted keys. */
export const MAX_FLATTEN_DEPTH = 16;
