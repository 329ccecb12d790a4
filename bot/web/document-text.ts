import type { DocumentFull } from "./api";
import { element } from "./dom";

/**
 * A document's cleaned text as text nodes, with page markers, anchors for the contents, and the cited
 * passage wrapped in <mark>. Offsets are the API's UTF-16 offsets into `text`, which is what
 * `String.prototype.slice` counts, so the marked span is exactly the cited one.
 */
export interface RenderedText {
  root: HTMLElement;
  /** The first <mark> of the cited passage (a passage crossing a page break is split in two). */
  mark?: HTMLElement;
  /** Section index → its anchor, for the contents links. */
  anchors: Map<number, HTMLElement>;
}

type Cut =
  | { at: number; order: 0; kind: "mark-end" }
  | { at: number; order: 1; kind: "page"; page: number }
  | { at: number; order: 2; kind: "section"; index: number }
  | { at: number; order: 3; kind: "mark-start" };

function cutsOf(
  source: DocumentFull,
  sectionIndexes: number[],
  passage?: { start: number; end: number },
): Cut[] {
  const cuts: Cut[] = [];
  for (const page of source.pages) cuts.push({ at: page.start, order: 1, kind: "page", page: page.page });
  for (const index of sectionIndexes) {
    const section = source.sections[index];
    if (section) cuts.push({ at: section.start, order: 2, kind: "section", index });
  }
  if (passage) {
    const start = Math.min(passage.start, source.text.length);
    const end = Math.min(passage.end, source.text.length);
    if (end > start)
      cuts.push({ at: start, order: 3, kind: "mark-start" }, { at: end, order: 0, kind: "mark-end" });
  }
  return cuts.sort((left, right) => left.at - right.at || left.order - right.order);
}

export function renderDocumentText(
  source: DocumentFull,
  pageLabel: (page: number) => string,
  sectionIndexes: number[],
  passage?: { start: number; end: number },
): RenderedText {
  const root = element("div", { class: "document-text" });
  const anchors = new Map<number, HTMLElement>();
  let firstMark: HTMLElement | undefined;
  let openMark: HTMLElement | undefined;
  let position = 0;

  const openNewMark = () => {
    openMark = element("mark", { class: "cited-passage" });
    firstMark ??= openMark;
    root.append(openMark);
  };
  /** Markers sit outside the mark, so the marked text stays exactly the quote. */
  const appendBeside = (node: HTMLElement) => {
    const wasMarking = openMark !== undefined;
    openMark = undefined;
    root.append(node);
    if (wasMarking) openNewMark();
  };

  for (const cut of cutsOf(source, sectionIndexes, passage)) {
    if (cut.at > position) {
      (openMark ?? root).append(source.text.slice(position, cut.at));
      position = cut.at;
    }
    if (cut.kind === "mark-start") openNewMark();
    else if (cut.kind === "mark-end") openMark = undefined;
    else if (cut.kind === "page")
      appendBeside(element("span", { class: "page-marker" }, pageLabel(cut.page)));
    else {
      const anchor = element("span", { class: "section-anchor", id: `section-${cut.index}`, tabindex: "-1" });
      anchors.set(cut.index, anchor);
      appendBeside(anchor);
    }
  }
  root.append(source.text.slice(position));
  if (firstMark) firstMark.id = "cited-passage";
  return { root, ...(firstMark ? { mark: firstMark } : {}), anchors };
}
