/** What a finished build records about itself; written last, so a build without it is unfinished. */
export const INDEX_FORMAT_VERSION = 3;

export interface Manifest {
  version: number;
  builtAt: string;
  corpusFingerprint: string;
  counts: {
    documents: number;
    sections: number;
    chunks: number;
    figures: number;
    deadlines: number;
    series?: number;
  };
  embedding: { model: string; dimensions: number } | null;
}
