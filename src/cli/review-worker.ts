/**
 * A worker thread of `jixiao review --jobs N` (docs/review.md): takes one file at a time from
 * the main thread and answers with its outcome.
 */
import { parentPort } from "worker_threads";
import { FileJob, reviewFile } from "./review-file";

if (parentPort) {
  const port = parentPort;
  port.on("message", (msg: { id: number; job: FileJob }) => {
    reviewFile(msg.job).then(
      (outcome) => port.postMessage({ id: msg.id, outcome }),
      (e: unknown) => port.postMessage({ id: msg.id, error: (e as Error).message ?? String(e) }),
    );
  });
}
