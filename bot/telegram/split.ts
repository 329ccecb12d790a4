/**
 * Splits an HTML message into parts Telegram accepts. Telegram refuses text over 4096 characters, and a
 * part that cuts a tag or an entity (`&amp;`) in two does not parse at all, so parts break between lines
 * where no tag is open, and only a single overlong line is cut inside, at a space, with its open tags
 * closed at the end of one part and opened again at the start of the next.
 *
 * Lengths are counted on the HTML, which is never shorter than the text Telegram counts, so a part that
 * fits here fits there.
 */
export const TELEGRAM_MESSAGE_LIMIT = 4096;

interface Token {
  text: string;
  /** Tag name for `<b>` and `</b>`, undefined for text. */
  tag?: string;
  closing?: boolean;
}

// A tag, one whitespace character, or a word with its entities (`Bộ TT&amp;TT` breaks only at spaces).
const TOKEN = /<(\/?)([a-z-]+)(?:\s[^>]*)?>|\s|(?:[^\s<&]|&#?[a-z0-9]+;)+|[<&]/giu;
const CHARACTER = /&#?[a-z0-9]+;|[\s\S]/giu;

function tokenize(html: string): Token[] {
  const tokens: Token[] = [];
  for (const match of html.matchAll(TOKEN)) {
    const [text, slash, name] = match;
    if (name) tokens.push({ text, tag: name.toLowerCase(), closing: slash === "/" });
    else tokens.push({ text });
  }
  return tokens;
}

/** Cuts a word longer than `size` between characters, never inside a surrogate pair or an entity. */
function pieces(text: string, size: number): string[] {
  if (text.length <= size) return [text];
  const result: string[] = [];
  let current = "";
  for (const [char] of text.matchAll(CHARACTER)) {
    if (current.length + char.length > size) {
      result.push(current);
      current = "";
    }
    current += char;
  }
  if (current) result.push(current);
  return result;
}

function closingTags(open: Token[]): string {
  return open
    .map((token) => `</${token.tag}>`)
    .reverse()
    .join("");
}

function isBlank(html: string): boolean {
  return html.replace(/<[^>]*>/g, "").trim() === "";
}

/** Cuts one line that does not fit, keeping every part's tags balanced. */
function splitLine(line: string, limit: number): string[] {
  const parts: string[] = [];
  const open: Token[] = [];
  let current = "";
  // Tags opened since the last text move to the next part whole, so no part ends in an empty `<b></b>`.
  let pending: Token[] = [];
  const flush = () => {
    const part = current + closingTags(open.slice(0, open.length - pending.length));
    if (!isBlank(part)) parts.push(part);
    current = open.map((token) => token.text).join("");
    pending = [];
  };
  const pendingText = () => pending.map((token) => token.text).join("");
  for (const token of tokenize(line)) {
    const chunks = token.tag ? [token.text] : pieces(token.text, Math.floor(limit / 4));
    for (const chunk of chunks) {
      const after = token.tag && !token.closing ? [...open, token] : open;
      const room = limit - closingTags(after).length;
      if (current.length + pendingText().length + chunk.length > room && !isBlank(current)) flush();
      if (token.tag && !token.closing) {
        open.push(token);
        pending.push(token);
        continue;
      }
      // A space at the start of a part would only be trimmed by Telegram.
      if (!token.tag && /^\s$/.test(chunk) && isBlank(current)) continue;
      current += pendingText() + chunk;
      pending = [];
      if (token.tag) open.pop();
    }
  }
  const last = current + pendingText() + closingTags(open);
  if (!isBlank(last)) parts.push(last);
  return parts;
}

/** Splits at newlines outside tags: the places a break does not change the formatting. */
function lines(html: string): string[] {
  const result: string[] = [];
  let depth = 0;
  let start = 0;
  for (const token of html.matchAll(/<(\/?)[a-z-]+(?:\s[^>]*)?>|\n/giu)) {
    if (token[0] === "\n") {
      if (depth === 0) {
        result.push(html.slice(start, token.index));
        start = token.index + 1;
      }
    } else {
      depth += token[1] === "/" ? -1 : 1;
    }
  }
  result.push(html.slice(start));
  return result;
}

/**
 * Parts of at most `limit` characters that together hold the whole message, broken at line ends where
 * possible (a blank line, i.e. a paragraph end, is preferred only by being a line end like any other).
 */
export function splitHtml(html: string, limit = TELEGRAM_MESSAGE_LIMIT): string[] {
  if (html.length <= limit) return isBlank(html) ? [] : [html];
  const parts: string[] = [];
  let current = "";
  const flush = () => {
    const part = current.replace(/\n+$/, "");
    if (!isBlank(part)) parts.push(part);
    current = "";
  };
  for (const line of lines(html)) {
    if (line.length > limit) {
      flush();
      parts.push(...splitLine(line, limit));
      continue;
    }
    const joined = current ? `${current}\n${line}` : line;
    if (joined.length > limit) {
      flush();
      current = line;
    } else {
      current = isBlank(current) && isBlank(line) ? "" : joined;
    }
  }
  flush();
  return parts;
}
