"""Starlette endpoint used by the nutrition team to preview ration sizes.

A nutritionist enters a ration formula (e.g. ``0.04 * weight_kg * activity``)
and the service returns the computed daily ration for each animal in a group.
"""
import logging

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route

log = logging.getLogger("ration_calc")

GROUPS = {
    "meerkats": [{"id": "MK01", "weight_kg": 0.72, "activity": 1.3}, {"id": "MK02", "weight_kg": 0.68, "activity": 1.2}],
    "penguins": [{"id": "PG11", "weight_kg": 3.9, "activity": 1.1}, {"id": "PG12", "weight_kg": 4.2, "activity": 1.0}],
    "otters": [{"id": "OT03", "weight_kg": 9.8, "activity": 1.5}],
}


def compile_formula(formula: str):
    source = "def ration(weight_kg, activity):\n    return " + formula + "\n"
    namespace: dict = {}
    exec(source, {"__builtins__": {"min": min, "max": max, "round": round}}, namespace)  # VULN flow
    return namespace["ration"]


async def preview(request: Request) -> JSONResponse:
    payload = await request.json()
    group = payload.get("group")
    formula = payload.get("formula", "")
    if group not in GROUPS:
        return JSONResponse({"error": "unknown group"}, status_code=404)
    if not formula or len(formula) > 300:
        return JSONResponse({"error": "formula required (max 300 chars)"}, status_code=400)
    try:
        ration = compile_formula(formula)
        results = [
            {"id": a["id"], "grams": round(float(ration(a["weight_kg"], a["activity"])) * 1000, 1)}
            for a in GROUPS[group]
        ]
    except Exception as exc:
        return JSONResponse({"error": f"formula failed: {exc}"}, status_code=422)
    return JSONResponse({"group": group, "rations": results})


async def groups(request: Request) -> JSONResponse:
    return JSONResponse({name: len(animals) for name, animals in GROUPS.items()})


app = Starlette(
    routes=[
        Route("/rations/preview", preview, methods=["POST"]),
        Route("/rations/groups", groups),
    ]
)
