/**
 * Rows of a label/value table → items and groups. Which rows are parts of which total:
 * - "其中：" rows are parts of the row above (and the rows continuing that list);
 * - a 合计/小计 row closes the parts above it (or, as the first row, heads those below);
 * - the label hierarchy: a known label is a part of the nearest open total it belongs to;
 * - indentation: a deeper row is a part of the row above it.
 */
import { groupsFor } from "./grouping";
import { isDescendant, labelDef, labelledItem, sameFlow } from "./labels";
import { Group, Item } from "./model";
import { relationGroups } from "./text-reader";
import { FoundTable, TableRow } from "./table-reader";

const BARE_TOTAL_RE = /^(合计|小计|总计|共计|合计数|总额|总分|总得分|得分合计|合计得分)$/;
const CLOSING_RE = /(合计|小计|总计)$/;

interface Node {
  item: Item;
  row: TableRow;
  bare: boolean;
}

export function tableItems(tables: FoundTable[], firstId: number): { items: Item[]; groups: Group[] } {
  const items: Item[] = [];
  const groups: Group[] = [];
  tables.forEach((t, ti) => {
    const children = new Map<number, Item[]>();
    const exhaustive = new Set<number>();
    const indented = new Set<number>();
    const attach = (parent: Item, child: Item) => {
      const list = children.get(parent.id);
      if (list) list.push(child);
      else children.set(parent.id, [child]);
      child.parent = parent.id;
    };
    let stack: Node[] = [];
    let pending: Node[] = [];
    let prev: Node | null = null;
    const qzAnchor = new Map<number, { anchor: Item; indent: number }>();
    const tableItemsStart = items.length;
    for (const row of t.rows) {
      if (row.heading) {
        // a section heading: what came before is closed
        stack = [];
        pending = [];
        prev = null;
        continue;
      }
      const item = labelledItem(firstId + items.length, row.label, {
        cell: row.labelCell,
        row: row.row,
        source: "table",
        table: ti,
        score: t.score || Object.values(row.values).some((f) => f?.unit?.text === "分"),
      });
      item.values = row.values;
      items.push(item);
      const node: Node = { item, row, bare: BARE_TOTAL_RE.test(row.label) || item.key === "总分" };
      // 1. 其中
      const chain = prev ? qzAnchor.get(prev.item.id) : undefined;
      if (row.qizhong && prev) {
        const anchor = chain ? chain.anchor : prev.item;
        attach(anchor, item);
        qzAnchor.set(item.id, { anchor, indent: row.indent });
        prev = node;
        stack.push(node);
        continue;
      }
      if (chain && !node.bare && continuesChain(chain, item, row)) {
        attach(chain.anchor, item);
        qzAnchor.set(item.id, chain);
        prev = node;
        continue;
      }
      // 2. a bare 合计 / 小计 / 总分 row
      if (node.bare) {
        if (pending.length > 0) {
          for (const p of pending) attach(item, p.item);
          exhaustive.add(item.id);
          pending = [];
          stack = [];
          prev = null;
          continue;
        }
        exhaustive.add(item.id);
        stack = [node];
        prev = node;
        continue;
      }
      // 3. a labelled total under its parts ("本年支出合计" written last)
      if (item.key && labelDef(item.key)?.partitions) {
        const below = pending.filter((p) => p.item.key && isDescendant(item.key as string, p.item.key));
        if (below.length > 0 && (CLOSING_RE.test(row.label) || below.length >= 2)) {
          for (const p of below) attach(item, p.item);
          pending = pending.filter((p) => !below.includes(p));
          stack = [];
          prev = node;
          continue;
        }
      }
      // 4. the hierarchy and indentation
      while (stack.length && !accepts(stack, node)) stack.pop();
      if (stack.length) {
        const top = stack[stack.length - 1];
        attach(top.item, item);
        // rows indented under a total (not a 其中 list) are its breakdown
        if (row.indent > top.row.indent) indented.add(top.item.id);
      } else pending.push(node);
      stack.push(node);
      prev = node;
    }
    // groups: each total with its parts, split by the ways the total divides
    for (const it of items.slice(tableItemsStart)) {
      const kids = children.get(it.id);
      if (!kids?.length) continue;
      for (const k of kids) k.parent = null;
      const viaQizhong = kids.some((k) => qzAnchor.get(k.id)?.anchor === it);
      const full = exhaustive.has(it.id) || (indented.has(it.id) && kids.length >= 2 && !viaQizhong);
      const gs = groupsFor(it, kids, { exhaustive: full });
      for (const item of gs) groups.push(item);
    }
    for (const item of relationGroups(items.slice(tableItemsStart))) groups.push(item);
  });
  return { items, groups };
}

function accepts(stack: Node[], node: Node): boolean {
  const top = stack[stack.length - 1];
  if (node.row.indent > top.row.indent) return true;
  if (node.row.indent < top.row.indent) return false;
  if (top.bare) return true;
  const t = top.item.key;
  const k = node.item.key;
  if (!t || !k) return false;
  if (isDescendant(t, k)) return true;
  // "其他支出" / "其他收入": the remainder of the open total it is listed under, else of the nearest of its flow
  if (!/^其他/.test(k) || !labelDef(t)?.partitions || !sameFlow(t, k)) return false;
  return !stack.some((n) => n.item.key && isDescendant(n.item.key, k));
}

function continuesChain(chain: { anchor: Item; indent: number }, item: Item, row: TableRow): boolean {
  if (row.indent > 0 || chain.indent > 0) return row.indent >= chain.indent && row.indent > 0;
  if (!item.key) return true;
  return !!(chain.anchor.key && isDescendant(chain.anchor.key, item.key));
}
