import { existsSync } from "node:fs";
import { createServer } from "node:http";
import fastifyRateLimit from "@fastify/rate-limit";
import fastifyStatic from "@fastify/static";
import fastifySwagger from "@fastify/swagger";
import fastifySwaggerUi from "@fastify/swagger-ui";
import Fastify, {
  type FastifyBaseLogger,
  type FastifyInstance,
  type FastifyReply,
  type FastifyRequest,
} from "fastify";
import type { z } from "zod";
import { answer } from "../answer/answer";
import type { AnswerDeps } from "../answer/answer-types";
import { CitationList } from "../answer/citations";
import { deadlineStatus, listDeadlines } from "../answer/list-deadlines";
import { listFigures } from "../answer/list-figures";
import { endOfIsoPeriod, startOfIsoPeriod } from "../core/dates";
import { DeskError, isDeskError } from "../core/errors";
import type { Figure } from "../core/types";
import { findSeries, seriesPoints } from "../index/series";
import {
  answerResponse,
  askBody,
  deadlinesQuery,
  documentParams,
  figuresQuery,
  jsonSchemaOf,
  seriesQuery,
} from "./api-schemas";

/**
 * The HTTP service: the JSON API under `/api`, health and readiness, OpenAPI at `/docs`, and the web
 * page at `/`. Built, not started: tests drive it with `app.inject()`, `main` calls `listen`.
 */
export const BODY_LIMIT_BYTES = 64 * 1024;

export interface AppDeps {
  /** The current answering dependencies; undefined until an index is loaded (readiness false). */
  desk: () => AnswerDeps | undefined;
  /** A pino logger, or false for none (tests). */
  logger?: FastifyBaseLogger | false;
  /** Requests per window per client; 0 turns the limit off. */
  rateLimit?: { max: number; windowMs: number };
  /** When set, `/api/*` requires one of these in the `x-api-key` header. */
  apiKeys?: string[];
  /** Folder of the built web page; not served when missing. */
  webRoot?: string;
  /** A request whose body has not fully arrived by then gets 408 (slow-body clients). Default 10 s. */
  requestTimeoutMs?: number;
  /** Telegram webhook route, when the bot runs in webhook mode. */
  telegramWebhook?: {
    path: string;
    handler: (request: FastifyRequest, reply: FastifyReply) => Promise<unknown>;
  };
}

// The page loads only its own script and style; text from reports can never run as code.
const CONTENT_SECURITY_POLICY =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'";

function parse<T extends z.ZodType>(schema: T, data: unknown): z.infer<T> {
  const result = schema.safeParse(data ?? {});
  if (result.success) return result.data;
  const details = result.error.issues
    .map((issue) => `${issue.path.join(".") || "request"}: ${issue.message}`)
    .join("; ");
  throw new DeskError("BAD_REQUEST", `Invalid request: ${details}`);
}

function requireDesk(deps: AppDeps): AnswerDeps {
  const desk = deps.desk();
  if (!desk)
    throw new DeskError(
      "INDEX_MISSING",
      "The index is not loaded yet. Try again shortly; if it persists, run `npm run ingest`.",
    );
  return desk;
}

/** Maps every failure to `{ error: { code, message } }` with the right status, never a stack trace. */
function toErrorReply(error: unknown): { status: number; code: string; message: string } {
  if (isDeskError(error)) return { status: error.status, code: error.code, message: error.message };
  const fastifyError = error as { code?: string; statusCode?: number; message?: string };
  switch (fastifyError.code) {
    case "FST_ERR_CTP_BODY_TOO_LARGE":
      return {
        status: 413,
        code: "BODY_TOO_LARGE",
        message: `The request body is larger than ${BODY_LIMIT_BYTES / 1024} KB.`,
      };
    case "FST_ERR_CTP_INVALID_MEDIA_TYPE":
      return {
        status: 415,
        code: "UNSUPPORTED_MEDIA_TYPE",
        message: "Send the request body as application/json.",
      };
    case "FST_ERR_CTP_EMPTY_JSON_BODY":
      return { status: 400, code: "BAD_REQUEST", message: "The JSON body is empty." };
    case "FST_ERR_CTP_INVALID_JSON_BODY":
      return { status: 400, code: "BAD_REQUEST", message: "The body is not valid JSON." };
  }
  if (fastifyError.statusCode === 429)
    return { status: 429, code: "RATE_LIMITED", message: fastifyError.message ?? "Too many requests." };
  if (error instanceof SyntaxError || fastifyError.statusCode === 400)
    return { status: 400, code: "BAD_REQUEST", message: "The body is not valid JSON." };
  if (fastifyError.statusCode && fastifyError.statusCode >= 400 && fastifyError.statusCode < 500) {
    return {
      status: fastifyError.statusCode,
      code: "BAD_REQUEST",
      message: fastifyError.message ?? "Bad request.",
    };
  }
  return { status: 500, code: "INTERNAL", message: "Something went wrong on our side. Try again." };
}

/** One pass over the items, not one per document: a large corpus has hundreds of documents. */
function countByDocument(items: Array<{ docId: string }>): Map<string, number> {
  const counts = new Map<string, number>();
  for (const item of items) counts.set(item.docId, (counts.get(item.docId) ?? 0) + 1);
  return counts;
}

/** A figure as the listing routes return it: the printed figure, what it counts and whether it is a result. */
function figureRow(figure: Figure, citations: CitationList) {
  return {
    value: figure.value,
    text: figure.text,
    ...(figure.unit ? { unit: figure.unit } : {}),
    kind: figure.kind,
    measure: figure.measure,
    series: figure.series,
    ...(figure.per ? { per: figure.per } : {}),
    target: figure.target,
    change: figure.change,
    projected: figure.projected,
    earlier: figure.earlier,
    asOf: figure.asOf,
    citation: citations.add(figure),
  };
}

function registerApi(app: FastifyInstance, deps: AppDeps): void {
  app.post(
    "/api/ask",
    {
      schema: {
        body: jsonSchemaOf(askBody),
        response: { 200: jsonSchemaOf(answerResponse, "output") },
        summary: "Answer a question with cited figures",
      },
    },
    async (request) => {
      const body = parse(askBody, request.body);
      return answer(requireDesk(deps), body);
    },
  );

  app.get(
    "/api/figures",
    { schema: { querystring: jsonSchemaOf(figuresQuery), summary: "Figures on a topic, newest first" } },
    async (request) => {
      const query = parse(figuresQuery, request.query);
      const desk = requireDesk(deps);
      const figures = await listFigures(desk.index, query, desk.embedder);
      const citations = new CitationList(desk.index.documentsById);
      return { figures: figures.map((figure) => figureRow(figure, citations)), citations: citations.items };
    },
  );

  app.get(
    "/api/series",
    {
      schema: {
        querystring: jsonSchemaOf(seriesQuery),
        summary: "Figures of one measure across reports, each series with its points newest first",
      },
    },
    async (request) => {
      const query = parse(seriesQuery, request.query);
      const { index } = requireDesk(deps);
      const candidates = query.measure ? findSeries(index.series, query.measure) : index.series.series;
      const citations = new CitationList(index.documentsById);
      const series = candidates
        .map((one) => ({ one, points: seriesPoints(index.series, one.key) }))
        .filter(({ points }) => points.length >= query.minPoints)
        .slice(0, query.limit)
        .map(({ one, points }) => ({
          key: one.key,
          measure: one.measure,
          ...(one.unit ? { unit: one.unit } : {}),
          kind: one.kind,
          ...(one.per ? { per: one.per } : {}),
          points: points.map((figure) => {
            const citation = citations.add(figure);
            return {
              value: figure.value,
              ...(figure.values.length > 1 ? { values: figure.values } : {}),
              text: figure.text,
              asOf: figure.asOf,
              doc: figure.docId,
              quote: citations.items[citation]?.quote ?? figure.sentence,
              citation,
            };
          }),
        }));
      return { series, citations: citations.items };
    },
  );

  app.get(
    "/api/deadlines",
    {
      schema: { querystring: jsonSchemaOf(deadlinesQuery), summary: "Deadlines by period, body and status" },
    },
    async (request) => {
      const query = parse(deadlinesQuery, request.query);
      const desk = requireDesk(deps);
      const today = desk.today();
      const listed = listDeadlines(desk.index.deadlines, {
        today,
        ...(query.from ? { from: startOfIsoPeriod(query.from) } : {}),
        ...(query.to ? { to: endOfIsoPeriod(query.to) } : {}),
        ...(query.body ? { body: query.body } : {}),
        ...(query.overdue ? { overdue: query.overdue === "true" } : {}),
      }).slice(0, query.limit);
      const citations = new CitationList(desk.index.documentsById);
      return {
        today,
        deadlines: listed.map((deadline) => ({
          task: deadline.task,
          ...(deadline.body ? { body: deadline.body } : {}),
          dueText: deadline.dueText,
          dueDate: deadline.dueDate,
          setOn: deadline.setOn,
          status: deadlineStatus(deadline.dueDate, today),
          reportedLate: deadline.late || deadline.lateNotes.length > 0,
          citation: citations.add(deadline),
        })),
        citations: citations.items,
      };
    },
  );

  app.get("/api/documents", { schema: { summary: "The reports in the corpus" } }, async () => {
    const { index } = requireDesk(deps);
    const figures = countByDocument(index.figures);
    const deadlines = countByDocument(index.deadlines);
    return {
      documents: index.documents.map(({ meta }) => ({
        ...meta,
        figures: figures.get(meta.id) ?? 0,
        deadlines: deadlines.get(meta.id) ?? 0,
      })),
    };
  });

  app.get(
    "/api/documents/:id",
    { schema: { params: jsonSchemaOf(documentParams), summary: "One report's cleaned text" } },
    async (request) => {
      const { id } = parse(documentParams, request.params);
      const document = requireDesk(deps).index.documents.find((candidate) => candidate.meta.id === id);
      if (!document)
        throw new DeskError("NOT_FOUND", `No document with id "${id}". GET /api/documents lists them.`);
      return { meta: document.meta, text: document.text, sections: document.sections, pages: document.pages };
    },
  );
}

export async function buildApp(deps: AppDeps): Promise<FastifyInstance> {
  const app = Fastify({
    ...(deps.logger ? { loggerInstance: deps.logger } : { logger: false }),
    bodyLimit: BODY_LIMIT_BYTES,
    // Headers over 16 KB are refused by Node itself with 431.
    routerOptions: { maxParamLength: 200 },
    // Node checks request timeouts only every `connectionsCheckingInterval` (30 s by default): check often
    // enough that a client trickling its body gets its 408 on time.
    serverFactory: (handler) => {
      const requestTimeout = deps.requestTimeoutMs ?? 10_000;
      return createServer(
        { requestTimeout, connectionsCheckingInterval: Math.min(1000, requestTimeout / 2) },
        handler,
      );
    },
  });
  // Only JSON bodies are accepted: anything else is a 415, not a string that happens to parse.
  app.removeContentTypeParser("text/plain");
  // zod validates; the JSON Schemas on routes only document the API.
  app.setValidatorCompiler(() => (data) => ({ value: data }));

  app.addHook("onSend", async (_request, reply, payload) => {
    reply.header("content-security-policy", CONTENT_SECURITY_POLICY);
    reply.header("x-content-type-options", "nosniff");
    reply.header("referrer-policy", "no-referrer");
    return payload;
  });

  app.setErrorHandler((error, request, reply) => {
    const { status, code, message } = toErrorReply(error);
    if (status >= 500 && code === "INTERNAL") request.log.error({ err: error }, "request failed");
    if (status === 429 && !reply.getHeader("retry-after")) reply.header("retry-after", "60");
    return reply.status(status).send({ error: { code, message } });
  });
  app.setNotFoundHandler((request, reply) =>
    reply.status(404).send({
      error: { code: "NOT_FOUND", message: `No route ${request.method} ${request.url.split("?")[0]}.` },
    }),
  );

  await app.register(fastifySwagger, {
    openapi: {
      info: {
        title: "Đề án 06 figures desk",
        version: "1.0.0",
        description: "Exact, cited figures and deadlines from the Đề án 06 reports.",
      },
    },
  });
  await app.register(fastifySwaggerUi, { routePrefix: "/docs", staticCSP: false });

  if (deps.rateLimit && deps.rateLimit.max > 0) {
    await app.register(fastifyRateLimit, {
      max: deps.rateLimit.max,
      timeWindow: deps.rateLimit.windowMs,
      allowList: (request) => !request.url.startsWith("/api/"),
      errorResponseBuilder: (_request, context) => ({
        statusCode: 429,
        message: `Too many requests: at most ${context.max} per ${Math.round(context.ttl / 1000) || 1} s. Retry after ${context.after}.`,
      }),
    });
  }

  if (deps.apiKeys && deps.apiKeys.length > 0) {
    const keys = new Set(deps.apiKeys);
    app.addHook("onRequest", async (request) => {
      if (!request.url.startsWith("/api/")) return;
      const key = request.headers["x-api-key"];
      if (typeof key !== "string" || !keys.has(key))
        throw new DeskError("UNAUTHORIZED", "Send a valid API key in the x-api-key header.");
    });
  }

  app.get("/healthz", { schema: { summary: "The process is up" } }, async () => ({ status: "ok" }));
  app.get("/readyz", { schema: { summary: "The index is loaded" } }, async (_request, reply) => {
    const desk = deps.desk();
    if (!desk) return reply.status(503).send({ ready: false });
    return {
      ready: true,
      chunks: desk.index.chunks.length,
      builtAt: desk.index.manifest.builtAt,
      embeddings: Boolean(desk.embedder && desk.index.vectors),
    };
  });

  registerApi(app, deps);
  if (deps.telegramWebhook)
    app.post(deps.telegramWebhook.path, { schema: { hide: true } }, deps.telegramWebhook.handler);
  if (deps.webRoot && existsSync(deps.webRoot)) {
    await app.register(fastifyStatic, {
      root: deps.webRoot,
      prefix: "/",
      index: ["index.html"],
      dotfiles: "deny",
    });
  }
  return app;
}
