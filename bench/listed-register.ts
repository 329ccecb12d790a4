import { listDeadlines } from "../answer/list-deadlines";
import type { LoadedIndex } from "../index/read";
import type { ListedDeadline } from "./register-score";

/**
 * The register as `GET /api/deadlines` lists it (every deadline, one per task and due date), with each
 * deadline's citation quote (its sentence) and its report's seed file name.
 */
export function listedRegister(index: LoadedIndex, today: string): ListedDeadline[] {
  return listDeadlines(index.deadlines, { today }).map((deadline) => {
    const meta = index.documentsById.get(deadline.docId)?.meta;
    return {
      task: deadline.task,
      ...(deadline.body ? { body: deadline.body } : {}),
      dueDate: deadline.dueDate,
      quote: deadline.sentence,
      source: meta?.source ?? meta?.file ?? deadline.docId,
    };
  });
}
