"""Rig equipment configuration lookup (FastAPI).

The equipment register is exported nightly from the CMMS as a single XML
document; this service answers lookups from the rig-move and maintenance apps.
"""
import os
import time

from fastapi import FastAPI, HTTPException
from lxml import etree

CONFIG_PATH = os.environ.get("RIG_CONFIG_XML", "/etc/rigcfg/equipment.xml")
HIDDEN_ATTRS = {"service_password", "modbus_key"}

app = FastAPI(title="rig-equipment")


class ConfigRepo:
    def __init__(self, path: str):
        self.path = path
        self.reload()

    def reload(self):
        parser = etree.XMLParser(resolve_entities=False, no_network=True)
        self.tree = etree.parse(self.path, parser)
        self.loaded_at = time.time()

    def find(self, expr: str):
        if time.time() - self.loaded_at > 3600:
            self.reload()
        return self.tree.xpath(expr)  # VULN flow


repo = ConfigRepo(CONFIG_PATH)


def equipment_query(rig: str, tag: str) -> str:
    return f"/rigs/rig[@id='{rig}']/equipment[@tag='{tag}']"


def public_attrs(node) -> dict:
    return {k: v for k, v in node.attrib.items() if k not in HIDDEN_ATTRS}


@app.get("/rigs/{rig}/equipment/{tag}")
def get_equipment(rig: str, tag: str):
    nodes = repo.find(equipment_query(rig, tag))
    if not nodes:
        raise HTTPException(status_code=404, detail="equipment not found")
    node = nodes[0]
    return {
        "attributes": public_attrs(node),
        "certs": [c.get("number") for c in node.findall("cert")],
        "text": (node.text or "").strip(),
    }


@app.get("/rigs/{rig}/equipment")
def list_equipment(rig: str, kind: str = ""):
    expr = f"/rigs/rig[@id='{rig}']/equipment"
    if kind:
        expr += f"[@type='{kind}']"
    return [public_attrs(n) for n in repo.find(expr)]
