/**
 * Telegram's HTML parse mode. Report text may hold `<`, `>` and `&` (e.g. `>90%`, `Bộ TT&TT`); Telegram
 * rejects a message whose markup does not parse, so every piece of source text goes through `escapeHtml`
 * and markup is only ever built by these helpers.
 */
export function escapeHtml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

export function bold(text: string): string {
  return `<b>${escapeHtml(text)}</b>`;
}

export function italic(text: string): string {
  return `<i>${escapeHtml(text)}</i>`;
}

export function blockquote(text: string): string {
  return `<blockquote>${escapeHtml(text)}</blockquote>`;
}

/** The text a reader sees: tags removed, the entities Telegram knows decoded. */
export function visibleText(html: string): string {
  return html
    .replace(/<[^>]*>/g, "")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, "&");
}

/** Shortens plain text to `limit` characters at a space, marking the cut with "…". */
export function shorten(text: string, limit: number): string {
  if (text.length <= limit) return text;
  const space = text.lastIndexOf(" ", limit - 1);
  let cut = space > limit / 2 ? space : limit - 1;
  // Never leave half of a surrogate pair (an emoji, a rare Hán character) before the "…".
  if (/[\uD800-\uDBFF]/.test(text[cut - 1] ?? "")) cut -= 1;
  return `${text.slice(0, cut).trimEnd()}…`;
}
