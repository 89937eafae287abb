/**
 * A worker thread of `jixiao review --jobs N` (docs/review.md): takes one file at a time from
 * the main thread and answers with its outcome; its heap is bounded (review-command.ts).
 */
import { parentPort } from "worker_threads";
import { FileJob, reviewFile } from "./review-file";

if (parentPort) {
  const port = parentPort;
  // one file after another, answered in the order received: when this thread dies, the main
  // thread knows the file it died on is the first it has not answered
  let queue: Promise<void> = Promise.resolve();
  port.on("message", (msg: { id: number; job: FileJob }) => {
    queue = queue.then(() =>
      reviewFile(msg.job).then(
        (outcome) => port.postMessage({ id: msg.id, outcome }),
        (e: unknown) => port.postMessage({ id: msg.id, error: (e as Error)?.message ?? String(e) }),
      ),
    );
  });
}
