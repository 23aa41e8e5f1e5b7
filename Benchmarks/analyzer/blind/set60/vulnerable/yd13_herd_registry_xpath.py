"""Livestock herd registry lookups backed by the national ear-tag XML export.

Farmers authenticate with a holding token and may only see animals that are
registered to their own holding.
"""
import logging
import os
from datetime import datetime

from fastapi import Depends, FastAPI, Header, HTTPException
from lxml import etree

log = logging.getLogger("herd")
app = FastAPI(title="Herd registry")

REGISTRY_FILE = os.environ.get("HERD_XML", "/var/lib/herd/registry.xml")
HOLDING_TOKENS = {}  # populated from the token service at startup


class HerdRegistry:
    def __init__(self, path: str):
        self.path = path
        self.tree = etree.parse(path)
        self.loaded_at = datetime.utcnow()

    @staticmethod
    def _animal(el) -> dict:
        return {
            "tag": el.get("tag"),
            "species": el.findtext("species"),
            "breed": el.findtext("breed"),
            "born": el.findtext("born"),
            "sex": el.findtext("sex"),
        }

    def by_tag(self, holding: str, tag: str) -> list:
        expr = "//holding[@id='" + holding + "']/animal[@tag='" + tag + "']"
        return [self._animal(a) for a in self.tree.xpath(expr)]  # VULN flow

    def by_species(self, holding: str, species: str) -> list:
        expr = f"//holding[@id='{holding}']/animal[species='{species}']"
        nodes = self.tree.xpath(expr)  # VULN flow
        return [self._animal(a) for a in nodes]


registry = HerdRegistry(REGISTRY_FILE)


def current_holding(authorization: str = Header(...)) -> str:
    token = authorization.removeprefix("Bearer ").strip()
    holding = HOLDING_TOKENS.get(token)
    if holding is None:
        raise HTTPException(status_code=401, detail="unknown holding token")
    return holding


@app.get("/animals/{tag}")
def animal(tag: str, holding: str = Depends(current_holding)):
    found = registry.by_tag(holding, tag)
    if not found:
        raise HTTPException(status_code=404, detail="animal not registered to holding")
    return found[0]


@app.get("/animals")
def animals(species: str = "cattle", holding: str = Depends(current_holding)):
    result = registry.by_species(holding, species)
    log.info("holding %r listed %d %r", holding, len(result), species)
    return {"holding": holding, "count": len(result), "animals": result}
