"""Number block holder lookup for the porting desk.

The numbering-plan registry XML (synced nightly from the regulator and
enriched with our interconnect routing data) is held in memory; the desk
asks which operator currently holds a block and which routing number to use.
"""
import logging
import os
import threading

from bottle import Bottle, HTTPError, request, response
from lxml import etree

log = logging.getLogger("numbering")
REGISTRY_PATH = os.environ.get("NUMBERING_REGISTRY", "/srv/numbering/registry.xml")

app = Bottle()


class Registry:
    def __init__(self, path):
        self.path = path
        self._lock = threading.Lock()
        self._tree = None
        self.reload()

    def reload(self):
        parser = etree.XMLParser(resolve_entities=False, no_network=True)
        with self._lock:
            self._tree = etree.parse(self.path, parser)

    def holders(self, prefix, number_type):
        with self._lock:
            nodes = self._tree.xpath(
                "//block[@prefix=$prefix and @type=$ntype]", prefix=prefix, ntype=number_type
            )
        return [
            {
                "prefix": n.get("prefix"),
                "operator": n.findtext("holder"),
                "routing_number": n.findtext("routing"),
                "since": n.findtext("assigned"),
            }
            for n in nodes
        ]


registry = Registry(REGISTRY_PATH)


@app.get("/numbering/holder")
def holder():
    prefix = request.query.get("prefix", "").strip()
    number_type = request.query.get("type", "mobile")
    if not prefix:
        raise HTTPError(400, "prefix is required")
    response.content_type = "application/json"
    result = registry.holders(prefix, number_type)
    if not result:
        raise HTTPError(404, "no block found")
    return {"blocks": result}


@app.post("/numbering/reload")
def reload_registry():
    registry.reload()
    log.info("numbering registry reloaded from %s", REGISTRY_PATH)
    return {"ok": True}


if __name__ == "__main__":
    app.run(host="127.0.0.1", port=8090)
