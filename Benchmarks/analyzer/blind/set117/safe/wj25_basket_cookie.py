"""Anonymous basket for the festival day-ticket shop (Starlette).

The basket lives in a cookie so the CDN can cache everything except checkout.
"""
import base64
import json
import logging
from dataclasses import asdict, dataclass, field
from typing import Dict, List

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route

log = logging.getLogger("basket")

COOKIE = "fest_basket"
PRICES = {"FRI-GA": 6500, "SAT-GA": 7500, "SUN-GA": 7000, "WKND-GA": 17900, "CAMP": 4000}


@dataclass
class Basket:
    lines: Dict[str, int] = field(default_factory=dict)
    promo: str = ""

    def add(self, sku: str, qty: int) -> None:
        self.lines[sku] = min(8, self.lines.get(sku, 0) + qty)

    def summary(self) -> List[dict]:
        return [{"sku": s, "qty": q, "line_total": PRICES[s] * q} for s, q in self.lines.items() if s in PRICES]


def load_basket(request: Request) -> Basket:
    raw = request.cookies.get(COOKIE)
    if not raw:
        return Basket()
    try:
        decoded = base64.urlsafe_b64decode(raw.encode()).decode("utf-8")
        data = json.loads(decoded)
        basket = Basket(
            lines={str(k): min(8, max(0, int(v))) for k, v in dict(data.get("lines", {})).items()},
            promo=str(data.get("promo", ""))[:32],
        )
    except Exception:
        log.info("discarding unreadable basket cookie")
        return Basket()
    return basket


def save_basket(response: JSONResponse, basket: Basket) -> None:
    encoded = base64.urlsafe_b64encode(json.dumps(asdict(basket)).encode()).decode()
    response.set_cookie(COOKIE, encoded, max_age=3600, httponly=True, samesite="lax", secure=True)


async def view_basket(request: Request) -> JSONResponse:
    basket = load_basket(request)
    lines = basket.summary()
    return JSONResponse({"lines": lines, "total": sum(l["line_total"] for l in lines)})


async def add_item(request: Request) -> JSONResponse:
    body = await request.json()
    sku, qty = body.get("sku"), int(body.get("qty", 1))
    if sku not in PRICES or not 0 < qty <= 8:
        return JSONResponse({"error": "invalid item"}, status_code=400)
    basket = load_basket(request)
    basket.add(sku, qty)
    response = JSONResponse({"lines": basket.summary()})
    save_basket(response, basket)
    return response


app = Starlette(routes=[
    Route("/basket", view_basket, methods=["GET"]),
    Route("/basket/items", add_item, methods=["POST"]),
])
