/** What the label/value table reader finds: a table, its columns and its rows (table-reader.ts). */
import { UnitInfo } from "../basics/unit-table";
import { Figure } from "./figure";
import { ValueRole } from "./model";

export interface TableColumn {
  index: number;
  role: ValueRole;
  unit: UnitInfo | null;
  percent: boolean;
  /** plain numbers in a ratio column are fractions (0.2593), not percent points */
  fraction: boolean;
}

export interface TableRow {
  /** 0-based grid row */
  index: number;
  /** 1-based sheet row */
  row: number;
  rawLabel: string;
  label: string;
  labelCell: string;
  indent: number;
  qizhong: boolean;
  values: Partial<Record<ValueRole, Figure>>;
  /** the unit this row states for itself (its unit-column cell, else the end of its label), and that cell (A1) */
  unit: UnitInfo | null;
  unitCell: string | null;
  /** a label without any figure: a section heading */
  heading: boolean;
}

export interface FoundTable {
  headerIndex: number;
  firstIndex: number;
  lastIndex: number;
  labelColumn: number;
  columns: TableColumn[];
  unit: UnitInfo | null;
  /** the column holding each row's unit (单位 / 计量单位 / 金额单位), 0-based */
  unitColumn: number | null;
  score: boolean;
  /** first own (核对·) column in the header row, 0-based */
  ownColumn: number | null;
  /** rightmost input column, 0-based */
  lastColumn: number;
  rows: TableRow[];
}
