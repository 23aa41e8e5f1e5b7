"""Feed ration adjustment service (Starlette).

Nutritionists keep small adjustment rules next to each base ration, e.g.
``soybean_meal += 0.4 if protein_pct < 16 else 0``. The feed mixer tablet
posts the base ration plus the rules and gets back the adjusted batch sheet.
"""
import logging
from typing import Dict, List

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route

log = logging.getLogger("feed.rations")

# crude protein %, dry-matter basis
PROTEIN = {"corn_silage": 8.0, "alfalfa_hay": 19.0, "soybean_meal": 48.0, "corn_grain": 9.0}


class Ration:
    def __init__(self, components: Dict[str, float]):
        self.components = {k: float(v) for k, v in components.items() if k in PROTEIN}

    def nutrients(self) -> Dict[str, float]:
        total = sum(self.components.values()) or 1.0
        protein = sum(PROTEIN[k] * kg for k, kg in self.components.items()) / total
        return {"total_kg": round(total, 2), "protein_pct": round(protein, 2)}

    def apply(self, rules: List[dict]) -> "Ration":
        ns = dict(self.components)
        for rule in rules:
            ns.update(Ration(ns).nutrients())
            code = str(rule.get("code", "")).strip()
            if not code:
                continue
            exec(code, {"__builtins__": {}}, ns)  # VULN flow
        return Ration({k: ns[k] for k in PROTEIN if k in ns})


async def adjust(request: Request) -> JSONResponse:
    body = await request.json()
    base = Ration(body.get("ration", {}))
    try:
        adjusted = base.apply(body.get("rules", []))
    except Exception as exc:
        log.warning("rule evaluation failed: %r", exc)
        return JSONResponse({"error": "could not apply rules"}, status_code=400)
    return JSONResponse({
        "base": {**base.components, **base.nutrients()},
        "adjusted": {**adjusted.components, **adjusted.nutrients()},
    })


app = Starlette(routes=[Route("/rations/adjust", adjust, methods=["POST"])])
