/** One CloudWatch log event as a pull receives and stores it. */
export interface PulledEvent {
  logStreamName: string;
  /** Epoch ms CloudWatch holds the event under. */
  timestamp: number;
  message: string;
  /** CloudWatch's id; the same event returned twice carries the same id. */
  eventId: string;
}

/** The size CloudWatch counts for an event: its UTF-8 message plus 26 bytes. */
export function eventBytes(message: string): number {
  let bytes = message.length;
  // Only non-ASCII characters make the UTF-8 length differ from the string length.
  for (let index = 0; index < message.length; index += 1) {
    const code = message.charCodeAt(index);
    if (code >= 0x80) bytes += code >= 0x800 && (code < 0xd800 || code > 0xdfff) ? 2 : 1;
  }
  return bytes + 26;
}
