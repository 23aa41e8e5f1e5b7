"""Client SDK for the Northwind partner catalog API.

The partner's API returns rich product objects (with nested Price and
Availability types); we map the JSON onto typed dataclasses so callers get
real Python objects back instead of plain dicts.
"""
from __future__ import annotations

import json
import logging
import os
from dataclasses import dataclass
from decimal import Decimal
from typing import Iterator, Optional

import requests

log = logging.getLogger("northwind")


@dataclass
class Price:
    amount: Decimal
    currency: str


@dataclass
class Product:
    sku: str
    title: str
    price: Price
    in_stock: bool

    @classmethod
    def from_json(cls, data: dict) -> "Product":
        price = data["price"]
        return cls(
            sku=str(data["sku"]),
            title=str(data["title"]),
            price=Price(amount=Decimal(str(price["amount"])), currency=str(price["currency"])),
            in_stock=bool(data.get("in_stock", False)),
        )


class NorthwindError(Exception):
    pass


class NorthwindClient:
    def __init__(self, base_url: Optional[str] = None, api_key: Optional[str] = None, timeout: float = 10.0):
        self.base_url = (base_url or os.environ.get("NORTHWIND_URL", "https://api.northwind-partners.com")).rstrip("/")
        self.timeout = timeout
        self.http = requests.Session()
        self.http.headers["X-Api-Key"] = api_key or os.environ["NORTHWIND_API_KEY"]
        self.http.headers["Accept"] = "application/json"

    def _get(self, path: str, **params) -> str:
        resp = self.http.get(f"{self.base_url}{path}", params=params, timeout=self.timeout)
        if resp.status_code == 404:
            raise KeyError(path)
        if not resp.ok:
            raise NorthwindError(f"GET {path} failed with {resp.status_code}")
        return resp.text

    @staticmethod
    def _decode(body: str):
        return json.loads(body)

    def product(self, sku: str) -> Product:
        return Product.from_json(self._decode(self._get(f"/v2/products/{sku}")))

    def iter_products(self, category: str, page_size: int = 100) -> Iterator[Product]:
        cursor = None
        while True:
            page = self._decode(self._get("/v2/products", category=category, limit=page_size, cursor=cursor))
            yield from (Product.from_json(item) for item in page["items"])
            cursor = page.get("next_cursor")
            if not cursor:
                break


def sync_category(client: NorthwindClient, category: str, store) -> int:
    n = 0
    for product in client.iter_products(category):
        store.upsert(product.sku, title=product.title, price=product.price.amount,
                     currency=product.price.currency, in_stock=product.in_stock)
        n += 1
    log.info("synced %d products in %r", n, category)
    return n
