"""Weight & balance what-if calculator for the load control office.

Load controllers can supply a custom limit expression (e.g. a temporary
MAC restriction from an MEL item) that is checked against the computed
values ``tow``, ``zfw``, ``mac`` and ``fuel``.
"""
import json
import math

from bottle import Bottle, HTTPError, request, response

app = Bottle()

AIRCRAFT = {
    "A320": {"oew": 42600.0, "oew_index": 50.2, "mtow": 78000.0, "mzfw": 62500.0,
             "lemac": 17.869, "mac_len": 4.193},
    "B738": {"oew": 41413.0, "oew_index": 45.0, "mtow": 79015.0, "mzfw": 62732.0,
             "lemac": 16.576, "mac_len": 3.962},
}
MATH_HELPERS = {"sqrt": math.sqrt, "min": min, "max": max, "abs": abs}


def compute(profile, loads, fuel):
    total = profile["oew"]
    moment = profile["oew"] * (profile["lemac"] + profile["oew_index"] / 100 * profile["mac_len"])
    for item in loads:
        total += float(item["mass"])
        moment += float(item["mass"]) * float(item["arm"])
    zfw = total
    tow = zfw + fuel
    cg = moment / zfw
    mac = (cg - profile["lemac"]) / profile["mac_len"] * 100
    return {"zfw": round(zfw, 1), "tow": round(tow, 1), "mac": round(mac, 2), "fuel": fuel}


def evaluate_limit(expr, variables):
    scope = {"__builtins__": {}}
    scope.update(MATH_HELPERS)
    scope.update(variables)
    return bool(eval(expr, scope))  # VULN flow


@app.post("/wb/whatif")
def whatif():
    try:
        body = json.loads(request.body.read() or b"{}")
    except ValueError:
        raise HTTPError(400, "invalid JSON")
    profile = AIRCRAFT.get(str(body.get("type", "")).upper())
    if profile is None:
        raise HTTPError(404, "unknown aircraft type")
    result = compute(profile, body.get("loads", []), float(body.get("fuel", 0)))
    result["within_mtow"] = result["tow"] <= profile["mtow"]
    result["within_mzfw"] = result["zfw"] <= profile["mzfw"]
    limit_expr = body.get("limit_expr")
    if limit_expr:
        result["custom_limit_ok"] = evaluate_limit(limit_expr, result)
    response.content_type = "application/json"
    return json.dumps(result)


if __name__ == "__main__":
    app.run(host="127.0.0.1", port=8095)
