#!/usr/bin/env python3
"""Import vendor MARCXML batches into the branch library catalogue.

Vendors upload batches to the SFTP drop box; the nightly job runs
``catalog_marc_import.py /srv/sftp/vendors/*/incoming/*.xml``.
"""
import argparse
import csv
import logging
import sys
from pathlib import Path

from lxml import etree

MARC_NS = {"marc": "http://www.loc.gov/MARC21/slim"}
log = logging.getLogger("marc_import")


def make_parser():
    return etree.XMLParser(resolve_entities=True, load_dtd=True, no_network=False, huge_tree=True)


def subfield(record, tag, code):
    vals = record.xpath(
        f"marc:datafield[@tag='{tag}']/marc:subfield[@code='{code}']/text()",
        namespaces=MARC_NS,
    )
    return vals[0].strip() if vals else ""


def parse_batch(path: Path):
    parser = make_parser()
    tree = etree.parse(str(path), parser)  # VULN flow
    for record in tree.getroot().iterfind("marc:record", MARC_NS):
        yield {
            "isbn": subfield(record, "020", "a"),
            "title": subfield(record, "245", "a").rstrip(" /:"),
            "author": subfield(record, "100", "a"),
            "publisher": subfield(record, "264", "b") or subfield(record, "260", "b"),
        }


def write_staging(rows, out_path: Path) -> int:
    count = 0
    with out_path.open("a", newline="", encoding="utf-8") as fh:
        writer = csv.DictWriter(fh, fieldnames=["isbn", "title", "author", "publisher"])
        if fh.tell() == 0:
            writer.writeheader()
        for row in rows:
            if not row["title"]:
                continue
            writer.writerow(row)
            count += 1
    return count


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("batches", nargs="+", type=Path)
    ap.add_argument("--staging", type=Path, default=Path("/var/lib/catalog/staging.csv"))
    ap.add_argument("-v", "--verbose", action="store_true")
    args = ap.parse_args(argv)
    logging.basicConfig(level=logging.DEBUG if args.verbose else logging.INFO)

    total = 0
    for batch in args.batches:
        try:
            n = write_staging(parse_batch(batch), args.staging)
        except etree.XMLSyntaxError as exc:
            log.error("skipping malformed batch %s: %s", batch, exc)
            continue
        log.info("imported %d records from %s", n, batch.name)
        total += n
    log.info("done, %d records staged", total)
    return 0 if total else 1


if __name__ == "__main__":
    sys.exit(main())
