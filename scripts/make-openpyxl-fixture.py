#!/usr/bin/python3
"""Writes the sample workbook again with openpyxl, as a program other than Excel writes it.

openpyxl keeps a formula's text but not its result: every 合计 cell of the sample (=SUM(C4:C11)
and so on) is saved as `<c r="C12"><f>SUM(C4:C11)</f><v></v></c>`, with no value, until Excel
opens and saves the file. The reader computes such SUM formulas itself (src/hosts/xlsx/formulas.ts).

Writes, under test/fixtures/openpyxl/:
- bureau-stats-2013-openpyxl.xlsx: the sample's sheets and values, every 合计 a SUM formula;
- bureau-stats-2013-openpyxl-if.xlsx: the same, with 表2 培训 2013!E4 (人均学时, 16) written as
  =IF(D4>0,16,0), a formula the reader does not compute.

Run with the system Python and Debian's python3-openpyxl (apt-get install python3-openpyxl):
    /usr/bin/python3 scripts/make-openpyxl-fixture.py [output folder]
The files differ from run to run only in their times (openpyxl writes the time of saving).
"""
import os
import re
import sys

import openpyxl

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SAMPLE = os.path.join(ROOT, "assets", "samples", "bureau-stats-2013.xlsx")
OUT = os.path.join(ROOT, "test", "fixtures", "openpyxl")
TOTAL = "合计"
SUM = re.compile(r"^=SUM\(([A-Z]+)(\d+):([A-Z]+)(\d+)\)$")


def total_row(ws):
    """The row whose label cell (column A) is 合计, or None."""
    for row in ws.iter_rows(min_col=1, max_col=1):
        if row[0].value == TOTAL:
            return row[0].row
    return None


def sum_totals(wb):
    """Each number of a 合计 row as the SUM of the column's data rows (the rows under the headers)."""
    count = 0
    for ws in wb.worksheets:
        r = total_row(ws)
        if r is None:
            continue
        for cell in ws[r][1:]:
            v = cell.value
            if isinstance(v, str) and SUM.match(v):
                count += 1
            elif isinstance(v, (int, float)):
                cell.value = f"=SUM({cell.column_letter}4:{cell.column_letter}{r - 1})"
                count += 1
    if count == 0:
        raise SystemExit("no 合计 cells found in " + SAMPLE)
    return count


def main(out):
    os.makedirs(out, exist_ok=True)
    # formulas as formulas (not data_only): openpyxl then saves them without results
    wb = openpyxl.load_workbook(SAMPLE)
    n = sum_totals(wb)
    wb.save(os.path.join(out, "bureau-stats-2013-openpyxl.xlsx"))
    ws = wb["表2 培训 2013"]
    if ws["E3"].value != "人均学时" or ws["E4"].value != 16:
        raise SystemExit("表2 培训 2013!E4 is not 人均学时 16 in " + SAMPLE)
    ws["E4"] = "=IF(D4>0,16,0)"
    wb.save(os.path.join(out, "bureau-stats-2013-openpyxl-if.xlsx"))
    print(f"wrote {out}: {n} 合计 formulas")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else OUT)
