import type { Route } from "./router";

/**
 * A view owns one part of the page. `update` runs on every route change that stays in the view, so
 * a filter or a new question refreshes the results without rebuilding the form the reader is using.
 */
export interface View {
  root: HTMLElement;
  /** The heading that takes focus when the reader switches views, so screen readers announce it. */
  heading: HTMLElement;
  update(route: Route): void;
}

/** Drops results that arrive after a newer request started, so a slow answer cannot replace a fresh one. */
export function latestOnly(): () => () => boolean {
  let generation = 0;
  return () => {
    const mine = ++generation;
    return () => mine === generation;
  };
}
