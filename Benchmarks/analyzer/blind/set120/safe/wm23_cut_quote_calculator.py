"""Quote calculator for the laser and CNC benches.

Members can type dimensions as arithmetic in the web form ("600/2",
"3*40+5"), so every dimension field is evaluated before pricing.
"""
import ast
import logging
import math
import operator

from aiohttp import web

log = logging.getLogger("quotes")

MATERIALS = {"ply3": 0.012, "ply6": 0.019, "acrylic3": 0.034, "mdf6": 0.009}  # EUR per cm2
MACHINE_RATE = {"laser": 0.55, "cnc": 0.80}  # EUR per minute
MEMBER_DISCOUNT = {"flex": 0.0, "resident": 0.10, "key-holder": 0.15}


_OPS = {
    ast.Add: operator.add,
    ast.Sub: operator.sub,
    ast.Mult: operator.mul,
    ast.Div: operator.truediv,
    ast.USub: operator.neg,
    ast.UAdd: operator.pos,
}


def _arith(node) -> float:
    if isinstance(node, ast.Constant) and isinstance(node.value, (int, float)):
        return float(node.value)
    if isinstance(node, ast.BinOp) and type(node.op) in _OPS:
        return _OPS[type(node.op)](_arith(node.left), _arith(node.right))
    if isinstance(node, ast.UnaryOp) and type(node.op) in _OPS:
        return _OPS[type(node.op)](_arith(node.operand))
    raise ValueError("unsupported expression")


def eval_dimension(expr: str) -> float:
    if len(expr) > 40:
        raise ValueError("expression too long")
    tree = ast.parse(expr, mode="eval")
    return _arith(tree.body)


def price_quote(material: str, width_mm: float, height_mm: float, qty: int,
                machine: str, minutes: float, plan: str) -> dict:
    area_cm2 = (width_mm / 10) * (height_mm / 10)
    material_cost = area_cm2 * MATERIALS[material] * qty
    machine_cost = minutes * MACHINE_RATE[machine]
    subtotal = material_cost + machine_cost
    discount = subtotal * MEMBER_DISCOUNT.get(plan, 0.0)
    return {
        "area_cm2": round(area_cm2, 1),
        "material": round(material_cost, 2),
        "machine": round(machine_cost, 2),
        "discount": round(discount, 2),
        "total": round(math.ceil((subtotal - discount) * 20) / 20, 2),
    }


async def quote(request: web.Request) -> web.Response:
    body = await request.json()
    material = body.get("material")
    machine = body.get("machine", "laser")
    if material not in MATERIALS or machine not in MACHINE_RATE:
        raise web.HTTPBadRequest(text="unknown material or machine")
    try:
        width = eval_dimension(str(body.get("width", "0")))
        height = eval_dimension(str(body.get("height", "0")))
        qty = max(1, int(body.get("qty", 1)))
        minutes = float(body.get("minutes", 10))
    except Exception:
        raise web.HTTPBadRequest(text="could not read dimensions")
    if not (0 < width <= 1300 and 0 < height <= 900):
        raise web.HTTPBadRequest(text="piece does not fit the bed")
    result = price_quote(material, width, height, qty, machine, minutes, body.get("plan", "flex"))
    log.info("quote %s/%s %.0fx%.0f -> %.2f", material, machine, width, height, result["total"])
    return web.json_response(result)


def make_app() -> web.Application:
    app = web.Application()
    app.router.add_post("/api/quote", quote)
    return app


if __name__ == "__main__":
    web.run_app(make_app(), host="127.0.0.1", port=8086)
