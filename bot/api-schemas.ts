import { z } from "zod";
import { MAX_QUESTION_CHARS } from "./answer";

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

export const figuresQuery = z.strictObject({
  q: z.string().max(MAX_QUESTION_CHARS).optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
  doc: z.string().max(200).optional(),
  limit,
});

export const deadlinesQuery = z.strictObject({
  from: isoDate.optional(),
  to: isoDate.optional(),
  body: z.string().max(200).optional(),
  overdue: z.enum(["true", "false"]).optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(500),
});

export const documentParams = z.strictObject({ id: z.string().max(200) });

export function jsonSchemaOf(schema: z.ZodType): Record<string, unknown> {
  return z.toJSONSchema(schema, { io: "input", unrepresentable: "any" }) as Record<string, unknown>;
}
