import { randomBytes } from "node:crypto";
import type { Answer } from "../../answer/answer-types";

/**
 * Recent answers by a short id, so a button can say "src:<id>" instead of carrying the citations:
 * Telegram caps callback data at 64 bytes. Least recently used answers go first, and old ones expire,
 * so memory stays bounded however long the bot runs; an expired button asks the user to ask again.
 */
export const DEFAULT_STORE_CAPACITY = 1000;
export const DEFAULT_STORE_TTL_MS = 24 * 60 * 60 * 1000;

interface Entry {
  answer: Answer;
  storedAt: number;
}

export interface AnswerStoreOptions {
  capacity?: number;
  ttlMs?: number;
  now?: () => number;
}

export class AnswerStore {
  private readonly entries = new Map<string, Entry>();
  private readonly capacity: number;
  private readonly ttlMs: number;
  private readonly now: () => number;

  constructor(options: AnswerStoreOptions = {}) {
    this.capacity = options.capacity ?? DEFAULT_STORE_CAPACITY;
    this.ttlMs = options.ttlMs ?? DEFAULT_STORE_TTL_MS;
    this.now = options.now ?? Date.now;
  }

  /** Keeps the answer and returns its id: 8 URL-safe characters. */
  put(answer: Answer): string {
    let id = randomBytes(6).toString("base64url");
    while (this.entries.has(id)) id = randomBytes(6).toString("base64url");
    this.entries.set(id, { answer, storedAt: this.now() });
    while (this.entries.size > this.capacity) {
      const oldest = this.entries.keys().next().value;
      if (oldest === undefined) break;
      this.entries.delete(oldest);
    }
    return id;
  }

  get(id: string): Answer | undefined {
    const entry = this.entries.get(id);
    if (!entry) return undefined;
    this.entries.delete(id);
    if (this.now() - entry.storedAt > this.ttlMs) return undefined;
    // Re-inserting moves it to the young end of the Map's insertion order.
    this.entries.set(id, entry);
    return entry.answer;
  }

  get size(): number {
    return this.entries.size;
  }
}
