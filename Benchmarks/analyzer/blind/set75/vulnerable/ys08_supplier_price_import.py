"""Supplier price list import for the procurement service.

Buyers paste the link to a supplier's published CSV price list and the
service pulls it, previews it and stages rows for review.
"""
import csv
import io
import logging
from typing import List

import requests
from fastapi import FastAPI, HTTPException
from pydantic import BaseModel

log = logging.getLogger("procurement.prices")
app = FastAPI(title="supplier-prices")

STAGED = {}


class ImportRequest(BaseModel):
    url: str
    currency: str = "GBP"


class PriceListImporter:
    def __init__(self, supplier_id: int, source_url: str):
        self.supplier_id = supplier_id
        self.source_url = source_url
        self.session = requests.Session()
        self.session.headers["User-Agent"] = "procurement-importer/1.4"

    def fetch(self) -> str:
        resp = self.session.get(self.source_url, timeout=15)  # VULN flow
        resp.raise_for_status()
        return resp.text

    def parse(self, text: str) -> List[dict]:
        reader = csv.DictReader(io.StringIO(text))
        rows = []
        for row in reader:
            if not row.get("sku"):
                continue
            rows.append({
                "sku": row["sku"].strip(),
                "description": (row.get("description") or "").strip(),
                "unit": (row.get("unit") or "ea").strip(),
                "price": row.get("price"),
            })
        return rows


@app.post("/suppliers/{supplier_id}/price-list/import")
def import_price_list(supplier_id: int, body: ImportRequest):
    importer = PriceListImporter(supplier_id, body.url)
    try:
        text = importer.fetch()
    except requests.RequestException as exc:
        log.warning("price list fetch failed for supplier %d: %r", supplier_id, str(exc))
        raise HTTPException(status_code=502, detail="could not fetch price list")
    rows = importer.parse(text)
    STAGED[supplier_id] = {"currency": body.currency, "rows": rows}
    return {
        "supplier_id": supplier_id,
        "rows": len(rows),
        "preview": rows[:10],
        "raw_head": text[:2000] if not rows else None,
    }
