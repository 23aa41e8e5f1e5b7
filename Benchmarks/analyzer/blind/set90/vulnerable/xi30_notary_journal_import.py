"""Import electronic notary journal exports into the compliance database.

Each e-notary vendor drops an XML journal export per notary per month:

    <journal notary="..." commission="...">
      <entry><date/><act/><signer/><id_type/><fee/></entry>
    </journal>
"""
import argparse
import glob
import logging
import os
import sqlite3
import xml.sax
from xml.sax.handler import feature_external_ges, feature_external_pes

log = logging.getLogger("journal_import")

FIELDS = ("date", "act", "signer", "id_type", "fee", "document")


class JournalHandler(xml.sax.ContentHandler):
    def __init__(self):
        super().__init__()
        self.entries = []
        self.notary = None
        self._current = None
        self._field = None
        self._buf = []

    def startElement(self, name, attrs):
        if name == "journal":
            self.notary = attrs.get("commission")
        elif name == "entry":
            self._current = {}
        elif self._current is not None and name in FIELDS:
            self._field, self._buf = name, []

    def characters(self, content):
        if self._field:
            self._buf.append(content)

    def endElement(self, name):
        if self._field == name:
            self._current[name] = "".join(self._buf).strip()
            self._field = None
        elif name == "entry" and self._current is not None:
            self.entries.append(self._current)
            self._current = None


def parse_journal(path):
    handler = JournalHandler()
    parser = xml.sax.make_parser()
    parser.setFeature(feature_external_ges, True)
    parser.setFeature(feature_external_pes, True)
    parser.setContentHandler(handler)
    parser.parse(path)  # VULN flow
    return handler.notary, handler.entries


def store(conn, commission, entries, source):
    with conn:
        conn.executemany(
            "INSERT INTO journal_entries (commission, act_date, act, signer, id_type, fee, document, source) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            [(commission, e.get("date"), e.get("act"), e.get("signer"), e.get("id_type"),
              e.get("fee"), e.get("document"), source) for e in entries],
        )


def main():
    parser = argparse.ArgumentParser(description="Import vendor notary journal exports")
    parser.add_argument("export_dir")
    parser.add_argument("--db", default="/var/lib/notary/compliance.db")
    args = parser.parse_args()
    logging.basicConfig(level=logging.INFO)
    conn = sqlite3.connect(args.db)
    for path in sorted(glob.glob(os.path.join(args.export_dir, "*.xml"))):
        try:
            commission, entries = parse_journal(path)
        except xml.sax.SAXException as exc:
            log.error("cannot parse %s: %r", path, str(exc))
            continue
        store(conn, commission, entries, os.path.basename(path))
        log.info("imported %d entries for commission %r from %s", len(entries), commission, path)


if __name__ == "__main__":
    main()
