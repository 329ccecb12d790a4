import { type Answer, ask } from "./api";
import { loadDocumentsById } from "./citation-parts";
import { element, replaceChildren } from "./dom";
import { language, strings } from "./i18n";
import { errorNotice, loadingNotice } from "./notices";
import { renderAnswer } from "./render-answer";
import { hrefOf, type Route } from "./router";
import { latestOnly, type View } from "./view";

/** The question box and the answer below it. The question lives in the URL, so an answer can be shared. */
const answers = new Map<string, Promise<Answer>>();

function cachedAsk(question: string): Promise<Answer> {
  const key = `${language()}\n${question}`;
  let pending = answers.get(key);
  if (!pending) {
    pending = ask(question, language());
    answers.set(key, pending);
    // Failures are retried on the next ask rather than remembered.
    pending.catch(() => answers.delete(key));
  }
  return pending;
}

function examples(): HTMLElement {
  const words = strings();
  return element(
    "div",
    { class: "examples" },
    element("span", { class: "examples-label" }, `${words.examplesLabel}:`),
    element(
      "ul",
      {},
      ...words.examples.map((example) =>
        element("li", {}, element("a", { href: hrefOf({ view: "ask", question: example }) }, example)),
      ),
    ),
  );
}

export function createAskView(): View {
  const words = strings();
  const heading = element("h2", { id: "ask-heading", tabindex: "-1" }, words.askHeading);
  const input = element("input", {
    type: "search",
    id: "question",
    name: "q",
    autocomplete: "off",
    enterkeyhint: "search",
    maxlength: 1000,
    placeholder: words.questionPlaceholder,
    "aria-describedby": "question-hint",
  });
  const form = element(
    "form",
    { class: "ask-form", role: "search", "aria-labelledby": "ask-heading" },
    element("label", { for: "question" }, words.questionLabel),
    element("div", { class: "ask-row" }, input, element("button", { type: "submit" }, words.askButton)),
    element("p", { id: "question-hint", class: "hint" }, words.questionHint),
  );
  const result = element("div", { class: "result", "aria-live": "polite" });
  const isCurrent = latestOnly();

  async function show(question: string): Promise<void> {
    const stillCurrent = isCurrent();
    if (!question) {
      replaceChildren(result);
      return;
    }
    result.setAttribute("aria-busy", "true");
    delete result.dataset.question;
    replaceChildren(result, loadingNotice(strings().searching));
    try {
      const [answer, documents] = await Promise.all([cachedAsk(question), loadDocumentsById()]);
      if (stillCurrent()) replaceChildren(result, renderAnswer(answer, documents));
    } catch (error) {
      if (stillCurrent()) replaceChildren(result, errorNotice(error));
    } finally {
      if (stillCurrent()) {
        result.removeAttribute("aria-busy");
        // Says which question the shown result answers, for scripts and tests driving the page.
        result.dataset.question = question;
      }
    }
  }

  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const question = input.value.trim();
    if (!question) {
      replaceChildren(result, element("p", { class: "notice", role: "status" }, strings().emptyQuestion));
      input.focus();
      return;
    }
    const href = hrefOf({ view: "ask", question });
    // Asking the same question again does not change the hash, so no hashchange would answer it.
    if (location.hash === href) void show(question);
    else location.hash = href;
  });

  const root = element(
    "section",
    { class: "view view-ask", "aria-labelledby": "ask-heading" },
    heading,
    form,
    examples(),
    result,
  );
  return {
    root,
    heading,
    update(route: Route) {
      if (route.view !== "ask") return;
      input.value = route.question;
      void show(route.question);
    },
  };
}
