"""Client for the warehouse inventory API used by the replenishment ETL."""
import logging
import os
from dataclasses import dataclass
from typing import Iterator, List

import requests

log = logging.getLogger("etl.inventory")

BASE_URL = os.environ.get("INVENTORY_API", "https://inventory.wh.example.net/api/v2")
# The warehouse API uses the internal PKI; trust its CA bundle explicitly.
CA_BUNDLE = os.environ.get("INVENTORY_CA_BUNDLE", "/etc/pki/internal/ca-bundle.pem")


@dataclass
class StockLevel:
    sku: str
    warehouse: str
    on_hand: int
    reserved: int

    @property
    def available(self) -> int:
        return max(self.on_hand - self.reserved, 0)


class InventoryClient:
    def __init__(self, token: str, base_url: str = BASE_URL, page_size: int = 500):
        self.base_url = base_url.rstrip("/")
        self.page_size = page_size
        self.session = requests.Session()
        self.session.headers.update({"Authorization": f"Bearer {token}", "Accept": "application/json"})

    def _get(self, path, **params):
        url = f"{self.base_url}/{path.lstrip('/')}"
        resp = self.session.get(url, params=params, timeout=15, verify=CA_BUNDLE)
        resp.raise_for_status()
        return resp.json()

    def stock_levels(self, warehouse: str) -> Iterator[StockLevel]:
        cursor = None
        while True:
            page = self._get("stock", warehouse=warehouse, limit=self.page_size, cursor=cursor)
            for item in page["items"]:
                yield StockLevel(item["sku"], warehouse, int(item["on_hand"]), int(item["reserved"]))
            cursor = page.get("next_cursor")
            if not cursor:
                break

    def low_stock(self, warehouse: str, threshold: int = 10) -> List[StockLevel]:
        low = [s for s in self.stock_levels(warehouse) if s.available < threshold]
        log.info("warehouse %s: %d SKUs below %d", warehouse, len(low), threshold)
        return low


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    client = InventoryClient(os.environ["INVENTORY_TOKEN"])
    for level in client.low_stock("AMS-1"):
        print(f"{level.sku}\t{level.available}")
