import type { InlineQueryResultArticle } from "grammy/types";
import { answer } from "../../answer/answer";
import type { Answer, AnswerDeps } from "../../answer/answer-types";
import { type Lang, readableDate } from "../../answer/wording";
import { fold } from "../../core/text";
import { formatAnswer, formatFigure, printedFigure } from "./format";
import { shorten, visibleText } from "./html";
import { splitHtml } from "./split";

/**
 * Inline mode (`@bot tài khoản vneid` in any chat): each result posts one figure with its date, source and
 * quote, so the figure never travels without its citation. The lead figure comes first, then other periods
 * of the same metric. People type keywords there rather than questions ("tài khoản vneid"), so a
 * query that yields no figure as typed is asked again as "how many …".
 */
export const INLINE_CACHE_SECONDS = 10;
const MAX_INLINE_RESULTS = 5;
const TITLE_CHARS = 64;
const DESCRIPTION_CHARS = 120;

function article(id: string, title: string, description: string, html: string): InlineQueryResultArticle {
  return {
    type: "article",
    id,
    title: shorten(title, TITLE_CHARS),
    description: shorten(description, DESCRIPTION_CHARS),
    input_message_content: {
      // One message is all an inline result can post; the first part holds the lead and its source.
      message_text: splitHtml(html)[0] ?? "",
      parse_mode: "HTML",
      link_preview_options: { is_disabled: true },
    },
  };
}

function figureArticles(answer: Answer): InlineQueryResultArticle[] {
  return answer.figures.slice(0, MAX_INLINE_RESULTS).map((figure, index) => {
    const label = answer.citations[figure.citation]?.label ?? "";
    const description = `${readableDate(figure.asOf, answer.lang)} · ${label}`;
    return article(`figure-${index}`, printedFigure(figure), description, formatFigure(figure, answer));
  });
}

function answerArticle(result: Answer, today: string): InlineQueryResultArticle {
  const html = formatAnswer(result, today);
  const [headline = "", ...rest] = visibleText(html).split("\n");
  return article("answer", headline, rest.join(" "), html);
}

const ASKS_FOR_FIGURE = /\b(?:bao nhieu|how many|how much|ty le|percentage)\b/;

/** A keyword query ("tài khoản vneid") asked as the figure question inline mode is for. */
function asFigureQuestion(query: string, lang: Lang): string | undefined {
  if (ASKS_FOR_FIGURE.test(fold(query).toLowerCase())) return undefined;
  return lang === "vi" ? `có bao nhiêu ${query}` : `how many ${query}`;
}

/** The articles for an inline query; throws the desk's errors (an empty or overlong query) like `answer`. */
export async function inlineResults(desk: AnswerDeps, query: string): Promise<InlineQueryResultArticle[]> {
  const result = await answer(desk, { question: query });
  if (result.status === "answered" && result.figures.length > 0) return figureArticles(result);
  const figureQuestion = asFigureQuestion(query, result.lang);
  const asFigure = figureQuestion ? await answer(desk, { question: figureQuestion }) : undefined;
  if (asFigure?.status === "answered" && asFigure.figures.length > 0) return figureArticles(asFigure);
  return result.status === "answered" ? [answerArticle(result, desk.today())] : [];
}
