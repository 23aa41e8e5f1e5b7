"""Read-only asset lookup API used by the vulnerability scanner to tag findings
with owner and criticality. Backed by the XML export from the CMDB."""
import os

from bottle import Bottle, abort, request, response
from lxml import etree

INVENTORY_PATH = os.environ.get("ASSET_XML", "/etc/assetdb/inventory.xml")

app = Bottle()


class Inventory:
    def __init__(self, path: str):
        self.path = path
        self._tree = None
        self._mtime = 0.0

    def tree(self) -> etree._ElementTree:
        mtime = os.path.getmtime(self.path)
        if self._tree is None or mtime != self._mtime:
            parser = etree.XMLParser(resolve_entities=False, no_network=True)
            self._tree = etree.parse(self.path, parser)
            self._mtime = mtime
        return self._tree

    def find(self, hostname: str, env: str = None) -> list:
        expr = "//asset[@hostname=$host]"
        params = {"host": hostname}
        if env:
            expr += "[@env=$env]"
            params["env"] = env
        return self.tree().xpath(expr, **params)

    @staticmethod
    def to_dict(node) -> dict:
        return {
            "hostname": node.get("hostname"),
            "env": node.get("env"),
            "owner": node.findtext("owner", default=""),
            "criticality": node.findtext("criticality", default="unknown"),
            "ip": [ip.text for ip in node.findall("ip")],
        }


inventory = Inventory(INVENTORY_PATH)


@app.get("/assets")
def assets():
    host = request.query.get("host", "").strip()
    env = request.query.get("env") or None
    if not host:
        abort(400, "host parameter required")
    nodes = inventory.find(host, env)
    response.content_type = "application/json"
    return {"count": len(nodes), "assets": [Inventory.to_dict(n) for n in nodes]}


@app.get("/assets/criticality/<level>")
def by_criticality(level: str):
    if level not in ("low", "medium", "high", "crown-jewel"):
        abort(400, "unknown level")
    nodes = inventory.tree().xpath("//asset[criticality=$lvl]", lvl=level)
    return {"count": len(nodes), "hostnames": [n.get("hostname") for n in nodes]}


if __name__ == "__main__":
    app.run(host="127.0.0.1", port=8090)
