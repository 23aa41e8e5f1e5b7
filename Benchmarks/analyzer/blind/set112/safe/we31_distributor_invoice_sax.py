#!/usr/bin/env python3
"""Import distributor depletion/invoice XML files dropped on the SFTP share.

Each distributor uploads its weekly invoice XML into /srv/sftp/<distributor>/inbox;
this job parses the files and loads invoice lines into the sales warehouse.
"""
import argparse
import logging
import shutil
import sqlite3
import xml.sax
from pathlib import Path
from xml.sax.handler import feature_external_ges, feature_namespaces

import defusedxml.sax

log = logging.getLogger("invoices.import")


class InvoiceHandler(xml.sax.ContentHandler):
    FIELDS = {"InvoiceNumber", "AccountNumber", "ItemCode", "Quantity", "UnitPrice", "InvoiceDate"}

    def __init__(self):
        super().__init__()
        self.lines = []
        self._current = {}
        self._field = None
        self._buf = []

    def startElement(self, name, attrs):
        if name == "Line":
            self._current = {}
        elif name in self.FIELDS:
            self._field, self._buf = name, []

    def characters(self, content):
        if self._field:
            self._buf.append(content)

    def endElement(self, name):
        if name == self._field:
            self._current[name] = "".join(self._buf).strip()
            self._field = None
        elif name == "Line":
            self.lines.append(self._current)


def parse_invoice(path: Path) -> list:
    handler = InvoiceHandler()
    parser = defusedxml.sax.make_parser()
    parser.setFeature(feature_namespaces, False)
    parser.setFeature(feature_external_ges, False)
    parser.setContentHandler(handler)
    parser.parse(str(path))
    return handler.lines


def load_lines(conn: sqlite3.Connection, distributor: str, lines: list) -> int:
    conn.executemany(
        "INSERT INTO invoice_lines (distributor, invoice_no, account_no, item_code, qty, unit_price, invoice_date)"
        " VALUES (?, ?, ?, ?, ?, ?, ?)",
        [
            (distributor, l.get("InvoiceNumber"), l.get("AccountNumber"), l.get("ItemCode"),
             float(l.get("Quantity") or 0), float(l.get("UnitPrice") or 0), l.get("InvoiceDate"))
            for l in lines
        ],
    )
    conn.commit()
    return len(lines)


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--sftp-root", type=Path, default=Path("/srv/sftp"))
    ap.add_argument("--db", default="/var/lib/sales/warehouse.db")
    args = ap.parse_args()
    logging.basicConfig(level=logging.INFO)

    conn = sqlite3.connect(args.db)
    for inbox in sorted(args.sftp_root.glob("*/inbox")):
        distributor = inbox.parent.name
        done_dir = inbox.parent / "processed"
        done_dir.mkdir(exist_ok=True)
        for xml_file in sorted(inbox.glob("*.xml")):
            try:
                count = load_lines(conn, distributor, parse_invoice(xml_file))
            except (xml.sax.SAXException, ValueError) as exc:
                log.error("failed to import %r/%r: %r", distributor, xml_file.name, exc)
                continue
            shutil.move(str(xml_file), done_dir / xml_file.name)
            log.info("imported %d lines from %r/%r", count, distributor, xml_file.name)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
