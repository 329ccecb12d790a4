import { z } from "zod";
import { MAX_QUESTION_CHARS } from "../answer/answer";

/**
 * Request shapes of the HTTP API. zod validates them; their JSON Schema form documents them at `/docs`.
 * Unknown fields are rejected so a client's typo (`questoin`) is an error, not an empty answer.
 */
const isoDate = z.string().regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, "use YYYY, YYYY-MM or YYYY-MM-DD");

export const askBody = z.strictObject({
  question: z.string().max(MAX_QUESTION_CHARS, `at most ${MAX_QUESTION_CHARS} characters`),
  lang: z.enum(["vi", "en"]).optional(),
  asOf: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, "use YYYY-MM-DD")
    .optional(),
});

const limit = z.coerce.number().int().min(1).max(500).default(50);

/** A series key (`count:tai-khoan-dinh-danh-phe-duyet`) or a phrase naming a measure (`tài khoản VNeID`). */
const measure = z.string().trim().min(1, "name a measure or a series key").max(300).optional();

export const figuresQuery = z.strictObject({
  q: z.string().max(MAX_QUESTION_CHARS).optional(),
  measure,
  from: isoDate.optional(),
  to: isoDate.optional(),
  doc: z.string().max(200).optional(),
  limit,
});

export const seriesQuery = z.strictObject({
  /** Only series whose measure holds these words (or this key). */
  measure,
  /** Only series with at least this many points (reports and values). */
  minPoints: z.coerce.number().int().min(1).max(100).default(1),
  limit: z.coerce.number().int().min(1).max(2000).default(500),
});

export const deadlinesQuery = z.strictObject({
  from: isoDate.optional(),
  to: isoDate.optional(),
  body: z.string().max(200).optional(),
  overdue: z.enum(["true", "false"]).optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(500),
});

export const documentParams = z.strictObject({ id: z.string().max(200) });

/**
 * The answer's shape (see `answer-types.ts`). As a response schema it documents `POST /api/ask` and lets
 * fastify serialize answers with a compiled serializer, about twice as fast as JSON.stringify.
 */
const citation = z.object({
  doc: z.string(),
  title: z.string(),
  number: z.string().optional(),
  date: z.string().optional(),
  section: z.string().optional(),
  page: z.number().optional(),
  quote: z.string(),
  label: z.string(),
  issuer: z.string().optional(),
  asOf: z.string(),
  start: z.number(),
  end: z.number(),
});

export const answerResponse = z.object({
  status: z.enum(["answered", "not_found"]),
  answer: z.string(),
  confidence: z.number(),
  lang: z.enum(["vi", "en"]),
  figures: z.array(
    z.object({
      value: z.number(),
      text: z.string(),
      unit: z.string().optional(),
      asOf: z.string(),
      citation: z.number(),
      measure: z.string().optional(),
      series: z.string().optional(),
      target: z.boolean().optional(),
      change: z.boolean().optional(),
      projected: z.boolean().optional(),
    }),
  ),
  deadlines: z.array(
    z.object({
      task: z.string(),
      body: z.string().optional(),
      dueText: z.string(),
      dueDate: z.string(),
      setOn: z.string(),
      status: z.enum(["upcoming", "due-this-month", "past-due"]),
      reportedLate: z.boolean(),
      citation: z.number(),
    }),
  ),
  citations: z.array(citation),
});

export function jsonSchemaOf(schema: z.ZodType, io: "input" | "output" = "input"): Record<string, unknown> {
  const { $schema: _dialect, ...jsonSchema } = z.toJSONSchema(schema, {
    io,
    unrepresentable: "any",
  }) as Record<string, unknown>;
  return jsonSchema;
}
