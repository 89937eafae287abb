/**
 * Where real Excel is stricter than a lenient imitation, and what the adapter does about it
 * (docs/excel-platform.md): formulas written into Text-formatted ("@") cells, optional
 * operations that fail after the results are written, a protected workbook structure, table names
 * taken by defined names, merged areas, several selected areas, malformed formulas.
 */
import { columnLetter } from "../../src/core/address";
import { SheetAdapterError } from "../../src/excel/errors";
import { createSheetAdapter } from "../../src/excel/sheet-adapter";
import { type MemoryExcel, createMemoryExcel } from "../../src/memory-excel";
import { seedStatement } from "../../src/preview/sample-statement";

const TEXT_COLUMNS = 20;

/** The Huizhou 2022 statement sample on a template sheet whose blank columns right of it are formatted as text. */
function huizhouOnTextTemplate(): { xl: MemoryExcel; sheet: string } {
  const sample = seedStatement();
  const xl = createMemoryExcel({ sheets: [{ name: sample.name, values: sample.values, numberFormats: sample.numberFormats }, "Sheet2"] });
  const width = Math.max(...sample.values.map((r) => r.length));
  const rows = sample.values.length + 10;
  const text = Array.from({ length: rows }, () => new Array<string>(TEXT_COLUMNS).fill("@"));
  xl.workbook.sheet(sample.name).setNumberFormats(`${columnLetter(width + 1)}1`, text);
  xl.workbook.activate(sample.name);
  return { xl, sheet: sample.name };
}

function adapterOf(xl: MemoryExcel) {
  return createSheetAdapter({ run: xl.run, isSetSupported: xl.requirements.isSetSupported });
}

async function adapterError(p: Promise<unknown>): Promise<SheetAdapterError> {
  try {
    await p;
  } catch (e) {
    expect(e).toBeInstanceOf(SheetAdapterError);
    return e as SheetAdapterError;
  }
  throw new Error("expected an adapter error");
}

describe("formulas into Text-formatted cells", () => {
  test("the imitation keeps a formula written into an @ cell as text, as Excel does", async () => {
    const xl = createMemoryExcel({ sheets: [{ name: "S", values: [[1, 2]] }] });
    xl.workbook.sheet("S").setNumberFormats("C1", [["@"]]);
    await xl.run(async (ctx) => {
      ctx.workbook.worksheets.getItem("S").getRange("C1").values = [["=A1+B1"]];
    });
    expect(xl.workbook.sheet("S").cell("C1")).toMatchObject({ value: "=A1+B1", numberFormat: "@" });
    expect(xl.workbook.sheet("S").cell("C1").formula).toBeUndefined();
  });

  test("audit of the Huizhou sample on a template with @ columns: every 核对 formula computes", async () => {
    const { xl, sheet } = huizhouOnTextTemplate();
    const run = await adapterOf(xl).runAudit();
    if (!run.ok) throw new Error(run.reason);
    const formulas = run.plans.flatMap((plan) =>
      plan.cells.flatMap((row, i) => row.flatMap((cell, j) => (cell !== null && typeof cell === "object" ? [{ sheet: plan.sheet, address: `${columnLetter(plan.startCol + j)}${plan.startRow + i}` }] : []))),
    );
    expect(formulas.length).toBeGreaterThanOrEqual(10);
    const onSheet = formulas.filter((f) => f.sheet === sheet);
    expect(onSheet.length).toBeGreaterThanOrEqual(10);
    for (const f of onSheet) {
      const cell = xl.workbook.sheet(f.sheet).cell(f.address);
      expect([f.address, cell.formula?.startsWith("=")]).toEqual([f.address, true]);
      // computed: a number, or the IFERROR fallback, never the formula's text
      expect([f.address, typeof cell.value === "string" && cell.value.startsWith("=")]).toEqual([f.address, false]);
      expect([f.address, cell.numberFormat === "@"]).toEqual([f.address, false]);
    }
    // and the ratios are numbers where both figures are there
    expect(onSheet.some((f) => typeof xl.workbook.sheet(f.sheet).cell(f.address).value === "number")).toBe(true);
  });
});
