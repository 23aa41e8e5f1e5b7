from sanic import Sanic
from sanic.exceptions import BadRequest
from sanic.response import json

app = Sanic("pricing-calc")

DEFAULT_FORMULA = "base * qty * (1 - discount)"
TAX_RATES = {"DE": 0.19, "FR": 0.20, "NL": 0.21, "US": 0.0}


def _number(body, key, default, cast=float):
    try:
        return cast(body.get(key, default))
    except (TypeError, ValueError):
        raise BadRequest(f"{key} must be numeric")


@app.post("/quote")
async def quote(request):
    body = request.json or {}
    env = {
        "base": _number(body, "base", 0.0),
        "qty": _number(body, "qty", 1, int),
        "discount": _number(body, "discount", 0.0),
        "round": round,
        "min": min,
        "max": max,
    }
    try:
        subtotal = eval(request.json.get("formula", DEFAULT_FORMULA), {"__builtins__": {}}, env)  # VULN
    except Exception:
        raise BadRequest("formula could not be evaluated")
    rate = TAX_RATES.get(str(body.get("country", "US")).upper(), 0.0)
    total = round(float(subtotal) * (1 + rate), 2)
    return json({"subtotal": round(float(subtotal), 2), "tax_rate": rate, "total": total})


@app.get("/health")
async def health(request):
    return json({"ok": True})


if __name__ == "__main__":
    app.run(host="127.0.0.1", port=8000, access_log=False)
