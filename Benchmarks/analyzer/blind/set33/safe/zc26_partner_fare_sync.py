"""Pulls nightly fare feeds from airline partners and loads them into the fare cache."""
import csv
import io
import json
import logging
import os
import sqlite3
import ssl
import urllib.request
from decimal import Decimal

import httpx

logger = logging.getLogger("fare_sync")
CACHE_DB = os.environ.get("FARE_CACHE_DB", "/var/lib/fares/cache.sqlite3")
CA_BUNDLE = os.environ.get("PARTNER_CA_BUNDLE")
FX_URL = "https://fx.partner-rates.example/v2/latest?base=EUR"
PARTNERS = {
    "skyline": "https://feeds.skyline-air.example/fares/nightly.csv",
    "bluejet": "https://partners.bluejet.example/export/fares.csv",
}


def fetch_csv(partner: str, url: str) -> list:
    headers = {"Authorization": f"Bearer {os.environ[f'{partner.upper()}_FEED_TOKEN']}"}
    with httpx.Client(timeout=30.0, verify=CA_BUNDLE or True) as client:
        response = client.get(url, headers=headers)
        response.raise_for_status()
    return list(csv.DictReader(io.StringIO(response.text)))


def fetch_fx_rates() -> dict:
    context = ssl.create_default_context(cafile=CA_BUNDLE)
    with urllib.request.urlopen(FX_URL, context=context, timeout=15) as resp:
        return {k: Decimal(str(v)) for k, v in json.load(resp)["rates"].items()}


def normalise(rows: list, partner: str, rates: dict):
    for row in rows:
        currency = row["currency"].upper()
        if currency not in rates and currency != "EUR":
            continue
        amount = Decimal(row["fare"])
        eur = amount if currency == "EUR" else (amount / rates[currency]).quantize(Decimal("0.01"))
        yield (partner, row["origin"], row["destination"], row["departure"], str(eur))


def load(records) -> int:
    with sqlite3.connect(CACHE_DB) as conn:
        cur = conn.executemany(
            "INSERT OR REPLACE INTO fares (partner, origin, destination, departure, fare_eur) "
            "VALUES (?, ?, ?, ?, ?)",
            records,
        )
        return cur.rowcount


def main():
    rates = fetch_fx_rates()
    for partner, url in PARTNERS.items():
        try:
            rows = fetch_csv(partner, url)
        except httpx.HTTPError as exc:
            logger.error("feed %s failed: %s", partner, type(exc).__name__)
            continue
        count = load(normalise(rows, partner, rates))
        logger.info("loaded %d fares from %s", count, partner)


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    main()
