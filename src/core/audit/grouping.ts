/** From "these items follow that total" to groups whose parts must add up. */
import { Item, Group } from "./model";
import { isDescendant, labelDef, partitionOf, sameFlow } from "./labels";

export interface GroupOptions {
  /** the writer says the list is complete (合计 row, 具体为) */
  exhaustive: boolean;
}

/**
 * Split the parts written under a total into groups, one per way of splitting it (a list that
 * names 基本支出, 项目支出 and 工资福利支出 holds two splits). Parts of another flow (结转结余
 * under 支出) are not parts. Unknown labels join the largest split.
 */
export function groupsFor(total: Item, candidates: Item[], opts: GroupOptions): Group[] {
  const seenKeys = new Set<string>();
  const parts = candidates.filter((p) => {
    if (p.id === total.id || !sameFlow(total.key, p.key)) return false;
    // one label twice in one list: the second is something else (an explanation), not a part
    if (p.key && seenKeys.has(p.key)) return false;
    if (p.key) seenKeys.add(p.key);
    return true;
  });
  if (parts.length === 0) return [];
  const def = labelDef(total.key);
  const buckets = new Map<number, Item[]>();
  const unknown: Item[] = [];
  for (const p of parts) {
    const idx = def?.partitions && p.key ? partitionOf(def.label.zh, p.key) : null;
    if (idx === null) unknown.push(p);
    else {
      const b = buckets.get(idx);
      if (b) b.push(p);
      else buckets.set(idx, [p]);
    }
  }
  const out: Group[] = [];
  if (buckets.size === 0) {
    const scores = total.score && unknown.length >= 2 && unknown.every((p) => p.score);
    out.push(make(total, unknown, opts.exhaustive || scores));
    return out;
  }
  let largest = -1;
  for (const [idx, b] of buckets) if (largest < 0 || b.length > (buckets.get(largest)?.length ?? 0)) largest = idx;
  for (const [idx, b] of buckets) {
    const members = idx === largest ? [...b, ...unknown].sort((x, y) => x.id - y.id) : b;
    const known = dropNested(b);
    out.push(make(total, dropNested(members), opts.exhaustive || known.length >= 2));
  }
  return out;
}

function make(total: Item, parts: Item[], exhaustive: boolean): Group {
  return { total: total.id, parts: parts.map((p) => p.id), exhaustive, kind: "sum" };
}

/** 财政拨款收入 and its own part 一般公共预算财政拨款收入 in one list: keep the outer one. */
function dropNested(parts: Item[]): Item[] {
  return parts.filter((p) => !parts.some((q) => q !== p && q.key && p.key && isDescendant(q.key, p.key)));
}

/** Record the first group's total as each part's parent. */
export function setParents(items: Item[], groups: Group[]): void {
  for (const g of groups) for (const id of g.parts) if (items[id].parent === null) items[id].parent = g.total;
}
