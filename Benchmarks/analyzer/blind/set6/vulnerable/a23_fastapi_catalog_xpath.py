from pathlib import Path

from fastapi import FastAPI, HTTPException
from lxml import etree

app = FastAPI()
CATALOG_PATH = Path(__file__).with_name("catalog.xml")
_tree = etree.parse(str(CATALOG_PATH), etree.XMLParser(resolve_entities=False, no_network=True))


def item_query(category, name):
    return f"//product[@category='{category}' and contains(name, '{name}')]"


@app.get("/catalog/search")
def search(category: str, name: str = ""):
    query = item_query(category, name)
    nodes = _tree.xpath(query)  # VULN flow
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
    if not sku.isalnum():
        raise HTTPException(status_code=400, detail="bad sku")
    nodes = _tree.xpath("//product[@sku=$sku]", sku=sku)
    if not nodes:
        raise HTTPException(status_code=404)
    return {"sku": sku, "name": nodes[0].findtext("name")}
