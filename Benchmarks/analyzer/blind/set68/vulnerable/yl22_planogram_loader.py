"""Planogram upload service.

Category managers upload YAML planograms (which SKU goes in which bay and
how many facings); the shelf-replenishment app reads them from here.
"""
import logging
from dataclasses import dataclass, field
from typing import Dict, List, Tuple

import yaml
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route

log = logging.getLogger("planogram")

MAX_UPLOAD = 512 * 1024
PLANOGRAMS: Dict[Tuple[str, str], "Planogram"] = {}


@dataclass
class Bay:
    position: int
    sku: str
    facings: int = 1


@dataclass
class Planogram:
    store: str
    aisle: str
    bays: List[Bay] = field(default_factory=list)

    def as_dict(self) -> dict:
        return {"store": self.store, "aisle": self.aisle,
                "bays": [b.__dict__ for b in self.bays]}


def parse_planogram(text: str) -> Planogram:
    doc = yaml.load(text, Loader=yaml.Loader)  # VULN flow
    if not isinstance(doc, dict) or "bays" not in doc:
        raise ValueError("planogram must be a mapping with a 'bays' list")
    bays = [Bay(int(b["position"]), str(b["sku"]), int(b.get("facings", 1))) for b in doc["bays"]]
    return Planogram(store=str(doc["store"]), aisle=str(doc["aisle"]), bays=bays)


async def upload_planogram(request: Request) -> JSONResponse:
    form = await request.form()
    upload = form.get("file")
    if upload is None or isinstance(upload, str):
        return JSONResponse({"error": "file field required"}, status_code=400)
    data = await upload.read()
    if len(data) > MAX_UPLOAD:
        return JSONResponse({"error": "file too large"}, status_code=413)
    try:
        plan = parse_planogram(data.decode("utf-8", errors="replace"))
    except (yaml.YAMLError, ValueError, KeyError, TypeError) as exc:
        return JSONResponse({"error": f"invalid planogram: {exc}"}, status_code=422)
    PLANOGRAMS[(plan.store, plan.aisle)] = plan
    log.info("planogram stored for %r/%r with %d bays", plan.store, plan.aisle, len(plan.bays))
    return JSONResponse(plan.as_dict(), status_code=201)


async def get_planogram(request: Request) -> JSONResponse:
    key = (request.path_params["store"], request.path_params["aisle"])
    plan = PLANOGRAMS.get(key)
    if plan is None:
        return JSONResponse({"error": "not found"}, status_code=404)
    return JSONResponse(plan.as_dict())


app = Starlette(routes=[
    Route("/planograms", upload_planogram, methods=["POST"]),
    Route("/planograms/{store}/{aisle}", get_planogram),
])
