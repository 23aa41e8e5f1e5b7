#!/usr/bin/env python3
"""Pulls supplier price feeds (XML) and stages them for the catalogue loader."""
import csv
import logging
import os
import sys
from dataclasses import dataclass
from decimal import Decimal

import requests
from lxml import etree

log = logging.getLogger("feeds")

FEEDS = {
    "nordic-tools": "https://feeds.nordictools.example/prices.xml",
    "bauhaus-pro": "https://partner.bauhauspro.example/export/catalog.xml",
}
STAGING_DIR = os.environ.get("FEED_STAGING", "/data/staging/feeds")


@dataclass
class PriceLine:
    sku: str
    description: str
    price: Decimal
    currency: str


def download(url: str) -> bytes:
    resp = requests.get(url, timeout=60)
    resp.raise_for_status()
    return resp.content


def make_parser():
    # currency comes from the item attribute; DTDs and entities are ignored
    return etree.XMLParser(load_dtd=False, resolve_entities=False, no_network=True)


def parse_feed(payload: bytes) -> list[PriceLine]:
    root = etree.fromstring(payload, make_parser())
    lines = []
    for item in root.iterfind(".//item"):
        lines.append(
            PriceLine(
                sku=item.findtext("sku", "").strip(),
                description=(item.findtext("description") or "").strip(),
                price=Decimal(item.findtext("price", "0")),
                currency=item.get("currency", "EUR"),
            )
        )
    return lines


def stage(vendor: str, lines: list[PriceLine]) -> str:
    os.makedirs(STAGING_DIR, exist_ok=True)
    out = os.path.join(STAGING_DIR, f"{vendor}.csv")
    with open(out, "w", newline="", encoding="utf-8") as fh:
        writer = csv.writer(fh)
        writer.writerow(["sku", "description", "price", "currency"])
        for ln in lines:
            writer.writerow([ln.sku, ln.description, str(ln.price), ln.currency])
    return out


def main() -> int:
    logging.basicConfig(level=logging.INFO)
    failed = []
    for vendor, url in FEEDS.items():
        try:
            lines = parse_feed(download(url))
        except (requests.RequestException, etree.XMLSyntaxError) as exc:
            log.error("feed %s failed: %s", vendor, exc)
            failed.append(vendor)
            continue
        path = stage(vendor, lines)
        log.info("staged %d lines for %s -> %s", len(lines), vendor, path)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
