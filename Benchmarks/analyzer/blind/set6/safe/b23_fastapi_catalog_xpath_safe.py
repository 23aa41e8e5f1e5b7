from pathlib import Path

from fastapi import FastAPI, HTTPException
from lxml import etree

app = FastAPI()
CATALOG_PATH = Path(__file__).with_name("catalog.xml")
_tree = etree.parse(str(CATALOG_PATH), etree.XMLParser(resolve_entities=False, no_network=True))

ITEM_QUERY = etree.XPath("//product[@category=$category and contains(name, $name)]")


@app.get("/catalog/search")
def search(category: str, name: str = ""):
    nodes = ITEM_QUERY(_tree, category=category, name=name)
    return [
        {
            "sku": n.get("sku"),
            "name": n.findtext("name"),
            "price": float(n.findtext("price", "0")),
        }
        for n in nodes
    ]


@app.get("/catalog/{sku}")
def by_sku(sku: str):
    nodes = _tree.xpath("//product[@sku=$sku]", sku=sku)
    if not nodes:
        raise HTTPException(status_code=404)
    return {"sku": sku, "name": nodes[0].findtext("name")}
