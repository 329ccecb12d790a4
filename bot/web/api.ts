import type { Answer, AnswerDeadline, Citation } from "../../answer/answer-types";
import type { DocumentMeta, PageSpan, Section } from "../../core/types";

/**
 * The documented `/api/*` routes, and nothing else: the page is a client like any other, so it cannot
 * see more than the API promises.
 */
export type {
  Answer,
  AnswerDeadline,
  AnswerFigure,
  Citation,
  DeadlineStatus,
} from "../../answer/answer-types";

export interface DeadlineList {
  today: string;
  deadlines: AnswerDeadline[];
  citations: Citation[];
}

export interface DocumentSummary extends DocumentMeta {
  figures: number;
  deadlines: number;
}

export interface DocumentFull {
  meta: DocumentMeta;
  text: string;
  sections: Section[];
  pages: PageSpan[];
}

/** A failure the server explained (`{ error: { code, message } }`), or none at all when `code` is NETWORK. */
export class ApiError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly status = 0,
  ) {
    super(message);
    this.name = "ApiError";
  }
}

function errorOf(body: unknown, status: number): ApiError {
  const error = (body as { error?: { code?: unknown; message?: unknown } } | null)?.error;
  const code = typeof error?.code === "string" ? error.code : `HTTP_${status}`;
  const message = typeof error?.message === "string" ? error.message : `HTTP ${status}`;
  return new ApiError(code, message, status);
}

async function request<T>(path: string, init: RequestInit = {}): Promise<T> {
  let response: Response;
  try {
    response = await fetch(path, { ...init, headers: { accept: "application/json", ...init.headers } });
  } catch (error) {
    throw new ApiError("NETWORK", error instanceof Error ? error.message : String(error));
  }
  const body: unknown = await response.json().catch(() => null);
  if (!response.ok) throw errorOf(body, response.status);
  if (body === null) throw new ApiError("BAD_RESPONSE", "The server sent no JSON.", response.status);
  return body as T;
}

export function ask(question: string, lang: "vi" | "en"): Promise<Answer> {
  return request<Answer>("/api/ask", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ question, lang }),
  });
}

export function listDeadlines(): Promise<DeadlineList> {
  return request<DeadlineList>("/api/deadlines?limit=1000");
}

let documentList: Promise<DocumentSummary[]> | undefined;

/** The corpus changes only on re-ingest, so one load per page visit is enough. */
export function listDocuments(): Promise<DocumentSummary[]> {
  documentList ??= request<{ documents: DocumentSummary[] }>("/api/documents").then((body) => body.documents);
  // A failed load is not remembered, so the next view tries again.
  documentList.catch(() => {
    documentList = undefined;
  });
  return documentList;
}

const fullDocuments = new Map<string, Promise<DocumentFull>>();

export function readDocument(id: string): Promise<DocumentFull> {
  let loading = fullDocuments.get(id);
  if (!loading) {
    loading = request<DocumentFull>(`/api/documents/${encodeURIComponent(id)}`);
    fullDocuments.set(id, loading);
    loading.catch(() => fullDocuments.delete(id));
  }
  return loading;
}
