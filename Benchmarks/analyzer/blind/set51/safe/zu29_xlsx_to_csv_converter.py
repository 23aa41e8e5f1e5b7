"""Convert XLSX workbooks to one CSV per sheet, without pulling in openpyxl.

Used by the document-conversion queue: instrument exports and collaborator
spreadsheets are uploaded through the portal and the CSVs are returned.
"""
import argparse
import csv
import re
import zipfile
from pathlib import Path
from xml.sax.handler import ContentHandler, feature_external_ges, feature_namespaces

import defusedxml.sax

CELL_REF = re.compile(r"([A-Z]+)(\d+)")


def column_index(ref: str) -> int:
    letters = CELL_REF.match(ref).group(1)
    idx = 0
    for ch in letters:
        idx = idx * 26 + (ord(ch) - 64)
    return idx - 1


class SharedStrings(ContentHandler):
    def __init__(self):
        super().__init__()
        self.strings, self._buf, self._in_t = [], [], False

    def startElement(self, name, attrs):
        if name == "si":
            self._buf = []
        self._in_t = name == "t"

    def characters(self, content):
        if self._in_t:
            self._buf.append(content)

    def endElement(self, name):
        if name == "si":
            self.strings.append("".join(self._buf))
        self._in_t = False


class SheetRows(ContentHandler):
    def __init__(self, shared):
        super().__init__()
        self.shared, self.rows = shared, []
        self._row, self._col, self._type, self._text, self._in_v = {}, 0, None, [], False

    def startElement(self, name, attrs):
        if name == "row":
            self._row = {}
        elif name == "c":
            self._col, self._type, self._text = column_index(attrs.get("r", "A1")), attrs.get("t"), []
        elif name in ("v", "t"):
            self._in_v = True

    def characters(self, content):
        if self._in_v:
            self._text.append(content)

    def endElement(self, name):
        if name in ("v", "t"):
            self._in_v = False
        elif name == "c":
            value = "".join(self._text)
            self._row[self._col] = self.shared[int(value)] if self._type == "s" and value else value
        elif name == "row":
            width = max(self._row) + 1 if self._row else 0
            self.rows.append([self._row.get(i, "") for i in range(width)])


def parse_part(zf: zipfile.ZipFile, name: str, handler: ContentHandler) -> ContentHandler:
    parser = defusedxml.sax.make_parser()
    parser.setFeature(feature_namespaces, False)
    parser.setFeature(feature_external_ges, False)
    parser.setContentHandler(handler)
    with zf.open(name) as stream:
        parser.parse(stream)
    return handler


def convert(xlsx: Path, outdir: Path) -> list:
    outdir.mkdir(parents=True, exist_ok=True)
    written = []
    with zipfile.ZipFile(xlsx) as zf:
        names = zf.namelist()
        shared = parse_part(zf, "xl/sharedStrings.xml", SharedStrings()).strings \
            if "xl/sharedStrings.xml" in names else []
        for part in sorted(n for n in names if re.fullmatch(r"xl/worksheets/sheet\d+\.xml", n)):
            rows = parse_part(zf, part, SheetRows(shared)).rows
            target = outdir / f"{xlsx.stem}_{Path(part).stem}.csv"
            with target.open("w", newline="") as fh:
                csv.writer(fh).writerows(rows)
            written.append(target)
    return written


if __name__ == "__main__":
    ap = argparse.ArgumentParser(description="XLSX -> CSV")
    ap.add_argument("workbook", type=Path)
    ap.add_argument("-o", "--outdir", type=Path, default=Path("."))
    args = ap.parse_args()
    for path in convert(args.workbook, args.outdir):
        print(path)
