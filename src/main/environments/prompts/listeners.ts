/** A set of listeners for one kind of event, and how to tell them all. */
export interface Listeners<Payload> {
  /** Adds a listener; returns the function that removes it. */
  add(listener: (payload: Payload) => void): () => void;
  emit(payload: Payload): void;
}

/** Creates an empty set of listeners. */
export function createListeners<Payload>(): Listeners<Payload> {
  const listeners = new Set<(payload: Payload) => void>();
  return {
    add(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    emit(payload) {
      for (const listener of listeners) listener(payload);
    },
  };
}
