#!/usr/bin/env python3
"""Reads a workbook with openpyxl (an independent reader) and prints what a test checks, as JSON:
per sheet its name, frozen pane, filter range, and every cell's value, type and number format."""
import json
import sys

import openpyxl

book = openpyxl.load_workbook(sys.argv[1])
sheets = []
for sheet in book.worksheets:
    rows = []
    for row in sheet.iter_rows():
        rows.append([{"value": cell.value, "type": cell.data_type, "format": cell.number_format,
                      "bold": bool(cell.font and cell.font.b),
                      "fill": (cell.fill.fgColor.rgb if cell.fill and cell.fill.fill_type == "solid" else None)}
                     for cell in row])
    sheets.append({"name": sheet.title, "freeze": sheet.freeze_panes, "filter": sheet.auto_filter.ref,
                   "widths": {k: v.width for k, v in sheet.column_dimensions.items()}, "rows": rows})
json.dump(sheets, sys.stdout, ensure_ascii=False)
