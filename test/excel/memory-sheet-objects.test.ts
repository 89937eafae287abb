/** The memory workbook's tables, charts, frozen panes and sheet order, visibility and names. */
import { MemoryExcelError, createMemoryExcel } from "../../src/memory-excel";

function book(apiVersion?: string) {
  return createMemoryExcel({
    apiVersion,
    sheets: [
      {
        name: "数据",
        values: [
          ["指标", "广东", "江门", ""],
          ["总支出", 100, 200, null],
          ["基本支出", 40, "—", null],
          ["项目支出", 60, 150, null],
        ],
      },
      "Sheet2",
    ],
  });
}

async function rejects(p: Promise<unknown>): Promise<MemoryExcelError> {
  try {
    await p;
  } catch (e) {
    expect(e).toBeInstanceOf(MemoryExcelError);
    return e as MemoryExcelError;
  }
  throw new Error("expected the promise to reject");
}

describe("tables", () => {
  test("a table over a range: header cells become unique text, a default name and style, applied at sync", async () => {
    const xl = book();
    await xl.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem("数据");
      const t = ws.tables.add(ws.getRange("A1:D4"), true);
      expect(xl.workbook.getTables("数据")).toEqual([]);
      expect(() => t.name).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
      t.load("name,style,showBandedRows");
      await ctx.sync();
      expect([t.name, t.style, t.showBandedRows]).toEqual(["Table1", "TableStyleMedium2", true]);
      t.name = "Jixiao_x";
      t.style = "TableStyleLight9";
      t.showFilterButton = false;
    });
    expect(xl.workbook.getTables("数据")).toEqual([
      { name: "Jixiao_x", range: "A1:D4", style: "TableStyleLight9", showHeaders: true, showBandedRows: true, showFilterButton: false, headers: ["指标", "广东", "江门", "Column4"] },
    ]);
    expect(xl.workbook.sheet("数据").cell("D1").value).toBe("Column4");
    expect(xl.stats.ops).toMatchObject({ "tables.add": 1, "table.name": 1, "table.style": 1, "table.showFilterButton": 1 });
  });

  test("an unqualified address is on the active sheet; a table on another sheet than the collection's is refused", async () => {
    const xl = book();
    xl.workbook.activate("Sheet2");
    const e = await rejects(
      xl.run(async (ctx) => {
        ctx.workbook.worksheets.getItem("数据").tables.add("A1:B2", true);
        await ctx.sync();
      }),
    );
    expect(e.code).toBe("InvalidArgument");
    await xl.run(async (ctx) => {
      ctx.workbook.tables.add("A1:B2", true);
    });
    expect(xl.workbook.getTables("Sheet2")[0].headers).toEqual(["Column1", "Column2"]);
  });

  test("tables cannot overlap, and names are unique in the workbook", async () => {
    const xl = book();
    await xl.run(async (ctx) => {
      ctx.workbook.worksheets.getItem("数据").tables.add("数据!A1:B2", true).name = "T";
    });
    expect((await rejects(xl.run(async (ctx) => void ctx.workbook.worksheets.getItem("数据").tables.add("数据!B2:C3", true)))).code).toBe("InvalidArgument");
    const e = await rejects(
      xl.run(async (ctx) => {
        ctx.workbook.worksheets.getItem("Sheet2").tables.add("Sheet2!A1:B2", true).name = "t";
        await ctx.sync();
      }),
    );
    expect(e.message).toContain("already exists");
    // batches are not transactions: the table was added before its name failed
    expect(xl.workbook.getTables("Sheet2").map((t) => t.name)).toEqual(["Table1"]);
  });

  test("getItemOrNullObject on the workbook finds a table and its sheet; deleting the sheet frees the name", async () => {
    const xl = book();
    await xl.run(async (ctx) => {
      ctx.workbook.worksheets.getItem("Sheet2").tables.add("Sheet2!A1:A2", true).name = "T";
    });
    await xl.run(async (ctx) => {
      const t = ctx.workbook.tables.getItemOrNullObject("t");
      const none = ctx.workbook.tables.getItemOrNullObject("nope");
      const scoped = ctx.workbook.worksheets.getItem("数据").tables.getItemOrNullObject("T");
      t.load("name,worksheet/name");
      none.load("name");
      scoped.load("name");
      await ctx.sync();
      expect([t.isNullObject, t.name, t.worksheet.name]).toEqual([false, "T", "Sheet2"]);
      expect(none.isNullObject).toBe(true);
      expect(scoped.isNullObject).toBe(true);
      ctx.workbook.worksheets.getItem("Sheet2").delete();
      ctx.workbook.worksheets.getItem("数据").tables.add("数据!A1:B2", true).name = "T";
    });
    expect(xl.workbook.getTables("数据").map((t) => t.name)).toEqual(["T"]);
  });

  test("a table on a protected sheet is refused; below ExcelApi 1.3 a Range as the address is", async () => {
    const xl = book();
    xl.workbook.sheet("Sheet2").protect();
    expect((await rejects(xl.run(async (ctx) => void ctx.workbook.worksheets.getItem("Sheet2").tables.add("Sheet2!A1:B2", true)))).code).toBe("AccessDenied");
    const old = book("1.2");
    const e = await rejects(
      old.run(async (ctx) => {
        const ws = ctx.workbook.worksheets.getItem("数据");
        ws.tables.add(ws.getRange("A1:B2"), true);
      }),
    );
    expect(e.code).toBe("ApiNotFound");
  });
});

describe("charts", () => {
  test("the source data's series as Excel guesses them: by columns, names from a text first row, categories from a text first column", async () => {
    const xl = book();
    await xl.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem("数据");
      const c = ws.charts.add("ColumnClustered", ws.getRange("A1:C4"), "Auto");
      c.series.load("count");
      await ctx.sync();
      expect(c.series.count).toBe(2);
    });
    expect(xl.workbook.getCharts("数据")).toEqual([
      {
        name: "Chart 1",
        type: "ColumnClustered",
        title: null,
        series: [
          { name: "广东", values: "数据!B2:B4", xValues: "数据!A2:A4" },
          { name: "江门", values: "数据!C2:C4", xValues: "数据!A2:A4" },
        ],
        topLeft: null,
        bottomRight: null,
        valueAxisFormat: null,
      },
    ]);
  });

  test("series set one by one, title, position and axis format", async () => {
    const xl = book();
    await xl.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem("数据");
      const c = ws.charts.add("ColumnClustered", ws.getRange("C2:C4"), "Auto");
      const first = c.series.getItemAt(0);
      first.setValues(ws.getRange("C2:C4"));
      first.setXAxisValues(ws.getRange("A2:A4"));
      first.name = "江门";
      const second = c.series.add("广东");
      second.setValues(ws.getRange("B2:B4"));
      second.setXAxisValues(ws.getRange("A2:A4"));
      c.title.text = "支出结构";
      c.setPosition("F4", "N22");
      c.axes.valueAxis.numberFormat = "#,##0";
    });
    const [chart] = xl.workbook.getCharts("数据");
    expect(chart).toMatchObject({ title: "支出结构", topLeft: "F4", bottomRight: "N22", valueAxisFormat: "#,##0" });
    expect(chart.series).toEqual([
      { name: "江门", values: "数据!C2:C4", xValues: "数据!A2:A4" },
      { name: "广东", values: "数据!B2:B4", xValues: "数据!A2:A4" },
    ]);
    expect(xl.stats.ops).toMatchObject({ "charts.add": 1, "chartSeries.add": 1, "chartSeries.setValues": 2, "chartSeries.setXAxisValues": 2, "chartSeries.name": 1, "chart.title.text": 1, "chart.setPosition": 1, "chartAxis.numberFormat": 1 });
  });

  test("a series index that does not exist fails at sync; series data must be one row or column", async () => {
    const xl = book();
    const e = await rejects(
      xl.run(async (ctx) => {
        const ws = ctx.workbook.worksheets.getItem("数据");
        ws.charts.add("ColumnClustered", ws.getRange("B2:B4")).series.getItemAt(3).name = "x";
      }),
    );
    expect(e.code).toBe("ItemNotFound");
    const f = await rejects(
      xl.run(async (ctx) => {
        const ws = ctx.workbook.worksheets.getItem("数据");
        ws.charts.add("ColumnClustered", ws.getRange("B2:B4")).series.getItemAt(0).setValues(ws.getRange("B2:C4"));
      }),
    );
    expect(f.code).toBe("InvalidArgument");
  });

  test("setValues needs ExcelApi 1.7, the axis format 1.8", async () => {
    const xl = book("1.6");
    const e = await rejects(
      xl.run(async (ctx) => {
        const ws = ctx.workbook.worksheets.getItem("数据");
        ws.charts.add("ColumnClustered", ws.getRange("B2:B4")).series.getItemAt(0).setValues(ws.getRange("B2:B4"));
      }),
    );
    expect(e.code).toBe("ApiNotFound");
    const at17 = book("1.7");
    const g = await rejects(
      at17.run(async (ctx) => {
        const ws = ctx.workbook.worksheets.getItem("数据");
        ws.charts.add("ColumnClustered", ws.getRange("B2:B4")).axes.valueAxis.numberFormat = "0%";
      }),
    );
    expect(g.code).toBe("ApiNotFound");
  });

  test("deleting the sheet takes its charts", async () => {
    const xl = book();
    await xl.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem("Sheet2");
      ws.charts.add("ColumnClustered", ctx.workbook.worksheets.getItem("数据").getRange("B2:B4"));
    });
    expect(xl.workbook.getCharts("Sheet2")).toHaveLength(1);
    await xl.run(async (ctx) => ctx.workbook.worksheets.getItem("Sheet2").delete());
    expect(xl.workbook.hasSheet("Sheet2")).toBe(false);
  });
});

describe("frozen panes", () => {
  test("freezeAt freezes the rows and columns of the range; freezeRows and freezeColumns set them anew", async () => {
    const xl = book();
    await xl.run(async (ctx) => {
      const panes = ctx.workbook.worksheets.getItem("数据").freezePanes;
      panes.freezeAt("A1:A4");
      const where = panes.getLocationOrNullObject();
      where.load("address");
      await ctx.sync();
      expect(where.address).toBe("数据!A1:A4");
    });
    expect(xl.workbook.getFreeze("数据")).toEqual({ rows: 4, columns: 1 });
    await xl.run(async (ctx) => ctx.workbook.worksheets.getItem("数据").freezePanes.freezeRows(2));
    expect(xl.workbook.getFreeze("数据")).toEqual({ rows: 2, columns: 0 });
    await xl.run(async (ctx) => ctx.workbook.worksheets.getItem("数据").freezePanes.freezeColumns());
    expect(xl.workbook.getFreeze("数据")).toEqual({ rows: 0, columns: 1 });
    await xl.run(async (ctx) => ctx.workbook.worksheets.getItem("数据").freezePanes.unfreeze());
    expect(xl.workbook.getFreeze("数据")).toBeNull();
    expect(xl.stats.ops).toMatchObject({ "freezePanes.freezeAt": 1, "freezePanes.freezeRows": 1, "freezePanes.freezeColumns": 1, "freezePanes.unfreeze": 1 });
  });

  test("frozen panes need ExcelApi 1.7", async () => {
    const xl = book("1.6");
    expect((await rejects(xl.run(async (ctx) => ctx.workbook.worksheets.getItem("数据").freezePanes.freezeRows(1)))).code).toBe("ApiNotFound");
  });
});

describe("sheets: order, visibility, names", () => {
  test("position moves a sheet in the tab order; loading items gives it", async () => {
    const xl = book();
    xl.workbook.addSheet("三");
    await xl.run(async (ctx) => {
      ctx.workbook.worksheets.getItem("三").position = 0;
      const sheets = ctx.workbook.worksheets;
      sheets.load("items/name,items/position,items/visibility");
      await ctx.sync();
      expect(sheets.items.map((w) => [w.name, w.position, w.visibility])).toEqual([
        ["三", 0, "Visible"],
        ["数据", 1, "Visible"],
        ["Sheet2", 2, "Visible"],
      ]);
    });
    expect((await rejects(xl.run(async (ctx) => void (ctx.workbook.worksheets.getItem("三").position = 3)))).code).toBe("InvalidArgument");
  });

  test("the last visible sheet can be neither hidden nor deleted", async () => {
    const xl = book();
    await xl.run(async (ctx) => void (ctx.workbook.worksheets.getItem("Sheet2").visibility = "Hidden"));
    expect(xl.workbook.snapshot().sheets.map((s) => s.visibility)).toEqual(["Visible", "Hidden"]);
    expect((await rejects(xl.run(async (ctx) => void (ctx.workbook.worksheets.getItem("数据").visibility = "VeryHidden")))).code).toBe("InvalidOperation");
    expect((await rejects(xl.run(async (ctx) => ctx.workbook.worksheets.getItem("数据").delete()))).code).toBe("InvalidOperation");
  });

  test("renaming follows Excel's rules", async () => {
    const xl = book();
    await xl.run(async (ctx) => void (ctx.workbook.worksheets.getItem("Sheet2").name = "对比"));
    expect(xl.workbook.sheetNames()).toEqual(["数据", "对比"]);
    expect((await rejects(xl.run(async (ctx) => void (ctx.workbook.worksheets.getItem("对比").name = "数据")))).code).toBe("ItemAlreadyExists");
    expect((await rejects(xl.run(async (ctx) => void (ctx.workbook.worksheets.getItem("对比").name = "a:b")))).code).toBe("InvalidArgument");
  });

  test("font italic and size, alignment and wrapping read back and show in the snapshot", async () => {
    const xl = book();
    await xl.run(async (ctx) => {
      const f = ctx.workbook.worksheets.getItem("数据").getRange("A1:B1").format;
      f.font.italic = true;
      f.font.size = 14;
      f.horizontalAlignment = "Right";
      f.wrapText = true;
      f.load("horizontalAlignment,wrapText,font/size,font/italic");
      await ctx.sync();
      expect([f.horizontalAlignment, f.wrapText, f.font.size, f.font.italic]).toEqual(["Right", true, 14, true]);
    });
    expect(xl.workbook.sheet("数据").cell("A1")).toMatchObject({ italic: true, fontSize: 14, horizontalAlignment: "Right", wrapText: true });
  });

  test("each new operation is counted and sized in its sync's request", async () => {
    const xl = book();
    await xl.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem("数据");
      ws.tables.add(ws.getRange("A1:C4"), true);
      ws.charts.add("ColumnClustered", ws.getRange("B2:B4"));
      ws.freezePanes.freezeRows(1);
    });
    expect(xl.stats.syncs).toBe(1);
    expect(xl.stats.log[0].ops).toEqual({ "tables.add": 1, "charts.add": 1, "freezePanes.freezeRows": 1 });
    expect(xl.stats.log[0].requestBytes).toBeGreaterThan(3 * 150);
  });
});
