"""Feed ration adjustment service (Starlette).

Nutritionists keep small adjustment rules next to each base ration, e.g.
``soybean_meal += 0.4 if protein_pct < 16``. The feed mixer tablet
posts the base ration plus the rules and gets back the adjusted batch sheet.
"""
import logging
import operator
import re
from typing import Dict, List

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route

log = logging.getLogger("feed.rations")

# crude protein %, dry-matter basis
PROTEIN = {"corn_silage": 8.0, "alfalfa_hay": 19.0, "soybean_meal": 48.0, "corn_grain": 9.0}

RULE_RE = re.compile(
    r"^(?P<target>[a-z_]+)\s*(?P<op>[+\-*]=)\s*(?P<amount>\d+(?:\.\d+)?)"
    r"(?:\s+if\s+(?P<var>[a-z_]+)\s*(?P<cmp><=|>=|<|>)\s*(?P<limit>\d+(?:\.\d+)?))?$"
)
ASSIGN_OPS = {"+=": operator.add, "-=": operator.sub, "*=": operator.mul}
COMPARE_OPS = {"<": operator.lt, ">": operator.gt, "<=": operator.le, ">=": operator.ge}


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
            m = RULE_RE.match(code)
            if not m or m["target"] not in PROTEIN:
                raise ValueError(f"unsupported rule {code!r}")
            if m["var"]:
                if m["var"] not in ns:
                    raise ValueError(f"unknown variable {m['var']!r}")
                if not COMPARE_OPS[m["cmp"]](ns[m["var"]], float(m["limit"])):
                    continue
            ns[m["target"]] = ASSIGN_OPS[m["op"]](ns.get(m["target"], 0.0), float(m["amount"]))
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
