#!/usr/bin/env python3
"""A fixture workbook with a pivot table, written by LibreOffice (pivot table, cache definition and
records, as Excel keeps them), for the CLI's write-back tests. Run from the repository root with
LibreOffice's Python bridge (python3-uno):

    soffice --headless --accept="socket,host=localhost,port=2002;urp;" --norestore &
    python3 scripts/make-pivot-workbook.py
"""
import os
import time

import uno
from com.sun.star.beans import PropertyValue
from com.sun.star.table import CellAddress, CellRangeAddress

OUT = os.path.abspath(os.path.join("test", "fixtures", "workbooks", "libreoffice-pivot.xlsx"))


def prop(name, value):
    p = PropertyValue()
    p.Name = name
    p.Value = value
    return p


def connect():
    local = uno.getComponentContext()
    resolver = local.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", local)
    for _ in range(60):
        try:
            return resolver.resolve("uno:socket,host=localhost,port=2002;urp;StarOffice.ComponentContext")
        except Exception:
            time.sleep(1)
    raise SystemExit("LibreOffice is not listening on port 2002")


def main():
    ctx = connect()
    desktop = ctx.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", ctx)
    doc = desktop.loadComponentFromURL("private:factory/scalc", "_blank", 0, (prop("Hidden", True),))
    sheets = doc.Sheets
    ws = sheets.getByIndex(0)
    ws.Name = "自评表"
    rows = [
        ["一级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因"],
        ["产出指标", "参保人数", "≥200万人", "234.42万人", 40, 40, ""],
        ["产出指标", "检查次数", "≥3次", "两次", 30, 20, ""],
        ["满意度指标", "满意度", "≥90%", "95%", 20, 20, ""],
        ["满意度指标", "投诉率", "≤10%", "8%", 10, 10, ""],
    ]
    for r, line in enumerate(rows):
        for c, v in enumerate(line):
            cell = ws.getCellByPosition(c, r)
            if isinstance(v, (int, float)):
                cell.setValue(v)
            elif v != "":
                cell.setString(v)
    sheets.insertNewByName("透视", 1)
    pivot_sheet = sheets.getByName("透视")
    tables = pivot_sheet.getDataPilotTables()
    desc = tables.createDataPilotDescriptor()
    src = CellRangeAddress()
    src.Sheet, src.StartColumn, src.StartRow, src.EndColumn, src.EndRow = 0, 0, 0, 6, 4
    desc.setSourceRange(src)
    fields = desc.getDataPilotFields()
    from com.sun.star.sheet.DataPilotFieldOrientation import ROW, DATA
    from com.sun.star.sheet.GeneralFunction import SUM

    level = fields.getByIndex(0)
    level.Orientation = ROW
    points = fields.getByIndex(4)
    points.Orientation = DATA
    points.Function = SUM
    at = CellAddress()
    at.Sheet, at.Column, at.Row = 1, 0, 0
    tables.insertNewByName("分值透视", at, desc)
    doc.storeToURL(uno.systemPathToFileUrl(OUT), (prop("FilterName", "Calc MS Excel 2007 XML"),))
    doc.close(True)
    print("written", OUT)


if __name__ == "__main__":
    main()
