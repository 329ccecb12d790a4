import { existsSync, readFileSync } from "node:fs";
import { resolve } from "node:path";
import { z } from "zod";
import { DeskError } from "./errors";

/** Named defaults, so a reader sees every knob in one place. */
export const DEFAULTS = {
  corpusDir: "corpus",
  indexDir: "index/built",
  port: 3000,
  host: "127.0.0.1",
  embeddingModel: "Xenova/multilingual-e5-small",
  modelCacheDir: ".cache/models",
  rateLimitMax: 60,
  rateLimitWindowMs: 60_000,
  botRateLimitPerMinute: 12,
} as const;

const commaList = z
  .string()
  .optional()
  .transform((value) =>
    (value ?? "")
      .split(",")
      .map((item) => item.trim())
      .filter(Boolean),
  );

const optionalText = z
  .string()
  .optional()
  .transform((value) => (value?.trim() ? value.trim() : undefined));

const isoDay = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "use YYYY-MM-DD")
  .optional();

const envSchema = z.object({
  CORPUS_DIR: z.string().default(DEFAULTS.corpusDir),
  INDEX_DIR: z.string().default(DEFAULTS.indexDir),
  PORT: z.coerce.number().int().min(0).max(65535).default(DEFAULTS.port),
  HOST: z.string().default(DEFAULTS.host),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  /** `auto` tries the model and falls back to lexical search; `off` never loads one. */
  EMBEDDINGS: z.enum(["auto", "off"]).default("auto"),
  EMBEDDING_MODEL: z.string().default(DEFAULTS.embeddingModel),
  EMBEDDING_MODEL_DIR: optionalText,
  MODEL_CACHE_DIR: z.string().default(DEFAULTS.modelCacheDir),
  /** Pretend today is this day (deadlines' "overdue"); defaults to the real date. */
  TODAY: isoDay,
  TELEGRAM_BOT_TOKEN: optionalText,
  TELEGRAM_WEBHOOK_URL: optionalText.pipe(z.url().optional()),
  TELEGRAM_WEBHOOK_SECRET: optionalText,
  TELEGRAM_API_ROOT: optionalText.pipe(z.url().optional()),
  ALLOWED_CHAT_IDS: commaList.pipe(z.array(z.string().regex(/^-?\d+$/, "chat ids are integers"))),
  BOT_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).default(DEFAULTS.botRateLimitPerMinute),
  API_KEYS: commaList,
  RATE_LIMIT_MAX: z.coerce.number().int().min(0).default(DEFAULTS.rateLimitMax),
  RATE_LIMIT_WINDOW_MS: z.coerce.number().int().min(1).default(DEFAULTS.rateLimitWindowMs),
  LLM_BASE_URL: optionalText.pipe(z.url().optional()),
  LLM_API_KEY: optionalText,
  LLM_MODEL: optionalText,
});

export type Env = z.infer<typeof envSchema>;

export interface Config {
  corpusDir: string;
  indexDir: string;
  port: number;
  host: string;
  logLevel: Env["LOG_LEVEL"];
  embeddings: {
    enabled: boolean;
    model: string;
    /** A local folder holding the model in transformers.js layout; remote loading is off when set. */
    modelDir?: string;
    cacheDir: string;
  };
  today?: string;
  telegram: {
    token?: string;
    webhookUrl?: string;
    webhookSecret?: string;
    apiRoot?: string;
    allowedChatIds: string[];
    rateLimitPerMinute: number;
  };
  http: {
    apiKeys: string[];
    /** 0 turns the per-client limit off (load tests). */
    rateLimitMax: number;
    rateLimitWindowMs: number;
  };
  llm?: { baseUrl: string; apiKey?: string; model: string };
}

/** Reads `KEY=value` lines of a `.env` file; values already in the environment win. */
export function readDotEnv(path: string): Record<string, string> {
  if (!existsSync(path)) return {};
  const values: Record<string, string> = {};
  for (const line of readFileSync(path, "utf8").split(/\r?\n/)) {
    const match = /^\s*([A-Z0-9_]+)\s*=\s*(.*)\s*$/.exec(line);
    if (!match?.[1]) continue;
    values[match[1]] = (match[2] ?? "").replace(/^(['"])(.*)\1$/, "$2");
  }
  return values;
}

/**
 * Parses the environment once at start-up. Fails with CONFIG_INVALID and one line per bad setting,
 * each saying which variable to fix.
 */
export function loadConfig(
  env: Record<string, string | undefined> = process.env,
  cwd = process.cwd(),
): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `  ${issue.path.join(".")}: ${issue.message}`);
    throw new DeskError(
      "CONFIG_INVALID",
      `Invalid configuration. Fix these environment variables (or .env):\n${lines.join("\n")}`,
      { cause: parsed.error },
    );
  }
  const e = parsed.data;
  if (e.LLM_BASE_URL && !e.LLM_MODEL) {
    throw new DeskError(
      "CONFIG_INVALID",
      "Invalid configuration: LLM_BASE_URL is set but LLM_MODEL is not. Set both or neither.",
    );
  }
  if (e.TELEGRAM_WEBHOOK_URL && !e.TELEGRAM_WEBHOOK_SECRET) {
    throw new DeskError(
      "CONFIG_INVALID",
      "Invalid configuration: TELEGRAM_WEBHOOK_URL needs TELEGRAM_WEBHOOK_SECRET (1-256 characters A-Z a-z 0-9 _ -) so forged webhook calls can be rejected.",
    );
  }
  const config: Config = {
    corpusDir: resolve(cwd, e.CORPUS_DIR),
    indexDir: resolve(cwd, e.INDEX_DIR),
    port: e.PORT,
    host: e.HOST,
    logLevel: e.LOG_LEVEL,
    embeddings: {
      enabled: e.EMBEDDINGS === "auto",
      model: e.EMBEDDING_MODEL,
      cacheDir: resolve(cwd, e.MODEL_CACHE_DIR),
      ...(e.EMBEDDING_MODEL_DIR ? { modelDir: resolve(cwd, e.EMBEDDING_MODEL_DIR) } : {}),
    },
    telegram: {
      allowedChatIds: e.ALLOWED_CHAT_IDS,
      rateLimitPerMinute: e.BOT_RATE_LIMIT_PER_MINUTE,
      ...(e.TELEGRAM_BOT_TOKEN ? { token: e.TELEGRAM_BOT_TOKEN } : {}),
      ...(e.TELEGRAM_WEBHOOK_URL ? { webhookUrl: e.TELEGRAM_WEBHOOK_URL } : {}),
      ...(e.TELEGRAM_WEBHOOK_SECRET ? { webhookSecret: e.TELEGRAM_WEBHOOK_SECRET } : {}),
      ...(e.TELEGRAM_API_ROOT ? { apiRoot: e.TELEGRAM_API_ROOT } : {}),
    },
    http: { apiKeys: e.API_KEYS, rateLimitMax: e.RATE_LIMIT_MAX, rateLimitWindowMs: e.RATE_LIMIT_WINDOW_MS },
    ...(e.TODAY ? { today: e.TODAY } : {}),
    ...(e.LLM_BASE_URL && e.LLM_MODEL
      ? {
          llm: {
            baseUrl: e.LLM_BASE_URL,
            model: e.LLM_MODEL,
            ...(e.LLM_API_KEY ? { apiKey: e.LLM_API_KEY } : {}),
          },
        }
      : {}),
  };
  return config;
}

/** The environment plus `.env` in the working directory (the environment wins). */
export function processEnv(cwd = process.cwd()): Record<string, string | undefined> {
  return { ...readDotEnv(resolve(cwd, ".env")), ...process.env };
}
