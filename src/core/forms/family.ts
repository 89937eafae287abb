/**
 * The form-family interface (docs/form-families.md). A family knows one kind of form offices fill
 * in — the national project / department forms, a plain indicator table, a scoring sheet … — and
 * does two things: it recognises a grid (how sure it is, and where the table sits) and it reads
 * the grid into blocks of indicator rows with their points, the budget line, the stated totals and
 * grade, and the form's info block. Scoring, totals and findings are shared (src/core/indicators):
 * a family never scores. Pure; never throws.
 */
import type { Grid } from "../basics/grid";
import type { Message } from "../basics/messages";
import type { Bilingual } from "../basics/text";
import type { Preset } from "../indicators/presets";
import type { BudgetRead } from "./budget-block";
import type { IndicatorInput, LevelInput, TotalRow } from "./indicator-rows";
import type { FormInfo, StatedGrade } from "./standard-form";
import type { ColumnMap, TableLayout } from "./table-finder";

export type { TotalRow };

/** A form kind a family declares: its id (form.kind in --json), its name as shown, its name on the command line. */
export interface FormKindInfo {
  readonly id: string;
  readonly label: Bilingual;
  /** the name `jixiao` prints and accepts for the kind (lower-case, ASCII) */
  readonly cli: string;
  /** the total is always written back (a form with a 总分 line); false: only on the table's own 合计 row */
  readonly showsTotal: boolean;
  /** the kind is named in reports (the CLI's form line, the pane's 表格类型); false for a plain table */
  readonly named: boolean;
}

/** The user's corrections when detection is wrong (the pane's column picker, `--header-row`, `--columns`). */
export interface RecogniseOptions {
  headerIndex?: number;
  columns?: ColumnMap;
}

/** A family's answer to "is this grid yours?". */
export interface Recognition {
  /** 0 (not this family) … 1 (certain). The registry picks the most confident; ties go to the earlier family in the index. */
  confidence: number;
  /** where the (first) indicator table sits: header row, column roles, own result columns */
  layout: TableLayout;
  /** anything else the family found while recognising and wants back in read() */
  detail?: unknown;
}

/** Why a family cannot read the grid (shown to the user). */
export type Refusal = { ok: false; reason: Bilingual };

/**
 * A block of indicator rows: the whole table for the national forms; one 年度绩效目标 block of a
 * goal-block form; one level-1 group of a weighted form. A block may state its own points
 * (`年度绩效目标1（40分）`): the shared engine checks its rows' scores against them.
 */
export interface RowBlock {
  /** the block's title as written, or null for an untitled (single) block */
  title: string | null;
  /** A1 address of the title cell, or null */
  cell: string | null;
  /** the points the block states (from its title or header), or null */
  points: number | null;
  /** 0-based grid index of the block's own header row */
  headerIndex: number;
  rows: IndicatorInput[];
}

/**
 * A level (一级 / 二级 指标, 产出指标（50分）) that states its points: the shared engine sums its rows'
 * (or child levels') points and scores and reports both (summary.levels), with a finding on the
 * level's cell when the points disagree. Declared with the row reader (indicator-rows.ts).
 */
export type { LevelInput };

/**
 * A weighted total (evaluation forms with data items): each level-1 block's rows add up to its own
 * points (100), and the block counts with its weight: total = Σ weight × block score ÷ block points.
 */
export interface WeightedBlock {
  name: string;
  /** the cell that states the weight */
  cell: string;
  weight: number;
  /** 1-based sheet rows of the block's indicator rows */
  rows: number[];
}

/** What a family read: everything the shared engine needs to score, total and find. */
export interface FormRead {
  /** the family's id */
  family: string;
  /** the form's kind (one the family declares) and its info block */
  form: FormInfoRead;
  /** the (first) table's layout: its header row and columns are reported, its result columns written */
  layout: TableLayout;
  /** the indicator rows, in blocks (one block for a single table) */
  blocks: RowBlock[];
  totalRows: TotalRow[];
  /** 1-based sheet rows skipped as sections, footers, repeated headers */
  sectionRows: number[];
  /** 1-based last sheet row that belongs to the table */
  lastRow: number;
  /** the budget-execution block, read but not scored */
  budget: BudgetRead | null;
  /** the 自评等级 written on the form, or null */
  statedGrade: StatedGrade | null;
  /** levels that state their points */
  levels: LevelInput[];
  /** a weighted total, when the form weights its level-1 blocks */
  weighted: WeightedBlock[] | null;
  /** findings made while reading (a family's own checks), on their cells */
  messages: Message[];
}

/** The info block as a family reads it; the registry checks the kind is one it knows. */
export type FormInfoRead = Omit<FormInfo, "kind"> & { kind: string };

export interface ReadContext {
  preset: Preset;
}

/** One form family: a module under src/core/forms/, listed once in src/core/forms/registry.ts. */
export interface FormFamily {
  /** stable id (lower-case) */
  readonly id: string;
  /** the kinds the family reads; form.kind is always one of them */
  readonly kinds: readonly FormKindInfo[];
  /** null or confidence 0: not this family's grid */
  recognise(grid: Grid, options: RecogniseOptions): Recognition | null;
  read(grid: Grid, recognition: Recognition, context: ReadContext): FormRead | Refusal;
}
