"""Import monthly premium bordereaux (XML) delivered by coverholders into the ledger."""
import argparse
import logging
import os
import sqlite3
import sys
from decimal import Decimal
from xml.sax.handler import ContentHandler, feature_external_ges, feature_namespaces

from defusedxml.sax import make_parser

log = logging.getLogger("bdx.import")

LEDGER_DB = os.environ.get("LEDGER_DB", "/srv/ledger/ledger.db")

INSERT_SQL = (
    "INSERT INTO premium_bdx (coverholder, period, certificate_ref, insured_name, inception, "
    "gross_premium, commission, territory) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"
)


class RiskRowHandler(ContentHandler):
    FIELDS = {"CertificateRef", "InsuredName", "InceptionDate", "GrossPremium", "Commission", "Territory"}

    def __init__(self):
        super().__init__()
        self.rows = []
        self._current = None
        self._field = None
        self._buf = []

    def startElement(self, name, attrs):
        if name == "Risk":
            self._current = {}
        elif self._current is not None and name in self.FIELDS:
            self._field = name
            self._buf = []

    def characters(self, content):
        if self._field:
            self._buf.append(content)

    def endElement(self, name):
        if self._field == name:
            self._current[name] = "".join(self._buf).strip()
            self._field = None
        elif name == "Risk" and self._current is not None:
            self.rows.append(self._current)
            self._current = None


def parse_bordereau(path: str):
    handler = RiskRowHandler()
    parser = make_parser()
    parser.setFeature(feature_namespaces, False)
    parser.setFeature(feature_external_ges, False)
    parser.setContentHandler(handler)
    parser.parse(path)
    return handler.rows


def load(rows, coverholder: str, period: str) -> int:
    records = [
        (coverholder, period, r.get("CertificateRef"), r.get("InsuredName"), r.get("InceptionDate"),
         str(Decimal(r.get("GrossPremium") or "0")), str(Decimal(r.get("Commission") or "0")),
         r.get("Territory"))
        for r in rows
    ]
    conn = sqlite3.connect(LEDGER_DB)
    try:
        with conn:
            conn.executemany(INSERT_SQL, records)
    finally:
        conn.close()
    return len(records)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--coverholder", required=True)
    parser.add_argument("--period", required=True, help="YYYY-MM")
    parser.add_argument("files", nargs="+")
    args = parser.parse_args(argv)
    for path in args.files:
        count = load(parse_bordereau(path), args.coverholder, args.period)
        log.info("loaded %d risks from %s", count, os.path.basename(path))
    return 0


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    sys.exit(main())
