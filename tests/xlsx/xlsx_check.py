#!/usr/bin/python3
"""Checks an XLSX file written by thidua with openpyxl (an independent reader).

Usage:
  xlsx_check.py form FILE.xlsx EXPECT.json   report form: protection, locked/unlocked cells, validation,
                                              hidden sheets, formulas and cached values, identity, created
  xlsx_check.py list FILE.xlsx EXPECT.json   award list: header, columns, rows, created
  xlsx_check.py stream FILE.xlsx EXPECT.json award list written by the streaming writer: ZIP CRCs,
                                              dimension, every cell of sampled rows, data cell styles
Prints every failed check and exits 1 if there is one.
"""
import datetime
import json
import re
import sys
import zipfile

import openpyxl

failures = []


def check(cond, what):
    if not cond:
        failures.append(what)


def validations_for(ws, ref):
    found = []
    for dv in ws.data_validations.dataValidation:
        if ref in dv.sqref:
            found.append(dv)
    return found


def check_form(path, exp):
    wb = openpyxl.load_workbook(path)
    values = openpyxl.load_workbook(path, data_only=True)
    sheet, ident, lists = exp["sheet"], exp["identity_sheet"], exp["lists_sheet"]
    check(wb.sheetnames == [sheet, ident, lists], f"sheet names {wb.sheetnames}")
    ws = wb[sheet]
    check(ws.sheet_state == "visible", "form sheet visible")
    for name in (sheet, ident, lists):
        check(wb[name].protection.sheet, f"sheet {name} protected")
    for name in (ident, lists):
        check(wb[name].sheet_state == "hidden", f"sheet {name} hidden, is {wb[name].sheet_state}")
    idws = wb[ident]
    for i, (label, value) in enumerate(exp["identity"]):
        check(idws.cell(row=i + 1, column=1).value == label, f"identity label {i}")
        check(idws.cell(row=i + 1, column=2).value == value,
              f"identity value {i}: {idws.cell(row=i + 1, column=2).value!r} != {value!r}")
    lws = wb[lists]
    for col, items in enumerate(exp["lists"]):
        got = [lws.cell(row=r + 1, column=col + 1).value for r in range(len(items))]
        check(got == items, f"list column {col}: {got}")
    for c in exp["cells"]:
        ref, role = c["ref"], c["role"]
        cell = ws[ref]
        if role == "label":
            check(cell.value == c["text"], f"{ref} label {cell.value!r} != {c['text']!r}")
            check(cell.protection.locked, f"{ref} label locked")
        elif role == "blank":
            check(cell.value is None, f"{ref} blank")
            check(cell.protection.locked, f"{ref} blank locked")
        elif role == "formula":
            check(cell.value == "=" + c["formula"], f"{ref} formula {cell.value!r}")
            check(cell.protection.locked, f"{ref} formula locked")
            cached = values[sheet][ref].value
            check(cached == c["cached"], f"{ref} cached value {cached!r} != {c['cached']!r}")
        elif role == "input":
            check(not cell.protection.locked, f"{ref} input unlocked")
            dvs = validations_for(ws, ref)
            if c["type"] == "integer":
                ok = any(dv.type == "whole" and dv.operator == "greaterThanOrEqual" and dv.formula1 == "0"
                         and dv.showErrorMessage for dv in dvs)
                check(ok, f"{ref} whole-number validation >= 0")
            elif c["type"] == "list":
                ok = any(dv.type == "list" and dv.formula1 == c["list_range"] for dv in dvs)
                check(ok, f"{ref} list validation {c['list_range']}: {[dv.formula1 for dv in dvs]}")
                sheet_name, rng = c["list_range"].split("!")
                check(sheet_name == lists, f"{ref} list on hidden sheet")
            else:
                check(not dvs, f"{ref} text input without validation")
            if "value" in c:
                check(cell.value == c["value"], f"{ref} value {cell.value!r} != {c['value']!r}")
    check(wb.properties.created == datetime.datetime.fromisoformat(exp["created"]),
          f"created {wb.properties.created}")


def check_list(path, exp):
    wb = openpyxl.load_workbook(path)
    ws = wb[exp["sheet"]]
    rows = list(ws.iter_rows(values_only=True))
    for r, c, text in exp["texts"]:
        check(rows[r][c] == text, f"text at ({r},{c}): {rows[r][c]!r} != {text!r}")
    header = exp["header_row"]
    check(list(rows[header]) == exp["headers"], f"headers {rows[header]}")
    check(ws[f"A{header + 1}"].font.b, "bold header")
    data = rows[header + 1:]
    check(len(data) == exp["count"], f"row count {len(data)} != {exp['count']}")
    for i, expected in exp["samples"]:
        got = list(data[i])
        check(got == expected, f"row {i}: {got} != {expected}")
    for c, width in enumerate(exp["widths"]):
        letter = openpyxl.utils.get_column_letter(c + 1)
        got = ws.column_dimensions[letter].width
        check(got is not None and abs(got - width) < 1, f"width of {letter}: {got} vs {width}")
    check(wb.properties.created == datetime.datetime.fromisoformat(exp["created"]),
          f"created {wb.properties.created}")


def plain(value):
    """A cell value as JSON gives it: datetimes as ISO text."""
    if isinstance(value, datetime.datetime):
        return value.isoformat()
    return value


def style_of(cell):
    side = cell.border.left
    return {"font": cell.font.name, "size": cell.font.sz, "bold": bool(cell.font.b),
            "border": side.style if side is not None else None,
            "wrap": bool(cell.alignment.wrap_text), "horizontal": cell.alignment.horizontal,
            "vertical": cell.alignment.vertical, "number_format": cell.number_format}


def check_stream(path, exp):
    with zipfile.ZipFile(path) as z:
        check(z.testzip() is None, "ZIP CRC check")
        sheet_xml = z.read("xl/worksheets/sheet1.xml").decode("utf-8")
    m = re.search(r'<dimension ref="([^"]+)"/>', sheet_xml)
    check(m is not None and m.group(1) == exp["dimension"], f"dimension {m and m.group(1)}")
    wb = openpyxl.load_workbook(path)
    check(wb.sheetnames == [exp["sheet"]], f"sheet names {wb.sheetnames}")
    ws = wb[exp["sheet"]]
    rows = list(ws.iter_rows(values_only=True))
    for r, c, text in exp["texts"]:
        check(rows[r][c] == text, f"text at ({r},{c}): {rows[r][c]!r} != {text!r}")
    header = exp["header_row"]
    check(list(rows[header]) == exp["headers"], f"headers {rows[header]}")
    data = rows[header + 1:]
    check(len(data) == exp["count"], f"row count {len(data)} != {exp['count']}")
    check(ws.max_row == header + 1 + exp["count"], f"max_row {ws.max_row}")
    for i, expected in exp["samples"]:
        got = [plain(v) for v in data[i]]
        check(got == expected, f"row {i}: {got} != {expected}")
        for c, value in enumerate(expected):
            cell = ws.cell(row=header + 2 + i, column=c + 1)
            want = exp["blank_style"] if value is None else exp["styles"][c]
            check(style_of(cell) == want, f"style of row {i} column {c}: {style_of(cell)} != {want}")
    check(ws.freeze_panes == exp["freeze"], f"freeze panes {ws.freeze_panes}")
    check(ws.print_title_rows == exp["print_titles"], f"print titles {ws.print_title_rows}")
    check(sorted(str(r) for r in ws.merged_cells.ranges) == sorted(exp["merged"]),
          f"merged {sorted(str(r) for r in ws.merged_cells.ranges)}")


def main():
    mode, path, expect = sys.argv[1], sys.argv[2], sys.argv[3]
    with open(expect, encoding="utf-8") as f:
        exp = json.load(f)
    if mode == "form":
        check_form(path, exp)
    elif mode == "stream":
        check_stream(path, exp)
    else:
        check_list(path, exp)
    for f in failures:
        print("FAIL:", f)
    sys.exit(1 if failures else 0)


main()
