#!/usr/bin/env python3
"""Fixture workbooks written by other writers than exceljs, for the CLI's write-back tests
(test/cli/write-back.test.ts). Run from the repository root:

    python3 scripts/make-office-workbooks.py          # needs openpyxl (and Pillow for the image)
    # then, with LibreOffice installed:
    soffice --headless --convert-to xlsx --outdir lo-out test/fixtures/workbooks/openpyxl-office.xlsx
    mv lo-out/openpyxl-office.xlsx test/fixtures/workbooks/libreoffice-office.xlsx
    soffice --headless --convert-to xls --outdir test/fixtures/workbooks test/fixtures/workbooks/openpyxl-office.xlsx
    mv test/fixtures/workbooks/openpyxl-office.xls test/fixtures/workbooks/legacy-office.xls
    # the pivot-table workbook: scripts/make-pivot-workbook.py

Every workbook carries what office workbooks carry beside the tables: two charts, an image, a
data validation, a conditional format, a defined name, a note, frozen panes, a hidden sheet, a
protected sheet, print settings, and custom XML; the .xlsm also carries a VBA project part.
"""
import io
import os
import zipfile

from openpyxl import Workbook
from openpyxl.chart import BarChart, LineChart, Reference
from openpyxl.comments import Comment
from openpyxl.drawing.image import Image
from openpyxl.formatting.rule import CellIsRule
from openpyxl.styles import PatternFill
from openpyxl.workbook.defined_name import DefinedName
from openpyxl.worksheet.datavalidation import DataValidation

OUT = os.path.join("test", "fixtures", "workbooks")


def png_bytes():
    from PIL import Image as PILImage

    buf = io.BytesIO()
    PILImage.new("RGB", (24, 12), (31, 111, 120)).save(buf, format="PNG")
    buf.seek(0)
    return buf


def build(path):
    wb = Workbook()
    ws = wb.active
    ws.title = "自评表"
    ws["A1"] = "2023年度部门整体支出绩效自评表"
    ws.append([])
    ws.append([])
    ws.append(["一级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因"])
    ws.append(["产出指标", "参保人数", "≥200万人", "234.42万人", 40, 40, None])
    ws.append([None, "检查次数", "≥3次", "两次", 30, 20, None])
    ws.append(["满意度", "满意度", "≥90%", 0.95, 30, 30, None])
    ws["D7"].number_format = "0.00%"
    ws.append([None, "投诉率", "≤10%", "8%", 10, 10, None])
    ws.freeze_panes = "A5"
    ws.print_options.gridLines = True
    ws.page_setup.orientation = "landscape"
    ws.print_area = "A1:G8"
    dv = DataValidation(type="whole", operator="between", formula1="0", formula2="100", showErrorMessage=True)
    ws.add_data_validation(dv)
    dv.add("E5:E8")
    ws.conditional_formatting.add("F5:F8", CellIsRule(operator="lessThan", formula=["30"], fill=PatternFill("solid", start_color="FFC7CE", end_color="FFC7CE")))
    bar = BarChart()
    bar.title = "分值与得分"
    bar.add_data(Reference(ws, min_col=5, max_col=6, min_row=4, max_row=8), titles_from_data=True)
    bar.set_categories(Reference(ws, min_col=2, min_row=5, max_row=8))
    ws.add_chart(bar, "J2")
    img = Image(png_bytes())
    ws.add_image(img, "J20")

    st = wb.create_sheet("收支表")
    st["A1"] = "2022年度收入支出情况"
    st["A2"] = "单位：万元"
    st.append(["项目", "本年数", "上年数", "增长率", "占比"])
    for r in [
        ["本年收入合计", 3797.83, 2854.75, "33.04%", None],
        ["财政拨款收入", 3795.6, 2851.75, "33.10%", 0.9994],
        ["其他收入", 2.23, 3, None, 0.0006],
        ["本年支出合计", 3803.37, 2850.01, "33.45%", None],
        ["基本支出", 1203.34, None, None, 0.3164],
        ["项目支出", 2600.03, None, None, 0.6836],
    ]:
        st.append(r)
    for row in range(4, 10):
        st.cell(row=row, column=5).number_format = "0.00%"
    st["A4"].comment = Comment("用户自己的批注 / the user's own note", "财务")
    line = LineChart()
    line.title = "本年与上年"
    line.add_data(Reference(st, min_col=2, max_col=3, min_row=3, max_row=9), titles_from_data=True)
    st.add_chart(line, "H2")

    hidden = wb.create_sheet("参数")
    hidden["A1"] = "隐藏参数"
    hidden["B1"] = 42
    hidden.sheet_state = "hidden"
    locked = wb.create_sheet("封面")
    locked["A1"] = "受保护的封面"
    locked.protection.sheet = True
    locked.protection.password = "jixiao"

    name = DefinedName("分值区域", attr_text="'自评表'!$E$5:$E$8")
    if hasattr(wb.defined_names, "append"):
        wb.defined_names.append(name)
    else:
        wb.defined_names["分值区域"] = name
    wb.save(path)
    add_custom_xml(path)


def rewrite_zip(path, extra_parts, edit):
    """Rewrite a package with extra parts; `edit(name, data)` may change a part's bytes."""
    tmp = path + ".tmp"
    with zipfile.ZipFile(path) as src, zipfile.ZipFile(tmp, "w", zipfile.ZIP_DEFLATED) as dst:
        for item in src.infolist():
            dst.writestr(item.filename, edit(item.filename, src.read(item.filename)))
        for name, data in extra_parts.items():
            dst.writestr(name, data)
    os.replace(tmp, path)


def add_custom_xml(path):
    """A custom XML part hanging from the workbook, as document-management add-ins leave."""
    item = b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<record xmlns="urn:example:office">kept</record>'
    props = (
        b'<?xml version="1.0" encoding="UTF-8" standalone="no"?>\n<ds:datastoreItem ds:itemID="{6B1F2C43-0F3B-4C53-9A59-3C1B9E0F2A11}" '
        b'xmlns:ds="http://schemas.openxmlformats.org/officeDocument/2006/customXml"><ds:schemaRefs/></ds:datastoreItem>'
    )
    item_rels = (
        b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        b'<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/customXmlProps" Target="itemProps1.xml"/></Relationships>'
    )

    def edit(name, data):
        if name == "xl/_rels/workbook.xml.rels":
            return data.replace(
                b"</Relationships>",
                b'<Relationship Id="rIdCustom1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/customXml" Target="../customXml/item1.xml"/></Relationships>',
            )
        if name == "[Content_Types].xml":
            return data.replace(
                b"</Types>",
                b'<Override PartName="/customXml/itemProps1.xml" ContentType="application/vnd.openxmlformats-officedocument.customXmlProperties+xml"/></Types>',
            )
        return data

    rewrite_zip(path, {"customXml/item1.xml": item, "customXml/itemProps1.xml": props, "customXml/_rels/item1.xml.rels": item_rels}, edit)


def make_xlsm(src, path):
    """The same workbook as a macro-enabled one: a VBA project part and the macro content type.
    The part's bytes stand in for a real project (the test checks they come back unchanged)."""
    import shutil

    shutil.copyfile(src, path)

    def edit(name, data):
        if name == "xl/_rels/workbook.xml.rels":
            return data.replace(
                b"</Relationships>",
                b'<Relationship Id="rIdVba1" Type="http://schemas.microsoft.com/office/2006/relationships/vbaProject" Target="vbaProject.bin"/></Relationships>',
            )
        if name == "[Content_Types].xml":
            data = data.replace(b"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml", b"application/vnd.ms-excel.sheet.macroEnabled.main+xml")
            return data.replace(b"</Types>", b'<Default Extension="bin" ContentType="application/vnd.ms-office.vbaProject"/></Types>')
        return data

    rewrite_zip(path, {"xl/vbaProject.bin": bytes(range(256)) * 4}, edit)


if __name__ == "__main__":
    os.makedirs(OUT, exist_ok=True)
    base = os.path.join(OUT, "openpyxl-office.xlsx")
    build(base)
    make_xlsm(base, os.path.join(OUT, "openpyxl-macro.xlsm"))
    print("written", base)
