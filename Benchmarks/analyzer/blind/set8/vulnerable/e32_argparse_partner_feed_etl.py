"""Nightly ETL: pull the partner product feed and load it into the warehouse."""
import argparse
import csv
import logging
import sys
from pathlib import Path

import requests
from lxml import etree

log = logging.getLogger("partner-feed")

DEFAULT_FEED = "https://feeds.partner-network.example/v2/products.xml"
FIELDS = ["sku", "title", "brand", "price", "currency", "availability"]


def fetch_feed(url: str, token: str) -> bytes:
    resp = requests.get(url, headers={"Authorization": f"Bearer {token}"}, timeout=120)
    resp.raise_for_status()
    return resp.content


def iter_products(xml_bytes: bytes):
    # Feeds are large (hundreds of MB) and use entities for brand names.
    parser = etree.XMLParser(huge_tree=True, resolve_entities=True, remove_blank_text=True)
    root = etree.fromstring(xml_bytes, parser)  # VULN flow
    for node in root.iter("product"):
        yield {field: (node.findtext(field) or "").strip() for field in FIELDS}


def write_csv(rows, out_path: Path) -> int:
    count = 0
    with out_path.open("w", newline="", encoding="utf-8") as fh:
        writer = csv.DictWriter(fh, fieldnames=FIELDS)
        writer.writeheader()
        for row in rows:
            writer.writerow(row)
            count += 1
    return count


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--feed-url", default=DEFAULT_FEED)
    ap.add_argument("--token-file", type=Path, default=Path("/etc/etl/partner-token"))
    ap.add_argument("--out", type=Path, required=True, help="CSV staged for the warehouse loader")
    args = ap.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(message)s")

    token = args.token_file.read_text().strip()
    try:
        payload = fetch_feed(args.feed_url, token)
    except requests.RequestException as exc:
        log.error("feed download failed: %s", exc)
        return 1
    written = write_csv(iter_products(payload), args.out)
    log.info("staged %d products to %s", written, args.out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
