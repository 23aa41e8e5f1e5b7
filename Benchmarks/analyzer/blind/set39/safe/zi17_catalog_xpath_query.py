import logging
from functools import lru_cache
from pathlib import Path

from fastapi import APIRouter, Depends, HTTPException, Query
from lxml import etree

router = APIRouter(prefix="/formulary", tags=["formulary"])
logger = logging.getLogger("formulary.catalog")

CATALOG_PATH = Path("/srv/pharmacy/catalog.xml")


@lru_cache(maxsize=1)
def load_catalog():
    parser = etree.XMLParser(resolve_entities=False, no_network=True)
    return etree.parse(str(CATALOG_PATH), parser)


def get_catalog():
    return load_catalog()


class CatalogQuery:
    def __init__(self, tree):
        self.tree = tree

    def by_sku(self, sku):
        expr = "//product[@sku=$sku and not(@restricted='true')]"
        return self.tree.xpath(expr, sku=sku)

    def by_category(self, category, limit):
        nodes = self.tree.xpath(
            "//product[category=$cat and not(@restricted='true')]", cat=category
        )
        return nodes[:limit]


def serialize(node):
    return {
        "sku": node.get("sku"),
        "name": node.findtext("name"),
        "strength": node.findtext("strength"),
        "price": node.findtext("price"),
    }


@router.get("/products/{sku}")
def product_detail(sku: str, tree=Depends(get_catalog)):
    matches = CatalogQuery(tree).by_sku(sku)
    if not matches:
        raise HTTPException(status_code=404, detail="product not found")
    return serialize(matches[0])


@router.get("/products")
def products_in_category(
    category: str = Query(..., min_length=2, max_length=64),
    limit: int = Query(25, ge=1, le=100),
    tree=Depends(get_catalog),
):
    nodes = CatalogQuery(tree).by_category(category, limit)
    logger.info("category listing category=%r count=%d", category, len(nodes))
    return {"items": [serialize(n) for n in nodes]}
