import { DeskError } from "../core/errors";
import { normalizeText } from "../core/text";
import type { Deadline, Figure } from "../core/types";
import { type QueryPlan, understandQuestion } from "../index/query";
import { type SearchHit, search, timeFit } from "../index/search";
import type { Answer, AnswerDeadline, AnswerDeps, AnswerFigure, AskRequest } from "./answer-types";
import { rankDates } from "./choose-date";
import { deadlineStatus, listDeadlines, rankDeadlines } from "./choose-deadlines";
import { chooseFigures, type ScoredFigure } from "./choose-figures";
import { rankSentences } from "./choose-sentence";
import { CitationList, type QuoteSpot } from "./citations";
import { ungroundedNumbers } from "./grounding";
import { excerpt, type Lang, phrases, readableDate, sourceLine } from "./wording";

/**
 * The answer composer: understands the question, searches, and answers extractively with the figure,
 * deadline, date or sentence the reports print, each cited. When nothing answers well enough it says so
 * and shows the closest passages. An optional phraser may reword the answer; the grounding check keeps
 * any number out that the cited quotes do not print.
 */
export const MAX_QUESTION_CHARS = 1000;
const SEARCH_DEPTH = 15;
const MIN_COVERAGE = 0.6;
const MAX_LISTED = 15;

interface Composition {
  lines: string[];
  figures: AnswerFigure[];
  deadlines: AnswerDeadline[];
  /** Derived values the answer may print besides the quotes (normalized due dates, today). */
  derived: string[];
}

interface Context {
  plan: QueryPlan;
  hits: SearchHit[];
  citations: CitationList;
  lang: Lang;
  today: string;
  deadlines: Deadline[];
}

function spotOf(item: Figure | Deadline): QuoteSpot {
  return {
    docId: item.docId,
    sentence: item.sentence,
    sentenceStart: item.sentenceStart,
    sectionPath: item.sectionPath,
    ...(item.page !== undefined ? { page: item.page } : {}),
  };
}

function printedFigure(figure: Figure): string {
  if (!figure.unit || figure.unit === "%" || figure.text.endsWith(figure.unit)) return figure.text;
  return `${figure.text} ${figure.unit}`;
}

/** A goal or a change must never read as an achieved level: say which it is. */
function figureLabel(figure: Figure, lang: Lang): string {
  const words = phrases(lang);
  if (figure.target) return `${words.target}: `;
  return figure.change ? `${words.change}: ` : "";
}

function figureEntry(scored: ScoredFigure, context: Context): AnswerFigure {
  const { figure } = scored;
  return {
    value: figure.value,
    text: figure.text,
    ...(figure.unit ? { unit: figure.unit } : {}),
    asOf: figure.asOf,
    citation: context.citations.add(spotOf(figure)),
  };
}

function composeFigures(context: Context): Composition | undefined {
  const choice = chooseFigures(context.plan, context.hits);
  if (!choice) return undefined;
  const { lang, citations } = context;
  const words = phrases(lang);
  const { lead, timeline, more } = choice;
  const figures = [lead, ...more, ...timeline].map((scored) => figureEntry(scored, context));
  const leadCitation = citations.items[figures[0]?.citation ?? 0];
  if (!leadCitation) return undefined;
  const quoteAt = (figure: Figure) =>
    excerpt(figure.sentence, figure.start - figure.sentenceStart, figure.end - figure.sentenceStart);
  const { time } = context.plan;
  // Asked for a time the reports do not cover: say so before giving the nearest figure.
  const offTime =
    time && timeFit(lead.figure.asOf, context.plan) < 1
      ? [words.noFigureFor(readableDate(time.iso, lang))]
      : [];
  const lines = [
    ...offTime,
    `${figureLabel(lead.figure, lang)}${printedFigure(lead.figure)} (${words.asOf} ${readableDate(lead.figure.asOf, lang)}, ${sourceLine(leadCitation, lang)}).`,
    `${words.quote}: "${quoteAt(lead.figure)}"`,
  ];
  if (more.length > 0) {
    lines.push(`${words.more}: ${more.map((scored) => `"${quoteAt(scored.figure)}"`).join("; ")}`);
  }
  if (timeline.length > 0) {
    const older = timeline.map((scored) => {
      const citation = citations.items[citations.add(spotOf(scored.figure))];
      return `${figureLabel(scored.figure, lang)}${printedFigure(scored.figure)} — ${readableDate(scored.figure.asOf, lang)} (${citation?.label ?? ""})`;
    });
    lines.push(`${words.earlier}: ${older.join("; ")}.`);
  }
  return { lines, figures, deadlines: [], derived: [] };
}

function deadlineEntry(deadline: Deadline, context: Context): AnswerDeadline {
  return {
    task: deadline.task,
    ...(deadline.body ? { body: deadline.body } : {}),
    dueText: deadline.dueText,
    dueDate: deadline.dueDate,
    setOn: deadline.setOn,
    status: deadlineStatus(deadline.dueDate, context.today),
    reportedLate: deadline.late || deadline.lateNotes.length > 0,
    citation: context.citations.add(spotOf(deadline)),
  };
}

function statusText(entry: AnswerDeadline, context: Context): string {
  const words = phrases(context.lang);
  const late = entry.reportedLate ? `; ${words.reportedLate}` : "";
  return `${words.status[entry.status]} (${words.today} ${readableDate(context.today, context.lang)})${late}`;
}

function composeDeadline(context: Context): Composition | undefined {
  const best = rankDeadlines(context.plan, context.hits)[0];
  if (!best || best.clause < MIN_COVERAGE) return undefined;
  const { deadline } = best;
  const entry = deadlineEntry(deadline, context);
  const words = phrases(context.lang);
  const citation = context.citations.items[entry.citation];
  const who = deadline.body ? `${deadline.body}: ` : "";
  const lines = [
    `${who}${deadline.task} — ${words.due} ${deadline.dueText} (${readableDate(deadline.dueDate, context.lang)}), ${words.setBy} ${citation ? sourceLine(citation, context.lang) : ""}.`,
    `${statusText(entry, context)}.`,
    `${words.quote}: "${excerpt(deadline.sentence, deadline.start - deadline.sentenceStart, deadline.end - deadline.sentenceStart)}"`,
  ];
  return {
    lines,
    figures: [],
    deadlines: [entry],
    derived: [deadline.dueDate, readableDate(deadline.dueDate, context.lang), context.today],
  };
}

function listScope(context: Context): string {
  const { plan, lang } = context;
  const parts: string[] = [];
  if (plan.time && plan.docIds.length === 0)
    parts.push(
      lang === "vi"
        ? ` trong ${readableDate(plan.time.iso, lang)}`
        : ` in ${readableDate(plan.time.iso, lang)}`,
    );
  if (plan.body) parts.push(lang === "vi" ? ` của ${plan.body}` : ` for ${plan.body}`);
  if (plan.overdue) parts.push(lang === "vi" ? " đã quá hạn" : " past due");
  return parts.join("");
}

function composeDeadlineList(context: Context): Composition | undefined {
  const { plan, today, lang } = context;
  // "…according to the January 2025 report": the time dates the report, whose deadlines are listed.
  const fromDocuments = plan.docIds.length > 0;
  const deadlines = fromDocuments
    ? context.deadlines.filter((deadline) => plan.docIds.includes(deadline.docId))
    : context.deadlines;
  const dueTime = fromDocuments ? undefined : plan.time;
  const listed = listDeadlines(deadlines, {
    today,
    ...(dueTime ? { from: dueTime.periodStart, to: dueTime.periodEnd } : {}),
    ...(plan.body ? { body: plan.body } : {}),
    ...(plan.overdue ? { overdue: true } : {}),
  });
  if (listed.length === 0) return undefined;
  const words = phrases(lang);
  const entries = listed.map((deadline) => deadlineEntry(deadline, context));
  const lines = [words.deadlines(entries.length, listScope(context))];
  for (const entry of entries.slice(0, MAX_LISTED)) {
    const citation = context.citations.items[entry.citation];
    const who = entry.body ? `${entry.body}: ` : "";
    const late = entry.reportedLate ? ` — ${words.reportedLate}` : "";
    lines.push(
      `• ${readableDate(entry.dueDate, lang)} — ${who}${entry.task} (${entry.dueText}; ${citation?.label ?? ""})${late}`,
    );
  }
  if (entries.length > MAX_LISTED) lines.push(words.moreDeadlines(entries.length - MAX_LISTED));
  const derived = entries.flatMap((entry) => [entry.dueDate, readableDate(entry.dueDate, lang)]);
  return { lines, figures: [], deadlines: entries, derived: [...derived, today, plan.question] };
}

function composeDate(context: Context): Composition | undefined {
  const best = rankDates(context.plan, context.hits)[0];
  if (!best || best.clause < MIN_COVERAGE) return undefined;
  const { lang, citations } = context;
  const words = phrases(lang);
  const index = citations.add({
    docId: best.chunk.docId,
    sentence: best.sentence,
    sentenceStart: best.sentenceStart,
    sectionPath: best.chunk.sectionPath,
    ...(best.chunk.page !== undefined ? { page: best.chunk.page } : {}),
  });
  const citation = citations.items[index];
  const iso = best.mention.iso;
  const lines = [
    `${best.mention.text.trim()} (${iso}) — ${citation ? sourceLine(citation, lang) : ""}.`,
    `${words.quote}: "${excerpt(best.sentence, best.mention.start, best.mention.end)}"`,
  ];
  return { lines, figures: [], deadlines: [], derived: [iso] };
}

const PLACE_NAME = /(?:tỉnh|thành phố)\s+\p{Lu}/u;

function composeFact(context: Context, minimumCoverage = 0.7): Composition | undefined {
  const best = rankSentences(context.plan, context.hits)[0];
  if (!best || best.score < minimumCoverage) return undefined;
  if (context.plan.expectsName === "place" && !PLACE_NAME.test(best.spot.sentence)) return undefined;
  const index = context.citations.add(best.spot);
  const citation = context.citations.items[index];
  return {
    lines: [
      `${citation ? sourceLine(citation, context.lang) : ""}: "${excerpt(best.spot.sentence, 0, 0, 400)}"`,
    ],
    figures: [],
    deadlines: [],
    derived: [],
  };
}

function compose(context: Context): Composition | undefined {
  const { plan } = context;
  if (plan.unknownNames.length > 0) return undefined;
  if (plan.expectsName === "place") return composeFact(context);
  switch (plan.intent) {
    case "deadline-list":
      return composeDeadlineList(context);
    case "deadline":
      // A body or a period narrows the question to that body's tasks in that period, never any date.
      if (plan.body || plan.time) return composeDeadline(context) ?? composeDeadlineList(context);
      return composeDeadline(context) ?? composeDate(context);
    case "date":
      return composeDate(context) ?? composeDeadline(context);
    case "figure":
      // "How did Viettel rank?" reads like a figure question but is answered by a sentence; "how many…?"
      // is not, and a sentence without the number would only look like an answer.
      return (
        composeFigures(context) ?? (plan.expects || plan.asksCount ? undefined : composeFact(context, 0.9))
      );
    default:
      // "Bộ Y tế phải làm gì trong tháng 3/2025?": a body's duties are its deadlines.
      if (plan.body && (plan.time || plan.asksDuties)) return composeDeadlineList(context);
      // A topic without a question word ("tai khoan vneid", "số hồ sơ … tính đến tháng 1/2025") asks for its figure.
      if (plan.bareTopic) return composeFigures(context) ?? composeFact(context);
      return composeFact(context);
  }
}

function notFound(context: Context): Answer {
  const { lang, plan, citations } = context;
  const words = phrases(lang);
  const lines: string[] = [words.notFound];
  if (plan.unknownNames.length > 0) lines.push(`${words.unknownNames}: ${plan.unknownNames.join(", ")}.`);
  const closest = rankSentences(plan, context.hits)
    .filter(
      (candidate, index, all) =>
        all.findIndex((other) => other.spot.docId === candidate.spot.docId) === index,
    )
    .slice(0, 3);
  if (closest.length > 0) {
    lines.push(`${words.closest}:`);
    for (const candidate of closest) {
      const citation = citations.items[citations.add(candidate.spot)];
      lines.push(`• ${citation?.label ?? ""}: "${excerpt(candidate.spot.sentence, 0, 0, 200)}"`);
    }
  }
  return {
    status: "not_found",
    answer: lines.join("\n"),
    lang,
    figures: [],
    deadlines: [],
    citations: citations.items,
  };
}

/** Validates and normalizes the question; an empty one is the caller's mistake, not a search. */
export function readQuestion(raw: string): string {
  const question = normalizeText(raw)
    .replace(/[\u200B-\u200F\u202A-\u202E\u2060-\u2064\uFEFF]/g, "")
    .trim();
  if (!question)
    throw new DeskError(
      "QUESTION_EMPTY",
      "The question is empty. Ask about a figure, a deadline or a date in Đề án 06.",
    );
  if (question.length > MAX_QUESTION_CHARS) {
    throw new DeskError(
      "QUESTION_TOO_LONG",
      `The question is longer than ${MAX_QUESTION_CHARS} characters. Shorten it.`,
    );
  }
  return question;
}

async function phraseOrKeep(
  deps: AnswerDeps,
  extractive: Answer,
  derived: string[],
  question: string,
): Promise<Answer> {
  if (!deps.phraser || extractive.status !== "answered") return extractive;
  try {
    const phrased = (await deps.phraser.phrase(extractive, question)).trim();
    if (!phrased || ungroundedNumbers(phrased, extractive.citations, derived).length > 0) return extractive;
    return { ...extractive, answer: phrased };
  } catch {
    return extractive;
  }
}

export async function answer(deps: AnswerDeps, request: AskRequest): Promise<Answer> {
  const question = readQuestion(request.question);
  const { index } = deps;
  const plan = understandQuestion(
    question,
    { lexical: index.lexical, documents: index.documents.map((document) => document.meta) },
    { ...(request.lang ? { lang: request.lang } : {}), ...(request.asOf ? { asOf: request.asOf } : {}) },
  );
  const hits = await search({ index, ...(deps.embedder ? { embedder: deps.embedder } : {}) }, plan, {
    topK: SEARCH_DEPTH,
  });
  const context: Context = {
    plan,
    hits,
    citations: new CitationList(deps.index.documentsById),
    lang: plan.lang,
    today: deps.today(),
    deadlines: index.deadlines,
  };
  const composition = compose(context);
  if (!composition) return notFound({ ...context, citations: new CitationList(deps.index.documentsById) });
  const extractive: Answer = {
    status: "answered",
    answer: composition.lines.join("\n"),
    lang: context.lang,
    figures: composition.figures,
    deadlines: composition.deadlines,
    citations: context.citations.items,
  };
  return phraseOrKeep(deps, extractive, composition.derived, question);
}
