import { MemoryContext, MemoryExcelError, createMemoryExcel } from "../../src/memory-excel";

function book(apiVersion?: string) {
  return createMemoryExcel({ apiVersion, sheets: [{ name: "Sheet1", values: [["a", 1], ["b", 2]] }, "Sheet2"] });
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

describe("loading", () => {
  test("reading a property that was never loaded throws PropertyNotLoaded", async () => {
    const xl = book();
    await xl.run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem("Sheet1").getRange("A1:B2");
      expect(() => r.values).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
    });
  });

  test("a loaded property is readable only after sync", async () => {
    const xl = book();
    await xl.run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem("Sheet1").getRange("A1:B2");
      r.load("values,address");
      expect(() => r.values).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
      await ctx.sync();
      expect(r.values).toEqual([["a", 1], ["b", 2]]);
      expect(r.address).toBe("Sheet1!A1:B2");
      expect(() => r.numberFormat).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
    });
  });

  test("navigation paths load nested properties, and collections load their items", async () => {
    const xl = book();
    xl.workbook.sheet("Sheet2").protect();
    await xl.run(async (ctx) => {
      const sheets = ctx.workbook.worksheets;
      sheets.load("items/name,items/protection/protected");
      const r = sheets.getItem("Sheet1").getRange("A1");
      r.load("format/fill/color,format/font/bold");
      await ctx.sync();
      expect(sheets.items.map((s) => [s.name, s.protection.protected])).toEqual([["Sheet1", false], ["Sheet2", true]]);
      expect(r.format.fill.color).toBe("#FFFFFF");
      expect(r.format.font.bold).toBe(false);
    });
  });

  test("rowHidden: loaded before read; true when all rows are hidden, false when none, null when mixed", async () => {
    const xl = createMemoryExcel({ sheets: [{ name: "S", values: [["h"], [1], [2], [3], [4]] }] });
    xl.workbook.sheet("S").hideRows(2).setAutoFilter("A1:A5", [4]);
    await xl.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem("S");
      const [all, none, mixed, filtered] = ["A2", "A3", "A1:A5", "A4"].map((a) => ws.getRange(a));
      expect(() => all.rowHidden).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
      for (const r of [all, none, mixed, filtered]) r.load("rowHidden");
      ws.autoFilter.load("enabled,isDataFiltered");
      await ctx.sync();
      expect([all.rowHidden, none.rowHidden, mixed.rowHidden, filtered.rowHidden]).toEqual([true, false, null, true]);
      expect([ws.autoFilter.enabled, ws.autoFilter.isDataFiltered]).toEqual([true, true]);
      // hidden rows still read
      const values = ws.getRange("A2:A4").load("values");
      await ctx.sync();
      expect(values.values).toEqual([[1], [2], [3]]);
    });
    xl.workbook.sheet("S").hideRows(2, 2, false).setAutoFilter(null);
    await xl.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem("S");
      const r = ws.getRange("A1:A5").load("rowHidden");
      ws.autoFilter.load("enabled,isDataFiltered");
      await ctx.sync();
      expect([r.rowHidden, ws.autoFilter.enabled, ws.autoFilter.isDataFiltered]).toEqual([false, false, false]);
    });
  });

  test("the AutoFilter needs ExcelApi 1.9", async () => {
    const xl = book("1.8");
    const e = await rejects(
      xl.run(async (ctx) => {
        ctx.workbook.worksheets.getItem("Sheet1").autoFilter.load("enabled");
        await ctx.sync();
      }),
    );
    expect(e.code).toBe("ApiNotFound");
  });

  test("merged cells other than the top-left read as blank", async () => {
    const xl = createMemoryExcel({ sheets: [{ name: "S", values: [["产出指标", "x"], ["产出指标", "y"]] }] });
    xl.workbook.sheet("S").merge("A1:A2");
    await xl.run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem("S").getRange("A1:B2");
      r.load("values");
      await ctx.sync();
      expect(r.values).toEqual([["产出指标", "x"], ["", "y"]]);
    });
  });
});

describe("writing", () => {
  test("writes queue and apply at sync", async () => {
    const xl = book();
    await xl.run(async (ctx) => {
      ctx.workbook.worksheets.getItem("Sheet1").getRange("C1").values = [["new"]];
      expect(xl.workbook.sheet("Sheet1").cell("C1").value).toBe("");
      await ctx.sync();
      expect(xl.workbook.sheet("Sheet1").cell("C1").value).toBe("new");
    });
  });

  test.each([
    ["'=x", "=x", undefined],
    ["'+1", "+1", undefined],
    ["=1+1", 2, "=1+1"],
    ['=HYPERLINK("#A1","go")', "go", '=HYPERLINK("#A1","go")'],
    ["+1", 1, undefined],
    ["-2.5", -2.5, undefined],
    ["+abc", "#NAME?", "=+abc"],
    ["@abc", "#NAME?", "=abc"],
    ["12%", 0.12, undefined],
    ["1,234", 1234, undefined],
    ["TRUE", true, undefined],
    ["#N/A", "#N/A", undefined],
    ["达标", "达标", undefined],
  ])("a string %j written as a value is read as typed input", async (input, value, formula) => {
    const xl = book();
    await xl.run(async (ctx) => {
      ctx.workbook.worksheets.getItem("Sheet1").getRange("D4").values = [[input]];
      await ctx.sync();
    });
    const cell = xl.workbook.sheet("Sheet1").cell("D4");
    expect(cell.value).toEqual(value);
    expect(cell.formula).toEqual(formula);
  });

  test("a cell formatted as text keeps what is typed, formulas included", async () => {
    const xl = book();
    await xl.run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem("Sheet1").getRange("E1:E2");
      r.numberFormat = [["@"], ["@"]];
      r.values = [["=SUM(1)"], ["007"]];
      await ctx.sync();
    });
    expect(xl.workbook.sheet("Sheet1").values("E1:E2")).toEqual([["=SUM(1)"], ["007"]]);
    expect(xl.workbook.sheet("Sheet1").formulas()).toEqual({});
  });

  test("null in a values array leaves the cell unchanged", async () => {
    const xl = book();
    await xl.run(async (ctx) => {
      ctx.workbook.worksheets.getItem("Sheet1").getRange("A1:B1").values = [[null, 9]];
    });
    expect(xl.workbook.sheet("Sheet1").values("A1:B1")).toEqual([["a", 9]]);
  });

  test("a values array of the wrong shape fails with InvalidArgument", async () => {
    const xl = book();
    const e = await rejects(
      xl.run(async (ctx) => {
        ctx.workbook.worksheets.getItem("Sheet1").getRange("A1:B2").values = [[1, 2]];
        await ctx.sync();
      }),
    );
    expect(e.code).toBe("InvalidArgument");
  });

  test("a protected sheet rejects writes at sync with AccessDenied and nothing changes", async () => {
    const xl = book();
    xl.workbook.sheet("Sheet1").protect();
    const before = xl.workbook.snapshot();
    const e = await rejects(
      xl.run(async (ctx) => {
        const ws = ctx.workbook.worksheets.getItem("Sheet1");
        ws.getRange("A1").values = [["x"]];
        ws.getRange("B1").format.fill.color = "#FF0000";
        await ctx.sync();
      }),
    );
    expect(e.code).toBe("AccessDenied");
    expect(xl.workbook.snapshot()).toEqual(before);
  });

  test("a failing operation stops the batch; the operations before it stay applied", async () => {
    const xl = book();
    await rejects(
      xl.run(async (ctx) => {
        const ws = ctx.workbook.worksheets.getItem("Sheet1");
        ws.getRange("C1").values = [["first"]];
        ws.getRange("not an address").values = [["x"]];
        ws.getRange("C2").values = [["never"]];
        await ctx.sync();
      }),
    );
    expect(xl.workbook.sheet("Sheet1").values("C1:C2")).toEqual([["first"], [""]]);
  });

  test("an injected fault fails the chosen operation", async () => {
    const xl = book();
    xl.workbook.injectFault({ kind: "range.values", skip: 1, code: "GeneralException" });
    const e = await rejects(
      xl.run(async (ctx) => {
        const ws = ctx.workbook.worksheets.getItem("Sheet1");
        ws.getRange("C1").values = [[1]];
        ws.getRange("C2").values = [[2]];
        await ctx.sync();
      }),
    );
    expect(e.code).toBe("GeneralException");
    expect(xl.workbook.sheet("Sheet1").values("C1:C2")).toEqual([[1], [""]]);
  });

  test("clear removes values and formats but not column widths or notes", async () => {
    const xl = book();
    xl.workbook.sheet("Sheet1").setFill("A1", "#FF0000").setColumnWidth("A", 90).setNote("A1", "n");
    await xl.run(async (ctx) => {
      ctx.workbook.worksheets.getItem("Sheet1").getRange("A1:B2").clear();
    });
    const s = xl.workbook.sheet("Sheet1");
    expect(s.cell("A1")).toEqual({ value: "", note: "n" });
    expect(s.columnWidth("A")).toBe(90);
  });
});

describe("size limits and counting", () => {
  test("every sync is counted, with its operations and request size", async () => {
    const xl = book();
    await xl.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem("Sheet1");
      ws.getRange("A1").format.fill.color = "#C6EFCE";
      ws.getRanges("A1,B2").format.fill.color = "#C6EFCE";
      await ctx.sync();
      ws.getRange("A1").load("values");
      await ctx.sync();
    });
    expect(xl.stats.syncs).toBe(2);
    expect(xl.stats.ops["format.fill.color"]).toBe(2);
    expect(xl.stats.log[0].requestBytes).toBeGreaterThan(0);
  });

  test("a request over 5 MB fails and applies nothing", async () => {
    const xl = book();
    const big = Array.from({ length: 100_000 }, (_, i) => [`第${i}行的一段相当长的说明文字，用来把请求撑大`]);
    const e = await rejects(
      xl.run(async (ctx) => {
        ctx.workbook.worksheets.getItem("Sheet2").getRange("A1:A100000").values = big;
        await ctx.sync();
      }),
    );
    expect(e.code).toBe("RequestPayloadSizeLimitExceeded");
    expect(xl.stats.log[0].requestBytes).toBeGreaterThan(5_000_000);
    expect(xl.workbook.sheet("Sheet2").usedRange()).toBeNull();
  });

  test("a response over 5 MB fails", async () => {
    const xl = book();
    const e = await rejects(
      xl.run(async (ctx) => {
        ctx.workbook.worksheets.getItem("Sheet1").getRange("A:Z").load("values");
        await ctx.sync();
      }),
    );
    expect(e.code).toBe("ResponsePayloadSizeLimitExceeded");
  });

  test("APIs above the configured requirement set fail with ApiNotFound", async () => {
    const xl = book("1.7");
    expect(xl.requirements.isSetSupported("ExcelApi", "1.7")).toBe(true);
    expect(xl.requirements.isSetSupported("ExcelApi", "1.9")).toBe(false);
    const e = await rejects(
      xl.run(async (ctx) => {
        ctx.workbook.worksheets.getItem("Sheet1").getRanges("A1,B2").format.fill.color = "#C6EFCE";
        await ctx.sync();
      }),
    );
    expect(e.code).toBe("ApiNotFound");
  });
});

describe("objects", () => {
  test("getItemOrNullObject gives a null object whose methods do nothing", async () => {
    const xl = book();
    await xl.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItemOrNullObject("nope");
      ws.load("name");
      ws.delete();
      await ctx.sync();
      expect(ws.isNullObject).toBe(true);
    });
    expect(xl.workbook.sheetNames()).toEqual(["Sheet1", "Sheet2"]);
  });

  test("getItem on a missing sheet fails at sync with ItemNotFound", async () => {
    const xl = book();
    const e = await rejects(
      xl.run(async (ctx) => {
        ctx.workbook.worksheets.getItem("nope").getRange("A1").values = [[1]];
        await ctx.sync();
      }),
    );
    expect(e.code).toBe("ItemNotFound");
  });

  test("used range, selection rows and intersection", async () => {
    const xl = createMemoryExcel({ sheets: [{ name: "S", values: [["a", "b", "c"], ["d", "e", "f"], ["g", "h", "i"]], at: "B2" }] });
    xl.workbook.select("S", "C3:C4");
    await xl.run(async (ctx: MemoryContext) => {
      const ws = ctx.workbook.worksheets.getActiveWorksheet();
      const used = ws.getUsedRange(true);
      const rows = ctx.workbook.getSelectedRange().getEntireRow().getIntersectionOrNullObject(used);
      const none = ws.getRange("H9").getIntersectionOrNullObject(used);
      used.load("address");
      rows.load("address,values");
      none.load("address");
      await ctx.sync();
      expect(used.address).toBe("S!B2:D4");
      expect(rows.address).toBe("S!B3:D4");
      expect(rows.values).toEqual([["d", "e", "f"], ["g", "h", "i"]]);
      expect(none.isNullObject).toBe(true);
    });
  });

  test("worksheets: add, name rules, delete, activate", async () => {
    const xl = book();
    const e = await rejects(
      xl.run(async (ctx) => {
        ctx.workbook.worksheets.add("sheet1");
        await ctx.sync();
      }),
    );
    expect(e.code).toBe("ItemAlreadyExists");
    await xl.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.add("核对结果");
      ws.getRange("A1").values = [["x"]];
      ws.activate();
      ctx.workbook.worksheets.getItem("Sheet2").delete();
      await ctx.sync();
    });
    expect(xl.workbook.sheetNames()).toEqual(["Sheet1", "核对结果"]);
    expect(xl.workbook.activeSheet()).toBe("核对结果");
  });

  test("custom XML parts: add, find by namespace, read, replace, delete", async () => {
    const xl = book();
    const ns = "urn:test:1";
    await xl.run(async (ctx) => {
      ctx.workbook.customXmlParts.add(`<r xmlns="${ns}"><v>1</v></r>`);
      ctx.workbook.customXmlParts.add(`<other xmlns="urn:other"/>`);
      await ctx.sync();
      const scoped = ctx.workbook.customXmlParts.getByNamespace(ns);
      scoped.load("items/id");
      await ctx.sync();
      expect(scoped.items).toHaveLength(1);
      const xml = scoped.items[0].getXml();
      await ctx.sync();
      expect(xml.value).toBe(`<r xmlns="${ns}"><v>1</v></r>`);
      scoped.items[0].setXml(`<r xmlns="${ns}"><v>2</v></r>`);
      await ctx.sync();
    });
    expect(xl.workbook.customXmlParts().map((p) => p.xml)).toEqual([`<r xmlns="${ns}"><v>2</v></r>`, `<other xmlns="urn:other"/>`]);
  });

  test("notes (ExcelApi 1.18): add, refuse a second note on a cell, delete", async () => {
    const xl = book();
    await xl.run(async (ctx) => {
      ctx.workbook.worksheets.getItem("Sheet1").notes.add("C3", "说明");
    });
    expect(xl.workbook.sheet("Sheet1").notes()).toEqual({ C3: "说明" });
    const e = await rejects(
      xl.run(async (ctx) => {
        ctx.workbook.worksheets.getItem("Sheet1").notes.add("C3", "again");
        await ctx.sync();
      }),
    );
    expect(e.code).toBe("InvalidArgument");
    await xl.run(async (ctx) => {
      const notes = ctx.workbook.worksheets.getItem("Sheet1").notes;
      notes.getItemOrNullObject("C3").delete();
      notes.getItemOrNullObject("Z9").delete();
    });
    expect(xl.workbook.sheet("Sheet1").notes()).toEqual({});
  });
});

describe("conditional formats (ExcelApi 1.6)", () => {
  function statusBook(apiVersion?: string) {
    return createMemoryExcel({ apiVersion, sheets: [{ name: "S", values: [["状态"], ["达标"], ["未达标"], ["达标"], [], [7]] }] });
  }

  async function addEqualTo(xl: ReturnType<typeof statusBook>, address: string, text: string, fill: string, font = "#000000") {
    await xl.run(async (ctx) => {
      const cf = ctx.workbook.worksheets.getItem("S").getRange(address).conditionalFormats.add("CellValue");
      cf.cellValue.format.fill.color = fill;
      cf.cellValue.format.font.color = font;
      cf.cellValue.rule = { formula1: `="${text}"`, operator: "EqualTo" };
      await ctx.sync();
    });
  }

  test("add, colour and rule queue and apply at sync, counted as operations in the request", async () => {
    const xl = statusBook();
    await xl.run(async (ctx) => {
      const cf = ctx.workbook.worksheets.getItem("S").getRange("A2:A6").conditionalFormats.add("CellValue");
      cf.cellValue.format.fill.color = "#c6efce";
      cf.cellValue.format.font.color = "#006100";
      cf.cellValue.rule = { formula1: '="达标"', operator: "EqualTo" };
      expect(xl.workbook.getConditionalFormats("S")).toEqual([]);
      await ctx.sync();
    });
    expect(xl.workbook.getConditionalFormats("S")).toEqual([
      { type: "CellValue", range: "A2:A6", rule: { formula1: '="达标"', operator: "EqualTo" }, fill: "#C6EFCE", fontColor: "#006100" },
    ]);
    expect(xl.stats.ops).toEqual({ "conditionalFormats.add": 1, "conditionalFormat.fill.color": 1, "conditionalFormat.font.color": 1, "conditionalFormat.rule": 1 });
    expect(xl.stats.log[0].requestBytes).toBeGreaterThan(4 * 150);
  });

  test("the displayed colour follows the rule: equal to 达标 does not colour 未达标", async () => {
    const xl = statusBook();
    xl.workbook.sheet("S").setFill("A3", "#EEEEEE");
    await addEqualTo(xl, "A2:A6", "达标", "#C6EFCE", "#006100");
    const s = xl.workbook.sheet("S");
    expect(s.displayed("A2")).toEqual({ fill: "#C6EFCE", fontColor: "#006100" });
    expect(s.displayed("A3")).toEqual({ fill: "#EEEEEE", fontColor: "#000000" }); // its own fill shows
    expect(s.displayed("A5")).toEqual({ fill: "#FFFFFF", fontColor: "#000000" }); // blank
    expect(s.displayed("A1")).toEqual({ fill: "#FFFFFF", fontColor: "#000000" }); // outside the range
    expect(s.cell("A2").fill).toBeUndefined(); // the cell's own format is unchanged
  });

  test("the newest format has the highest priority; each sets what it has", async () => {
    const xl = statusBook();
    await xl.run(async (ctx) => {
      const cfs = ctx.workbook.worksheets.getItem("S").getRange("A2:A6").conditionalFormats;
      const low = cfs.add("CellValue");
      low.cellValue.format.fill.color = "#0000FF";
      low.cellValue.format.font.color = "#FFFFFF";
      low.cellValue.rule = { formula1: "=0", operator: "GreaterThan" };
      const high = cfs.add("CellValue");
      high.cellValue.format.fill.color = "#FF0000";
      high.cellValue.rule = { formula1: "=5", operator: "Between", formula2: "=10" };
    });
    const s = xl.workbook.sheet("S");
    expect(s.displayed("A6")).toEqual({ fill: "#FF0000", fontColor: "#FFFFFF" });
    expect(s.displayed("A2")).toEqual({ fill: "#0000FF", fontColor: "#FFFFFF" }); // text > numbers
    expect(xl.workbook.getConditionalFormats("S").map((cf) => cf.fill)).toEqual(["#FF0000", "#0000FF"]);
  });

  test("clearAll takes the range's cells out of every format that covers them", async () => {
    const xl = statusBook();
    await addEqualTo(xl, "A2:A6", "达标", "#C6EFCE");
    await addEqualTo(xl, "A1:B10", "x", "#FF0000");
    await addEqualTo(xl, "C1:C3", "y", "#00FF00");
    await xl.run(async (ctx) => {
      ctx.workbook.worksheets.getItem("S").getRange("A2:A6").conditionalFormats.clearAll();
    });
    expect(xl.workbook.getConditionalFormats("S").map((cf) => cf.range)).toEqual(["C1:C3", "A1:B1,A7:B10,B2:B6"]);
    expect(xl.stats.ops["conditionalFormats.clearAll"]).toBe(1);
  });

  test("clearing a range's formats removes its conditional formats; clearing contents does not", async () => {
    const xl = statusBook();
    await addEqualTo(xl, "A2:A6", "达标", "#C6EFCE");
    await xl.run(async (ctx) => {
      ctx.workbook.worksheets.getItem("S").getRange("A2:A6").clear("Contents");
    });
    expect(xl.workbook.getConditionalFormats("S")).toHaveLength(1);
    await xl.run(async (ctx) => {
      ctx.workbook.worksheets.getItem("S").getRange("A1:A6").clear("All");
    });
    expect(xl.workbook.getConditionalFormats("S")).toEqual([]);
    expect(xl.workbook.snapshot().sheets[0].conditionalFormats).toEqual([]);
  });

  test("formats load like any proxy: items, type, rule and colours after sync", async () => {
    const xl = statusBook();
    await addEqualTo(xl, "A2:A6", "达标", "#C6EFCE", "#006100");
    await xl.run(async (ctx) => {
      const cfs = ctx.workbook.worksheets.getItem("S").getRange("A4").conditionalFormats;
      cfs.load("items/type,items/priority,items/cellValue/rule,items/cellValue/format/fill/color");
      const none = ctx.workbook.worksheets.getItem("S").getRange("D1").conditionalFormats.getCount();
      await ctx.sync();
      expect(cfs.items.map((cf) => [cf.type, cf.priority, cf.cellValue.rule, cf.cellValue.format.fill.color])).toEqual([
        ["CellValue", 0, { formula1: '="达标"', operator: "EqualTo" }, "#C6EFCE"],
      ]);
      expect(none.value).toBe(0);
    });
  });

  test("a bad rule, a type the memory workbook does not model, a protected sheet and ExcelApi 1.5 fail", async () => {
    const bad = await rejects(
      statusBook().run(async (ctx) => {
        const cf = ctx.workbook.worksheets.getItem("S").getRange("A2").conditionalFormats.add("CellValue");
        cf.cellValue.rule = { formula1: "=1", operator: "Between" };
        await ctx.sync();
      }),
    );
    expect(bad.code).toBe("InvalidArgument");
    const other = await rejects(
      statusBook().run(async (ctx) => {
        ctx.workbook.worksheets.getItem("S").getRange("A2").conditionalFormats.add("ContainsText");
        await ctx.sync();
      }),
    );
    expect(other.code).toBe("NotImplemented");
    const locked = statusBook();
    locked.workbook.sheet("S").protect();
    expect((await rejects(addEqualTo(locked, "A2", "达标", "#C6EFCE"))).code).toBe("AccessDenied");
    expect(locked.workbook.getConditionalFormats("S")).toEqual([]);
    const old = statusBook("1.5");
    expect((await rejects(addEqualTo(old, "A2", "达标", "#C6EFCE"))).code).toBe("ApiNotFound");
  });

  test("formats added on a null range do nothing", async () => {
    const xl = statusBook();
    await xl.run(async (ctx) => {
      const cf = ctx.workbook.worksheets.getItemOrNullObject("nope").getRange("A1").conditionalFormats.add("CellValue");
      cf.cellValue.format.fill.color = "#FF0000";
      cf.cellValue.rule = { formula1: "=1", operator: "EqualTo" };
      ctx.workbook.worksheets.getItemOrNullObject("nope").getRange("A1").conditionalFormats.clearAll();
      await ctx.sync();
    });
    expect(xl.workbook.getConditionalFormats("S")).toEqual([]);
  });
});
