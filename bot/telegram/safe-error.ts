import { GrammyError, HttpError } from "grammy";

/**
 * An error as a log line may show it. The bot token is part of every Bot API URL, and a network error
 * from fetch can carry that URL in its message or cause, so only chosen fields are kept and the token is
 * blanked in each of them.
 */
export interface SafeError {
  name: string;
  message: string;
  method?: string;
  code?: number | string;
  stack?: string;
}

export function scrub(text: string, token: string): string {
  return token ? text.split(token).join("[token]") : text;
}

export function describeTelegramError(error: unknown, token: string): SafeError {
  if (error instanceof GrammyError) {
    return {
      name: error.name,
      message: scrub(error.description || error.message, token),
      method: error.method,
      code: error.error_code,
    };
  }
  // HttpError's own message names only the method; its `error` (the fetch failure) is left out on purpose.
  if (error instanceof HttpError) return { name: error.name, message: scrub(error.message, token) };
  if (error instanceof Error) {
    const code = (error as { code?: unknown }).code;
    return {
      name: error.name,
      message: scrub(error.message, token),
      ...(typeof code === "string" || typeof code === "number" ? { code } : {}),
      ...(error.stack ? { stack: scrub(error.stack, token) } : {}),
    };
  }
  return { name: "Error", message: scrub(String(error), token) };
}
