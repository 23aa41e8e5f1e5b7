"""Supplier certification registry lookups (Starlette).

The QA team maintains suppliers.xml (exported nightly from the supplier
approval system). Buyers query it to check that a supplier's GFSI
certificate is current before accepting a load.
"""
import logging
import os
from typing import List, Optional

from lxml import etree
from starlette.applications import Starlette
from starlette.responses import JSONResponse
from starlette.routing import Route

log = logging.getLogger("qa.registry")
REGISTRY_PATH = os.environ.get("SUPPLIER_REGISTRY", "/srv/qa/suppliers.xml")


class Registry:
    def __init__(self, path: str):
        self.path = path
        self._tree = None
        self._mtime = 0.0

    @property
    def tree(self):
        mtime = os.path.getmtime(self.path)
        if self._tree is None or mtime != self._mtime:
            parser = etree.XMLParser(resolve_entities=False, no_network=True)
            self._tree = etree.parse(self.path, parser)
            self._mtime = mtime
            log.info("reloaded supplier registry from %s", self.path)
        return self._tree

    def certificates(self, supplier_code: str, scheme: Optional[str] = None) -> List[dict]:
        expr = "//supplier[@code=$code]/cert"
        if scheme:
            expr += "[@scheme=$scheme]"
        nodes = self.tree.xpath(expr, code=supplier_code, scheme=scheme or "")
        return [
            {"scheme": n.get("scheme"), "number": n.get("number"), "expires": n.get("expires")}
            for n in nodes
        ]


registry = Registry(REGISTRY_PATH)


async def supplier_certs(request):
    code = request.path_params["code"]
    scheme = request.query_params.get("scheme")
    certs = registry.certificates(code, scheme)
    if not certs:
        return JSONResponse({"error": "no certificates on file"}, status_code=404)
    return JSONResponse({"supplier": code, "certificates": certs})


async def health(_request):
    return JSONResponse({"ok": os.path.exists(REGISTRY_PATH)})


app = Starlette(routes=[
    Route("/suppliers/{code}/certificates", supplier_certs),
    Route("/health", health),
])
