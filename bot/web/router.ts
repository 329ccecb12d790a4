/**
 * Hash routes (`#/ask`, `#/deadlines`, `#/documents/<id>?start=..&end=..`): the server only serves static
 * files, so every view must be reachable from `index.html` and every view is a link that can be shared.
 */
export interface DeadlineFilters {
  /** `2024-Q1`, `2024-03` or empty for any time. */
  period: string;
  body: string;
  status: string;
}

export type Route =
  | { view: "ask"; question: string }
  | ({ view: "deadlines" } & DeadlineFilters)
  | { view: "documents" }
  | { view: "document"; id: string; passage?: { start: number; end: number } };

function passageOf(query: URLSearchParams): { start: number; end: number } | undefined {
  const start = Number(query.get("start"));
  const end = Number(query.get("end"));
  if (!query.has("start") || !query.has("end") || !Number.isInteger(start) || !Number.isInteger(end))
    return undefined;
  return start >= 0 && end > start ? { start, end } : undefined;
}

export function parseRoute(hash: string): Route {
  const [path = "", search = ""] = hash.replace(/^#/, "").split("?", 2);
  const query = new URLSearchParams(search);
  const parts = path.split("/").filter(Boolean).map(decodeURIComponent);
  switch (parts[0]) {
    case "deadlines":
      return {
        view: "deadlines",
        period: query.get("period") ?? "",
        body: query.get("body") ?? "",
        status: query.get("status") ?? "",
      };
    case "documents": {
      if (!parts[1]) return { view: "documents" };
      const passage = passageOf(query);
      return { view: "document", id: parts[1], ...(passage ? { passage } : {}) };
    }
    default:
      return { view: "ask", question: query.get("q") ?? "" };
  }
}

function withQuery(path: string, entries: [string, string][]): string {
  const query = new URLSearchParams(entries.filter(([, value]) => value !== ""));
  const search = query.toString();
  return search ? `${path}?${search}` : path;
}

export function hrefOf(route: Route): string {
  switch (route.view) {
    case "ask":
      return withQuery("#/ask", [["q", route.question]]);
    case "deadlines":
      return withQuery("#/deadlines", [
        ["period", route.period],
        ["body", route.body],
        ["status", route.status],
      ]);
    case "documents":
      return "#/documents";
    case "document": {
      const path = `#/documents/${encodeURIComponent(route.id)}`;
      if (!route.passage) return path;
      return withQuery(path, [
        ["start", String(route.passage.start)],
        ["end", String(route.passage.end)],
      ]);
    }
  }
}

/** The document view link that highlights a citation's quote. */
export function citationHref(citation: { doc: string; start: number; end: number }): string {
  return hrefOf({
    view: "document",
    id: citation.doc,
    passage: { start: citation.start, end: citation.end },
  });
}
