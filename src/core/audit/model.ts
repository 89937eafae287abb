/**
 * The statement as the checks see it: labelled items carrying figures, and groups
 * (a total and the parts that make it). Tables and sentences both read into this shape.
 */
import { Figure } from "./figure";

export const VALUE_ROLES = ["current", "prior", "budget", "adjusted", "share", "growth", "change", "rate"] as const;
export type ValueRole = (typeof VALUE_ROLES)[number];

/** Money-like roles that add up within a group. */
export const AMOUNT_ROLES: ValueRole[] = ["current", "prior", "budget", "adjusted"];

export interface Direction {
  sign: 1 | -1 | 0;
  word: string;
}

export interface Item {
  id: number;
  /** the label, cleaned (no enumerator, no 其中, no spaces) */
  label: string;
  key: string | null;
  /** the cleaned label is exactly one of the key's spellings */
  clean: boolean;
  /** the label's cell (tables) or the sentence's cell (text) */
  cell: string;
  row: number;
  source: "table" | "text";
  /** index into the tables found (table items only) */
  table: number | null;
  values: Partial<Record<ValueRole, Figure>>;
  /** direction words written before a change or a growth rate (text) */
  directions: Partial<Record<"change" | "growth", Direction>>;
  /** the label of the comparison base when it names one (比年初预算 3553.21 万元) */
  priorLabel?: string;
  /** the total this item is counted in */
  parent: number | null;
  /** a score (分) figure */
  score: boolean;
}

export interface Group {
  total: number;
  parts: number[];
  /** the parts are all of the total (a 合计 row, a complete split, 具体为…): they must add up */
  exhaustive: boolean;
  /** "sum": total = Σ parts; "difference": total = parts[0] − parts[1] */
  kind: "sum" | "difference";
}

export interface Statement {
  items: Item[];
  groups: Group[];
}

export function newItem(id: number, init: Omit<Item, "id" | "values" | "directions" | "parent" | "score"> & Partial<Item>): Item {
  return { values: {}, directions: {}, parent: null, score: false, ...init, id };
}
