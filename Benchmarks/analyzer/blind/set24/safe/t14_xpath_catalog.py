"""Product catalogue lookups against the nightly XML feed."""
import os
from functools import lru_cache

from fastapi import FastAPI, HTTPException, Query
from lxml import etree

app = FastAPI(title="catalog")
FEED_PATH = os.environ.get("CATALOG_FEED", "/data/feeds/catalog.xml")


class Catalog:
    def __init__(self, path: str):
        self.tree = etree.parse(path)

    @staticmethod
    def _as_dict(node) -> dict:
        return {
            "sku": node.get("sku"),
            "name": node.findtext("name", default=""),
            "price": node.findtext("price", default="0"),
            "stock": int(node.findtext("stock", default="0")),
        }

    def find_by_sku(self, sku: str):
        expression = "//product[@sku=$sku]"
        nodes = self.tree.xpath(expression, sku=sku)
        return self._as_dict(nodes[0]) if nodes else None

    def in_category(self, category: str, limit: int):
        nodes = self.tree.xpath("//category[@id=$cat]/product", cat=category)
        return [self._as_dict(n) for n in nodes[:limit]]


@lru_cache(maxsize=1)
def load_catalog() -> Catalog:
    return Catalog(FEED_PATH)


@app.get("/products/{sku}")
def product(sku: str):
    item = load_catalog().find_by_sku(sku)
    if item is None:
        raise HTTPException(status_code=404, detail="unknown product")
    return item


@app.get("/categories/{category}/products")
def category_products(category: str, limit: int = Query(50, ge=1, le=500)):
    return {"category": category, "products": load_catalog().in_category(category, limit)}
