import { type Lang, language, type Strings, setLanguage, strings } from "./i18n";
import { parseRoute, type Route } from "./router";
import type { View } from "./view";
import { createAskView } from "./view-ask";
import { createDeadlinesView } from "./view-deadlines";
import { createDocumentsView, createDocumentView } from "./view-documents";

/**
 * The page's entry point: fills the static frame of `index.html` with the interface language, and swaps
 * the view in <main> when the hash route changes.
 */
const VIEWS: Record<Route["view"], () => View> = {
  ask: createAskView,
  deadlines: createDeadlinesView,
  documents: createDocumentsView,
  document: createDocumentView,
};

/** The navigation tab each view belongs to: a document is part of "Documents". */
const TAB_OF: Record<Route["view"], string> = {
  ask: "ask",
  deadlines: "deadlines",
  documents: "documents",
  document: "documents",
};

let current: { name: Route["view"]; lang: Lang; view: View } | undefined;

function requireElement<Type extends HTMLElement>(selector: string): Type {
  const found = document.querySelector<Type>(selector);
  if (!found) throw new Error(`index.html lacks ${selector}`);
  return found;
}

/** Texts of the frame carry `data-text="<key>"`; the key names a string of the current language. */
function translateFrame(): void {
  const words = strings();
  for (const node of document.querySelectorAll<HTMLElement>("[data-text]")) {
    const value = words[node.dataset.text as keyof Strings];
    if (typeof value === "string") node.textContent = value;
  }
  const toggle = requireElement<HTMLButtonElement>("#language-toggle");
  toggle.textContent = words.otherLanguage;
  toggle.lang = language() === "vi" ? "en" : "vi";
  // A title, not an aria-label: the accessible name stays the visible word, which voice control users say.
  toggle.title = words.otherLanguageTitle;
  requireElement("#site-navigation").setAttribute("aria-label", words.navigationLabel);
}

function markCurrentTab(route: Route): void {
  for (const link of document.querySelectorAll<HTMLAnchorElement>("[data-tab]")) {
    if (link.dataset.tab === TAB_OF[route.view]) link.setAttribute("aria-current", "page");
    else link.removeAttribute("aria-current");
  }
}

function render(): void {
  const route = parseRoute(location.hash);
  const main = requireElement("#main-content");
  const changedView = current !== undefined && current.name !== route.view;
  if (!current || current.name !== route.view || current.lang !== language()) {
    const view = VIEWS[route.view]();
    main.replaceChildren(view.root);
    current = { name: route.view, lang: language(), view };
    // Moving focus to the new heading tells screen reader users the view changed; on first load and on a
    // language switch the reader's place (the address bar, the toggle) is left alone.
    if (changedView) view.heading.focus();
  }
  markCurrentTab(route);
  document.title = `${current.view.heading.textContent ?? ""} · ${strings().appTitle}`;
  current.view.update(route);
}

function start(): void {
  setLanguage(language());
  translateFrame();
  requireElement("#language-toggle").addEventListener("click", () => {
    setLanguage(language() === "vi" ? "en" : "vi");
    translateFrame();
    render();
  });
  // The skip link cannot use a #fragment: fragments are the routes here.
  requireElement("#skip-link").addEventListener("click", (event) => {
    event.preventDefault();
    requireElement("#main-content").focus();
  });
  window.addEventListener("hashchange", render);
  render();
}

start();
