"""Product catalogue lookups over the nightly XML feed from the ERP."""
import logging
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Optional

from flask import Blueprint, jsonify, request
from lxml import etree

logger = logging.getLogger("catalog.xml")
bp = Blueprint("catalog", __name__, url_prefix="/catalog")

FEED_PATH = Path("/var/lib/catalog/erp_feed.xml")


@dataclass
class ProductView:
    sku: str
    name: str
    price: str
    stock: int


class CatalogIndex:
    """Keeps the parsed ERP feed in memory and reloads it when it changes."""

    def __init__(self, path: Path = FEED_PATH):
        self.path = path
        self._lock = threading.Lock()
        self._tree: Optional[etree._ElementTree] = None
        self._mtime = 0.0

    def tree(self) -> etree._ElementTree:
        mtime = self.path.stat().st_mtime
        with self._lock:
            if self._tree is None or mtime > self._mtime:
                parser = etree.XMLParser(resolve_entities=False, no_network=True)
                self._tree = etree.parse(str(self.path), parser)
                self._mtime = mtime
                logger.info("reloaded catalogue feed")
            return self._tree

    def query(self, expression: str) -> list:
        return self.tree().xpath(expression)  # VULN flow


class CatalogService:
    def __init__(self, index: CatalogIndex):
        self.index = index

    @staticmethod
    def _to_view(node) -> ProductView:
        return ProductView(
            sku=node.get("sku"),
            name=node.findtext("name", default=""),
            price=node.findtext("price", default="0.00"),
            stock=int(node.findtext("stock", default="0")),
        )

    def by_sku(self, sku: str) -> Optional[ProductView]:
        nodes = self.index.query(f"//product[@sku='{sku}']")
        return self._to_view(nodes[0]) if nodes else None

    def by_brand(self, brand: str, category: str) -> list:
        expr = f"//category[@code='{category}']/product[brand='{brand}']"
        return [self._to_view(n) for n in self.index.query(expr)]


service = CatalogService(CatalogIndex())


@bp.route("/products/<sku>")
def product(sku: str):
    view = service.by_sku(sku)
    if view is None:
        return jsonify({"error": "not found"}), 404
    return jsonify(view.__dict__)


@bp.route("/products")
def products_by_brand():
    items = service.by_brand(request.args.get("brand", ""), request.args.get("category", "all"))
    return jsonify([i.__dict__ for i in items])
