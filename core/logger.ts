import pino from "pino";

/** The slice of pino every module uses, so tests can pass a silent or capturing logger. */
export interface Logger {
  info(object: object | string, message?: string): void;
  warn(object: object | string, message?: string): void;
  error(object: object | string, message?: string): void;
  debug(object: object | string, message?: string): void;
}

/** Secrets never reach a log line, whatever object they hide in. */
export const REDACTED_PATHS = [
  "token",
  "*.token",
  "apiKey",
  "*.apiKey",
  "webhookSecret",
  "*.webhookSecret",
  "headers.authorization",
  "req.headers.authorization",
  'req.headers["x-api-key"]',
  'req.headers["x-telegram-bot-api-secret-token"]',
];

export function createLogger(level: string, destination?: pino.DestinationStream): pino.Logger {
  const options = { level, redact: { paths: REDACTED_PATHS, censor: "[redacted]" } };
  return destination ? pino(options, destination) : pino(options);
}

export const silentLogger: Logger = pino({ level: "silent" });

function formatFields(object: object | string): string {
  if (typeof object === "string") return object;
  return Object.entries(object)
    .map(([key, value]) => `${key}=${typeof value === "string" ? value : JSON.stringify(value)}`)
    .join(" ");
}

/** Human-readable lines on stderr for command-line tools, where JSON log lines would be noise. */
export function createCliLogger(verbose = false): Logger {
  const write = (level: string) => (object: object | string, message?: string) => {
    const text = message
      ? `${message}${typeof object === "string" ? "" : ` (${formatFields(object)})`}`
      : formatFields(object);
    process.stderr.write(`${level}${text}\n`);
  };
  return {
    info: write(""),
    warn: write("warning: "),
    error: write("error: "),
    debug: verbose ? write("debug: ") : () => {},
  };
}
