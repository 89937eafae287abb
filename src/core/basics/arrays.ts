/**
 * Appending one list to another without spreading it into call arguments: `push(...items)` passes
 * every item on the stack and overflows it on long lists (docs/write-back.md, "Bounded resources").
 */
export function appendAll<T>(to: T[], items: Iterable<T>): T[] {
  for (const item of items) to.push(item);
  return to;
}
