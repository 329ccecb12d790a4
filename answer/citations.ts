import type { CleanDocument } from "../core/types";
import type { Citation } from "./answer-types";

/** Where a quote sits in a document. */
export interface QuoteSpot {
  docId: string;
  sentence: string;
  sentenceStart: number;
  sectionPath: string[];
  page?: number;
}

/** Collects the citations of one answer, each quote once, and hands out their indexes. */
export class CitationList {
  readonly items: Citation[] = [];

  constructor(private readonly documents: Map<string, CleanDocument>) {}

  add(spot: QuoteSpot): number {
    const existing = this.items.findIndex(
      (item) => item.doc === spot.docId && item.start === spot.sentenceStart,
    );
    if (existing >= 0) return existing;
    const meta = this.documents.get(spot.docId)?.meta;
    if (!meta) throw new Error(`Unknown document ${spot.docId}`);
    const section = spot.sectionPath.join(" › ");
    this.items.push({
      doc: meta.id,
      title: meta.title,
      ...(meta.number ? { number: meta.number } : {}),
      ...(meta.date ? { date: meta.date } : {}),
      ...(section ? { section } : {}),
      ...(spot.page !== undefined ? { page: spot.page } : {}),
      quote: spot.sentence,
      label: meta.label,
      ...(meta.issuer ? { issuer: meta.issuer } : {}),
      asOf: meta.asOf,
      start: spot.sentenceStart,
      end: spot.sentenceStart + spot.sentence.length,
    });
    return this.items.length - 1;
  }
}
