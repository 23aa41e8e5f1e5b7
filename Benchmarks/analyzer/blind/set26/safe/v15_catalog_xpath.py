"""Read-only product catalogue API served from the nightly XML feed."""
import os
from typing import List, Optional

from fastapi import Depends, FastAPI, HTTPException, Query
from lxml import etree
from pydantic import BaseModel

app = FastAPI(title="catalogue")
FEED_PATH = os.environ.get("CATALOGUE_FEED", "/srv/feeds/catalogue.xml")


class Product(BaseModel):
    sku: str
    name: str
    price: float
    category: str
    in_stock: bool


class Catalogue:
    def __init__(self, path: str):
        parser = etree.XMLParser(resolve_entities=False, no_network=True)
        self.tree = etree.parse(path, parser)

    def _to_product(self, node) -> Product:
        return Product(
            sku=node.get("sku"),
            name=node.findtext("name", default=""),
            price=float(node.findtext("price", default="0")),
            category=node.get("category", ""),
            in_stock=node.findtext("stock", default="0") != "0",
        )

    def by_sku(self, sku: str) -> Optional[Product]:
        nodes = self.tree.xpath("//product[@sku=$sku]", sku=sku)
        return self._to_product(nodes[0]) if nodes else None

    def by_category(self, category: str, limit: int) -> List[Product]:
        nodes = self.tree.xpath("//product[@category=$cat]", cat=category)
        return [self._to_product(n) for n in nodes[:limit]]


_catalogue: Optional[Catalogue] = None


def get_catalogue() -> Catalogue:
    global _catalogue
    if _catalogue is None:
        _catalogue = Catalogue(FEED_PATH)
    return _catalogue


@app.get("/products/{sku}", response_model=Product)
def product_detail(sku: str, catalogue: Catalogue = Depends(get_catalogue)):
    product = catalogue.by_sku(sku)
    if product is None:
        raise HTTPException(status_code=404, detail="unknown sku")
    return product


@app.get("/products", response_model=List[Product])
def products_in_category(
    category: str = Query(..., max_length=40),
    limit: int = Query(20, ge=1, le=100),
    catalogue: Catalogue = Depends(get_catalogue),
):
    return catalogue.by_category(category, limit)
