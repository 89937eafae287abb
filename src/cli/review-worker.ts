/**
 * A worker process of `jixiao review` (docs/review.md, "Speed" and "Hostile files"): takes one
 * file at a time from the main process and answers with its outcome. It runs with a bounded heap
 * (review-command.ts); when a file makes it die, only this process ends.
 */
import { FileJob, reviewFile } from "./review-file";

if (process.send) {
  const send = process.send.bind(process);
  // one file after another, answered in the order received: when this process dies, the main
  // process knows the file it died on is the first it has not answered
  let queue: Promise<void> = Promise.resolve();
  process.on("message", (msg: { id: number; job: FileJob }) => {
    queue = queue.then(
      () =>
        new Promise<void>((resolve) => {
          reviewFile(msg.job).then(
            (outcome) => send({ id: msg.id, outcome }, undefined, undefined, () => resolve()),
            (e: unknown) => send({ id: msg.id, error: (e as Error)?.message ?? String(e) }, undefined, undefined, () => resolve()),
          );
        }),
    );
  });
  // the main process closes the channel when the batch is done
  process.on("disconnect", () => process.exit(0));
}
