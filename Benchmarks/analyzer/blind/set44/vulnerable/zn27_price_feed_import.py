#!/usr/bin/env python3
"""Hourly import of supplier price/stock feeds.

Each supplier publishes a ``feed.tar.gz`` containing ``prices.csv`` and
``stock.csv`` at a URL configured in ``suppliers.toml``.
"""
import csv
import logging
import os
import shutil
import sys
import tarfile
import tempfile
import tomllib
from decimal import Decimal

import requests

log = logging.getLogger("feeds.import")

CONFIG_PATH = os.environ.get("SUPPLIERS_CONFIG", "/etc/shop-feeds/suppliers.toml")
WORK_ROOT = os.environ.get("FEED_WORK_ROOT", "/var/lib/shop-feeds/work")


def load_suppliers(path: str) -> dict:
    with open(path, "rb") as fh:
        return tomllib.load(fh)["suppliers"]


def download(url: str, dest: str, token: str) -> str:
    with requests.get(url, headers={"Authorization": f"Bearer {token}"},
                      stream=True, timeout=120) as resp:
        resp.raise_for_status()
        with open(dest, "wb") as fh:
            for chunk in resp.iter_content(chunk_size=1 << 16):
                fh.write(chunk)
    return dest


def unpack(archive: str, workdir: str) -> None:
    with tarfile.open(archive, "r:gz") as tar:
        tar.extractall(workdir)  # VULN flow


def read_prices(workdir: str):
    with open(os.path.join(workdir, "prices.csv"), newline="", encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            yield row["sku"], Decimal(row["price"]), row.get("currency", "EUR")


def read_stock(workdir: str):
    with open(os.path.join(workdir, "stock.csv"), newline="", encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            yield row["sku"], int(row["qty"])


def import_supplier(repo, name: str, cfg: dict) -> None:
    os.makedirs(WORK_ROOT, exist_ok=True)
    workdir = tempfile.mkdtemp(prefix=f"{name}-", dir=WORK_ROOT)
    try:
        archive = download(cfg["url"], os.path.join(workdir, "feed.tar.gz"),
                           os.environ.get(cfg["token_env"], ""))
        unpack(archive, workdir)
        prices = repo.update_prices(name, read_prices(workdir))
        stock = repo.update_stock(name, read_stock(workdir))
        log.info("%s: %d prices, %d stock levels", name, prices, stock)
    finally:
        shutil.rmtree(workdir, ignore_errors=True)


def main() -> int:
    from shop.catalogue import CatalogueRepo

    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(message)s")
    repo = CatalogueRepo.from_env()
    failures = 0
    for name, cfg in load_suppliers(CONFIG_PATH).items():
        try:
            import_supplier(repo, name, cfg)
        except (requests.RequestException, tarfile.TarError, KeyError, ValueError) as exc:
            failures += 1
            log.error("%s: import failed: %r", name, exc)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
