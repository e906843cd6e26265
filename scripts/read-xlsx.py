#!/usr/bin/env python3
"""Reads a workbook with openpyxl (an independent reader) and prints what a test checks, as JSON:

  warnings      every warning openpyxl raised while loading (none expected: e.g. "no default style")
  cellStyles    the named cell styles of styles.xml (read from the package itself)
  definedNames  the workbook's defined names as written in workbook.xml: name, localSheetId, value
  sheets        per sheet its name, frozen pane, filter range, column widths, merged ranges, row heights,
                print setup (orientation, paper size, fit to page / width / height, print title rows,
                header and footer), and every cell's value, type, number format, bold and solid fill.

Dates (month cells) are printed as ISO text (2019-04-01T00:00:00).
"""
import json
import sys
import warnings
import zipfile
import xml.etree.ElementTree as ElementTree

import openpyxl

MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"

path = sys.argv[1]
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    book = openpyxl.load_workbook(path)

with zipfile.ZipFile(path) as package:
    styles = ElementTree.fromstring(package.read("xl/styles.xml"))
    workbook = ElementTree.fromstring(package.read("xl/workbook.xml"))
cell_styles = [style.get("name") for style in styles.iter(MAIN + "cellStyle")]
defined_names = [{"name": name.get("name"), "localSheetId": name.get("localSheetId"), "value": name.text}
                 for name in workbook.iter(MAIN + "definedName")]


def header_footer(part):
    return {"left": part.left.text, "center": part.center.text, "right": part.right.text}


sheets = []
for sheet in book.worksheets:
    rows = []
    for row in sheet.iter_rows():
        rows.append([{"value": cell.value.isoformat() if hasattr(cell.value, "isoformat") else cell.value,
                      "type": cell.data_type, "format": cell.number_format,
                      "bold": bool(cell.font and cell.font.b),
                      "fill": (cell.fill.fgColor.rgb if cell.fill and cell.fill.fill_type == "solid" else None)}
                     for cell in row])
    setup = sheet.page_setup
    fit = sheet.sheet_properties.pageSetUpPr
    sheets.append({
        "name": sheet.title, "freeze": sheet.freeze_panes, "filter": sheet.auto_filter.ref,
        "widths": {k: v.width for k, v in sheet.column_dimensions.items()},
        "merged": sorted(str(r) for r in sheet.merged_cells.ranges),
        "heights": {str(k): v.height for k, v in sheet.row_dimensions.items() if v.height is not None},
        "print": {
            "orientation": setup.orientation, "paperSize": setup.paperSize,
            "fitToWidth": setup.fitToWidth, "fitToHeight": setup.fitToHeight,
            "fitToPage": bool(fit and fit.fitToPage),
            "titleRows": sheet.print_title_rows,
            "horizontalCentered": bool(sheet.print_options.horizontalCentered),
            "header": header_footer(sheet.oddHeader), "footer": header_footer(sheet.oddFooter),
        },
        "rows": rows,
    })
json.dump({"warnings": [str(w.message) for w in caught], "cellStyles": cell_styles, "definedNames": defined_names,
           "sheets": sheets}, sys.stdout, ensure_ascii=False)
