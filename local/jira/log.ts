/**
 * The request log behind `GET /jira/__admin/requests`: every REST request with its outcome, so
 * tests and benchmarks can count calls, see what the app sent, and tell app calls from outside ones.
 */
import type { RequestLogEntry } from './types';

/** Enough for a 5,000-item import with retries; older entries go first beyond it. */
const MAX_ENTRIES = 200_000;

export class RequestLog {
  private entries: RequestLogEntry[] = [];

  add(entry: RequestLogEntry): void {
    this.entries.push(entry);
    if (this.entries.length > MAX_ENTRIES) this.entries.splice(0, this.entries.length - MAX_ENTRIES);
  }

  /** Copies, so a caller can never edit the log. */
  list(): RequestLogEntry[] {
    return this.entries.map((e) => structuredClone(e));
  }

  clear(): void {
    this.entries = [];
  }
}
