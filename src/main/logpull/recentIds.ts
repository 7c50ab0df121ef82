/** How far back in time an event may arrive after newer ones and still be recognised. */
export const DISORDER_WINDOW_MS = 5 * 60_000;

/**
 * Ids of recently seen events, to drop the same event when CloudWatch
 * returns it twice (on the next page, or after a slice restarts from the
 * last timestamp). Ids older than the window behind the newest are
 * forgotten, so memory stays bounded on a million-event pull.
 */
export class RecentIds {
  private readonly ids = new Map<string, number>();
  private newest = -Infinity;

  constructor(private readonly windowMs = DISORDER_WINDOW_MS) {}

  /** Records an id; false when it was already seen. */
  add(eventId: string, timestamp: number): boolean {
    if (this.ids.has(eventId)) return false;
    this.ids.set(eventId, timestamp);
    if (timestamp > this.newest) this.newest = timestamp;
    if (this.ids.size % 4096 === 0) this.forgetOld();
    return true;
  }

  /** Ids seen at or after `timestamp`. */
  since(timestamp: number): string[] {
    const found: string[] = [];
    for (const [eventId, at] of this.ids) if (at >= timestamp) found.push(eventId);
    return found;
  }

  private forgetOld(): void {
    const cutoff = this.newest - this.windowMs;
    // Ids arrive roughly in time order, so the oldest sit at the front.
    for (const [eventId, at] of this.ids) {
      if (at >= cutoff) break;
      this.ids.delete(eventId);
    }
  }
}
