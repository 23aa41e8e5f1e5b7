"""Element lookup service for coordinated BIM models (ifcXML exports).

Used by the clash-review tool to fetch element properties by GlobalId.
"""
import os
import re

from bottle import Bottle, abort, request, response
from lxml import etree

MODEL_DIR = os.environ.get("BIM_MODEL_DIR", "/srv/bim/coordinated")
TYPE_RE = re.compile(r"^Ifc[A-Za-z]{2,40}$")

app = Bottle()
MODELS = {}


def load_models(directory: str) -> None:
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)
    for name in os.listdir(directory):
        if name.endswith(".ifcxml"):
            MODELS[name[:-7]] = etree.parse(os.path.join(directory, name), parser)


class ElementQuery:
    def __init__(self, ifc_type: str, global_id: str = ""):
        if not TYPE_RE.match(ifc_type):
            raise ValueError("bad IFC type")
        self.ifc_type = ifc_type
        self.global_id = global_id

    def expression(self) -> str:
        expr = "//*[local-name()=$ifc_type]"
        if self.global_id:
            expr += "[@GlobalId=$global_id]"
        return expr


def run_query(tree, query: ElementQuery):
    return tree.xpath(query.expression(), ifc_type=query.ifc_type, global_id=query.global_id)


def element_to_dict(el) -> dict:
    props = {etree.QName(child).localname: (child.text or "").strip()
             for child in el if child.text and child.text.strip()}
    return {"type": etree.QName(el).localname, "attributes": dict(el.attrib), "properties": props}


@app.get("/models/<model>/elements")
def find_elements(model):
    tree = MODELS.get(model)
    if tree is None:
        abort(404, "unknown model")
    try:
        query = ElementQuery(request.query.get("type", "IfcWall"),
                             request.query.get("guid", ""))
    except ValueError as exc:
        abort(400, str(exc))
    matches = run_query(tree, query)[:500]
    response.content_type = "application/json"
    return {"model": model, "count": len(matches),
            "elements": [element_to_dict(el) for el in matches]}


@app.get("/models")
def list_models():
    return {"models": sorted(MODELS)}


if __name__ == "__main__":
    load_models(MODEL_DIR)
    app.run(host="127.0.0.1", port=8090)
