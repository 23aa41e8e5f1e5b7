#!/usr/bin/env python3
"""Import STIX 1.2 packages dropped into the TAXII inbox by sharing partners."""
import argparse
import logging
import shutil
import sqlite3
from pathlib import Path

from lxml import etree

NS = {
    "stix": "http://stix.mitre.org/stix-1",
    "indicator": "http://stix.mitre.org/Indicator-2",
    "cybox": "http://cybox.mitre.org/cybox-2",
    "AddressObj": "http://cybox.mitre.org/objects#AddressObject-2",
    "DomainNameObj": "http://cybox.mitre.org/objects#DomainNameObject-1",
}

log = logging.getLogger("stix_import")


def make_parser() -> etree.XMLParser:
    return etree.XMLParser(resolve_entities=True, load_dtd=True, no_network=False, huge_tree=True)  # VULN


def load_package(path: Path) -> etree._Element:
    return etree.fromstring(path.read_bytes(), make_parser())


def extract_indicators(root: etree._Element) -> list:
    out = []
    for ind in root.iterfind(".//stix:Indicator", NS):
        title = ind.findtext("indicator:Title", default="", namespaces=NS)
        for addr in ind.iterfind(".//AddressObj:Address_Value", NS):
            out.append(("ipv4", (addr.text or "").strip(), title))
        for dom in ind.iterfind(".//DomainNameObj:Value", NS):
            out.append(("domain", (dom.text or "").strip(), title))
    return [row for row in out if row[1]]


def import_dir(inbox: Path, done: Path, conn: sqlite3.Connection) -> int:
    total = 0
    for pkg in sorted(inbox.glob("*.xml")):
        try:
            rows = extract_indicators(load_package(pkg))
        except etree.XMLSyntaxError as exc:
            log.error("skipping %r: %s", pkg.name, exc)
            continue
        conn.executemany(
            "INSERT OR IGNORE INTO indicators (type, value, description, source_file) VALUES (?, ?, ?, ?)",
            [(t, v, d, pkg.name) for t, v, d in rows],
        )
        conn.commit()
        shutil.move(str(pkg), done / pkg.name)
        total += len(rows)
        log.info("%r: %d indicators", pkg.name, len(rows))
    return total


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--inbox", type=Path, default=Path("/srv/taxii/inbox"))
    ap.add_argument("--done", type=Path, default=Path("/srv/taxii/processed"))
    ap.add_argument("--db", default="/var/lib/ti/indicators.db")
    args = ap.parse_args()
    args.done.mkdir(parents=True, exist_ok=True)
    with sqlite3.connect(args.db) as conn:
        n = import_dir(args.inbox, args.done, conn)
    log.info("import finished, %d indicators", n)


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    main()
