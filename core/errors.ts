/**
 * Typed errors with a code, an HTTP status and a message that says how to fix the problem.
 * Every error a user can cause or meet goes through here, so the HTTP layer, the bot and the CLIs
 * can answer with the same code and text instead of a stack trace.
 */
export const ERROR_CODES = {
  QUESTION_EMPTY: 400,
  QUESTION_TOO_LONG: 400,
  BAD_REQUEST: 400,
  UNAUTHORIZED: 401,
  NOT_FOUND: 404,
  BODY_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  RATE_LIMITED: 429,
  INDEX_MISSING: 503,
  INDEX_CORRUPT: 503,
  INDEX_OUTDATED: 503,
  MODEL_UNAVAILABLE: 503,
  CONFIG_INVALID: 500,
  CORPUS_UNREADABLE: 500,
  CORPUS_EMPTY: 500,
  WRITE_FAILED: 500,
  INTERNAL: 500,
} as const;

export type ErrorCode = keyof typeof ERROR_CODES;

export class DeskError extends Error {
  readonly code: ErrorCode;
  readonly status: number;

  constructor(code: ErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "DeskError";
    this.code = code;
    this.status = ERROR_CODES[code];
  }
}

export function isDeskError(error: unknown): error is DeskError {
  return error instanceof DeskError;
}

/** One line for a person: the code and the message, never the stack. */
export function describeError(error: unknown): string {
  if (isDeskError(error)) return `${error.code}: ${error.message}`;
  if (error instanceof Error) return error.message;
  return String(error);
}
