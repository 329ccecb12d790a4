import { ApiError } from "./api";
import { element } from "./dom";
import { strings } from "./i18n";

/** The messages a view shows instead of data: loading, not found, and failures worded for a reader. */
export function loadingNotice(text = strings().loading): HTMLElement {
  return element("p", { class: "notice notice-loading", role: "status" }, text);
}

export function errorNotice(error: unknown): HTMLElement {
  const words = strings();
  const details =
    error instanceof ApiError && error.code !== "NETWORK"
      ? [element("p", {}, words.serverError(error.code), " ", error.message)]
      : [element("p", {}, words.networkError)];
  return element(
    "div",
    { class: "notice notice-error", role: "alert" },
    element("p", { class: "notice-title" }, words.errorTitle),
    ...details,
  );
}
