/**
 * A magnitude slip in the budget-execution block (docs/standard-forms.md, "Budget execution";
 * docs/rules.md, "Magnitude"): 全年执行数 1960000 (元) against a 全年预算数 of 200 (万元). The
 * finding names the figure that is off, the reading that makes the figures agree, and the rate that
 * reading gives; the block's rate and score are then left undecided, never computed from the slip.
 */
import { roundHalfUp } from "../basics/decimal";
import { Grid, cellText } from "../basics/grid";
import { moneyUnitIn, slippedMoneyUnit, unitStepReading } from "../basics/magnitude";
import { Message, msg } from "../basics/messages";
import { normalizeText } from "../basics/normalize-text";

interface BlockFigures {
  line: {
    initialBudget: number | null;
    budget: number | null;
    executed: number | null;
    statedRate?: number | null;
    cells: { initialBudget: string | null; budget: string | null; executed: string | null };
  };
  headerIndex: number;
}

const FIELD_ZH = { executed: "全年执行数", budget: "全年预算数", initialBudget: "年初预算数" } as const;

/** The block's money unit: from its header row or the rows just above it (`项目资金（万元）`, `单位：万元`). */
export function blockUnit(grid: Grid, headerIndex: number): string | null {
  for (let r = headerIndex; r >= Math.max(0, headerIndex - 3); r--) {
    for (const v of grid.values[r] ?? []) {
      const u = moneyUnitIn(normalizeText(cellText(v)));
      if (u) return u;
    }
  }
  return null;
}

const fmt = (x: number) => String(roundHalfUp(x, 6));
const pct = (x: number) => `${roundHalfUp(x * 100, 2)}%`;

/** The finding when one figure of the block is a unit step off the others, else null. */
export function budgetMagnitude(read: BlockFigures, grid: Grid): Message | null {
  const l = read.line;
  const base = l.budget !== null && l.budget > 0 ? "budget" : l.initialBudget !== null && l.initialBudget > 0 ? "initialBudget" : null;
  if (base === null || l.executed === null || l.executed <= 0) return null;
  const baseValue = l[base] as number;
  const reading = unitStepReading(l.executed / baseValue, { band: [0.3, 1.5] });
  if (!reading) return null;
  // which one is off: the budget when the executed amount agrees with the initial budget, else the executed amount
  let off: "executed" | "budget" = "executed";
  if (base === "budget" && l.initialBudget !== null && l.initialBudget > 0) {
    const executedVsInitial = l.executed / l.initialBudget;
    if (executedVsInitial >= 0.3 && executedVsInitial <= 1.5) off = "budget";
  }
  const pow = off === "executed" ? reading.pow : -reading.pow;
  const value = off === "executed" ? l.executed : baseValue;
  const field = off === "executed" ? FIELD_ZH.executed : FIELD_ZH[base];
  const other = off === "executed" ? FIELD_ZH[base] : FIELD_ZH.executed;
  const otherValue = off === "executed" ? baseValue : l.executed;
  const unit = blockUnit(grid, read.headerIndex);
  const writtenIn = unit ? slippedMoneyUnit(unit, pow) : null;
  const cell = (off === "executed" ? l.cells.executed : l.cells[base]) ?? undefined;
  return msg(
    "budget_magnitude",
    {
      field,
      value: fmt(value),
      other,
      otherValue: fmt(otherValue),
      times: `10^${Math.abs(pow)}`,
      reading: writtenIn && unit ? `按${writtenIn}填写，合${fmt(value / Math.pow(10, pow))}${unit}` : `按${fmt(value / Math.pow(10, pow))}计`,
      readingEn: writtenIn && unit ? `written in ${writtenIn}, i.e. ${fmt(value / Math.pow(10, pow))} ${unit}` : `read as ${fmt(value / Math.pow(10, pow))}`,
      rate: pct(reading.ratio),
      // the stated 执行率 confirms the reading when it agrees to a tenth of a percent
      confirmed: l.statedRate !== null && l.statedRate !== undefined && Math.abs(l.statedRate - reading.ratio) <= 0.0005 ? "yes" : "",
    },
    cell,
  );
}
