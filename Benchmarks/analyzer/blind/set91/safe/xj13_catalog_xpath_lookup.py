"""Lookup helpers over supplier BMEcat catalogues.

Catalogues are loaded once per supplier from the nightly catalogue drop and
kept in memory; the requisition UI calls /catalog/{supplier}/items to
price-check lines while a buyer is building a requisition."""
import logging
import os
from functools import lru_cache
from typing import List, Optional

from fastapi import FastAPI, HTTPException, Query
from lxml import etree

log = logging.getLogger("catalog.lookup")
app = FastAPI()

CATALOG_DIR = os.environ.get("CATALOG_DIR", "/srv/catalogs")
SAFE_PARSER = etree.XMLParser(resolve_entities=False, no_network=True)


class SupplierCatalog:
    def __init__(self, tree):
        self.tree = tree

    @classmethod
    def load(cls, supplier_code: str) -> "SupplierCatalog":
        path = os.path.join(CATALOG_DIR, "%s.xml" % supplier_code)
        return cls(etree.parse(path, SAFE_PARSER))

    def _article_xpath(self, sku: Optional[str], keyword: Optional[str]) -> str:
        conditions = []
        if sku:
            conditions.append("SUPPLIER_AID=$sku")
        if keyword:
            conditions.append("contains(ARTICLE_DETAILS/DESCRIPTION_SHORT, $keyword)")
        predicate = " and ".join(conditions) or "true()"
        return "//ARTICLE[%s]" % predicate

    def find(self, sku=None, keyword=None) -> List[dict]:
        expr = self._article_xpath(sku, keyword)
        nodes = self.tree.xpath(expr, sku=sku or "", keyword=keyword or "")
        return [self._to_dict(n) for n in nodes[:100]]

    @staticmethod
    def _to_dict(node):
        return {
            "sku": node.findtext("SUPPLIER_AID"),
            "description": node.findtext("ARTICLE_DETAILS/DESCRIPTION_SHORT"),
            "price": node.findtext("ARTICLE_PRICE_DETAILS/ARTICLE_PRICE/PRICE_AMOUNT"),
            "currency": node.findtext("ARTICLE_PRICE_DETAILS/ARTICLE_PRICE/PRICE_CURRENCY"),
            "uom": node.findtext("ARTICLE_ORDER_DETAILS/ORDER_UNIT"),
        }


@lru_cache(maxsize=64)
def catalog_for(supplier_code: str) -> SupplierCatalog:
    if not supplier_code.isalnum():
        raise HTTPException(400, "bad supplier code")
    try:
        return SupplierCatalog.load(supplier_code)
    except OSError:
        raise HTTPException(404, "no catalogue for supplier")


@app.get("/catalog/{supplier_code}/items")
def find_items(supplier_code: str, sku: Optional[str] = Query(None),
               q: Optional[str] = Query(None, max_length=80)):
    if not sku and not q:
        raise HTTPException(400, "sku or q required")
    return {"items": catalog_for(supplier_code).find(sku=sku, keyword=q)}
