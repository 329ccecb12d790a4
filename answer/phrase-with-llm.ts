import type { BaseChatModel } from "@langchain/core/language_models/chat_models";
import type { Answer, AnswerPhraser } from "./answer-types";

/**
 * Optional: an LLM (any OpenAI-compatible endpoint) rewords the extractive answer into one fluent
 * paragraph. It only sees the extractive answer and its quotes; the composer's grounding check rejects
 * its text when it prints a number the quotes do not.
 */
function promptFor(answer: Answer, question: string): string {
  const language = answer.lang === "en" ? "English" : "Vietnamese";
  const quotes = answer.citations
    .map((citation, index) => `[${index + 1}] ${citation.label}: "${citation.quote}"`)
    .join("\n");
  return [
    `Rewrite the answer below in ${language} as at most three short sentences for a government official.`,
    "Use only facts and numbers from the answer and the quotes, written exactly as printed. Do not add numbers.",
    `Question: ${question}`,
    `Answer:\n${answer.answer}`,
    `Quotes:\n${quotes}`,
  ].join("\n\n");
}

export function createChatPhraser(model: BaseChatModel): AnswerPhraser {
  return {
    async phrase(answer, question) {
      const reply = await model.invoke(promptFor(answer, question));
      return typeof reply.content === "string"
        ? reply.content
        : reply.content.map((part) => ("text" in part ? part.text : "")).join("");
    },
  };
}

/** The OpenAI client weighs over a second of start-up, so it loads only when an LLM is configured. */
export async function createPhraser(settings: {
  baseUrl: string;
  model: string;
  apiKey?: string;
}): Promise<AnswerPhraser> {
  const { ChatOpenAI } = await import("@langchain/openai");
  return createChatPhraser(
    new ChatOpenAI({
      model: settings.model,
      apiKey: settings.apiKey ?? "not-needed",
      configuration: { baseURL: settings.baseUrl },
      temperature: 0,
      timeout: 15_000,
      maxRetries: 1,
    }),
  );
}
