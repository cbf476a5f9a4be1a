#!/usr/bin/python3
"""Makes the uploads the reader must accept or refuse, the way people and attackers make them.

Usage:
  xlsx_tamper.py fill IN.xlsx OUT.xlsx CHANGES.json  set cells with openpyxl: {"Sheet!C7": 12, "Sheet!B7": "x",
                                                     "Sheet!D8": null}; saved by openpyxl (shared strings,
                                                     formulas without cached values)
  xlsx_tamper.py stream IN.xlsx OUT.xlsx             re-zip in streaming mode (data descriptors, bit 3)
  xlsx_tamper.py plainzip OUT.zip                    a zip that is not a spreadsheet
  xlsx_tamper.py ratio IN.xlsx OUT.xlsx              add a 64 MB entry of zeros (a huge ratio)
  xlsx_tamper.py lie IN.xlsx OUT.xlsx                declare a small size for the sheet that inflates larger
  xlsx_tamper.py quirks IN.xlsx OUT.xlsx             legal variations other writers produce: cells without
                                                     "r" where they follow their neighbour, phonetic runs
                                                     (<rPh>) in shared strings, inline strings; IN must have
                                                     a shared-string table (libxlsxwriter writes one)
  xlsx_tamper.py doctype|entities|external IN.xlsx OUT.xlsx
                                                     put a DOCTYPE / entity declarations / an external
                                                     entity into xl/workbook.xml
  xlsx_tamper.py late-doctype|late-entities|late-external IN.xlsx OUT.xlsx
                                                     the same behind 70 KB of comment (past the prolog
                                                     check, caught by the parser's DTD handlers)
"""
import json
import re
import struct
import sys
import zipfile

import openpyxl


def fill(src, dst, changes_path):
    with open(changes_path, encoding="utf-8") as f:
        changes = json.load(f)
    wb = openpyxl.load_workbook(src)
    for key, value in changes.items():
        sheet, ref = key.rsplit("!", 1)
        wb[sheet][ref] = value
    wb.save(dst)


def entries(src):
    with zipfile.ZipFile(src) as z:
        return [(i.filename, z.read(i.filename)) for i in z.infolist()]


class NoSeek:
    """A write-only stream without tell/seek: zipfile then writes data descriptors."""

    def __init__(self, f):
        self.f = f

    def write(self, b):
        return self.f.write(b)

    def flush(self):
        self.f.flush()


def stream(src, dst):
    with open(dst, "wb") as raw:
        with zipfile.ZipFile(NoSeek(raw), "w", zipfile.ZIP_DEFLATED) as z:
            for name, data in entries(src):
                z.writestr(name, data)


def plainzip(dst):
    with zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("readme.txt", "Đây không phải bảng tính.")


def ratio(src, dst):
    with zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in entries(src):
            z.writestr(name, data)
        z.writestr("xl/media/zeros.bin", b"\0" * (64 << 20))


def lie(src, dst):
    target = "xl/worksheets/sheet1.xml"
    with zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in entries(src):
            z.writestr(name, data)
    buf = bytearray(open(dst, "rb").read())
    small = 100
    # Local header: uncompressed size at +22. Central directory entry: at +24.
    pos = 0
    while True:
        pos = buf.find(b"PK\x03\x04", pos)
        if pos < 0:
            break
        n = struct.unpack_from("<H", buf, pos + 26)[0]
        if buf[pos + 30:pos + 30 + n].decode() == target:
            struct.pack_into("<I", buf, pos + 22, small)
        pos += 4
    pos = 0
    while True:
        pos = buf.find(b"PK\x01\x02", pos)
        if pos < 0:
            break
        n = struct.unpack_from("<H", buf, pos + 28)[0]
        if buf[pos + 46:pos + 46 + n].decode() == target:
            struct.pack_into("<I", buf, pos + 24, small)
        pos += 4
    open(dst, "wb").write(bytes(buf))


def column(letters):
    n = 0
    for ch in letters:
        n = n * 26 + ord(ch) - 64
    return n


def quirks(src, dst):
    def drop_refs(row):
        prev = [0]

        def cell(m):
            col = column(m.group(1))
            keep = col != prev[0] + 1
            prev[0] = col
            return m.group(0) if keep else "<c"

        return re.sub(r'<c r="([A-Z]+)[0-9]+"', cell, row.group(0))

    parts = dict(entries(src))
    shared = [re.sub(r"<[^>]+>", "", si) for si in
              re.findall(r"<si>(.*?)</si>", parts["xl/sharedStrings.xml"].decode(), flags=re.S)]
    count = [0]

    def inline(m):  # every other shared-string cell becomes an inline string
        count[0] += 1
        if count[0] % 2:
            return m.group(0)
        return f'<c{m.group(1)} t="inlineStr"><is><t>{shared[int(m.group(2))]}</t></is></c>'

    with zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in entries(src):
            if name == "xl/worksheets/sheet1.xml":
                text = re.sub(r"<row [^>]*>.*?</row>", drop_refs, data.decode(), flags=re.S)
                assert text.count('<c r="') < data.decode().count('<c r="')
                text = re.sub(r'<c([^>]*?) t="s"><v>([0-9]+)</v></c>', inline, text)
                assert "inlineStr" in text
                data = text.encode()
            elif name == "xl/sharedStrings.xml":
                text = data.decode().replace("</t></si>", '</t><rPh sb="0" eb="1"><t>ヨミ</t></rPh></si>')
                data = text.encode()
            z.writestr(name, data)


DOCTYPES = {
    "doctype": b"<!DOCTYPE workbook>",
    "entities": b'<!DOCTYPE workbook [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">'
                b'<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]>',
    "external": b'<!DOCTYPE workbook [<!ENTITY x SYSTEM "file:///etc/passwd">]>',
}


def xml_attack(kind, src, dst):
    padding = b""
    if kind.startswith("late-"):
        kind = kind[5:]
        padding = b"<!--" + b"x" * 70000 + b"-->"
    with zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in entries(src):
            if name == "xl/workbook.xml":
                end = data.index(b"?>") + 2 if data.startswith(b"<?xml") else 0
                data = data[:end] + padding + DOCTYPES[kind] + data[end:]
                if kind != "doctype":
                    ref = b"&c;" if kind == "entities" else b"&x;"
                    data = data.replace(b'name="', b'name="' + ref, 1)
            z.writestr(name, data)


def main():
    cmd = sys.argv[1]
    if cmd == "fill":
        fill(sys.argv[2], sys.argv[3], sys.argv[4])
    elif cmd == "stream":
        stream(sys.argv[2], sys.argv[3])
    elif cmd == "plainzip":
        plainzip(sys.argv[2])
    elif cmd == "ratio":
        ratio(sys.argv[2], sys.argv[3])
    elif cmd == "lie":
        lie(sys.argv[2], sys.argv[3])
    elif cmd == "quirks":
        quirks(sys.argv[2], sys.argv[3])
    else:
        xml_attack(cmd, sys.argv[2], sys.argv[3])


main()
