import type { z } from 'zod';

/** Declares a request channel: its request schema and the type of its value. */
export function request<Value>() {
  return <Schema extends z.ZodType>(schema: Schema) => ({
    schema,
    value: undefined as unknown as Value,
  });
}

/** Declares an event channel and the type of what it carries. */
export function event<Payload>() {
  return { payload: undefined as unknown as Payload };
}
