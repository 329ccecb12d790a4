import { inject } from "vitest";
import type { AnswerDeps } from "../../answer/answer-types";
import type { LoadedIndex } from "../../index/read";
import { readIndex } from "../../index/read";

/** The day tests pretend it is: after the 2024 deadlines, before the late-2025 ones. */
export const TEST_TODAY = "2025-02-15";

let loaded: LoadedIndex | undefined;

/** The real corpus's index, loaded once per test file. */
export function testIndex(): LoadedIndex {
  loaded ??= readIndex(inject("indexDir"));
  return loaded;
}

export function testDeps(overrides: Partial<AnswerDeps> = {}): AnswerDeps {
  return { index: testIndex(), today: () => TEST_TODAY, ...overrides };
}
