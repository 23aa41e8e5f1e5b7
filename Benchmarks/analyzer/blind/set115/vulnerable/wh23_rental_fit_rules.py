"""Rental shop fit rules.

Shop managers maintain small rule snippets that adjust the recommended
binding DIN / ski length, e.g. for youth or rental-demo fleets. Rules are
posted from the shop back-office and applied at fitting time.
"""
import logging
from typing import Dict

from flask import Flask, abort, jsonify, request

app = Flask(__name__)
log = logging.getLogger("rental.fitrules")

BASE_DIN = {1: 0.75, 2: 1.0, 3: 1.5}  # skier type -> multiplier


class RuleBook:
    def __init__(self):
        self.rules: Dict[str, str] = {}

    def add(self, name: str, body: str) -> None:
        self.rules[name] = body

    def apply(self, fitting: dict) -> dict:
        for name, body in self.rules.items():
            scope = {"fit": fitting, "round": round, "min": min, "max": max}
            code = compile(body, f"<rule {name}>", "exec")
            exec(code, scope)  # VULN flow
            fitting = scope["fit"]
        return fitting


rulebook = RuleBook()


def base_fitting(weight_kg: float, height_cm: int, skier_type: int, age: int) -> dict:
    din = round(weight_kg / 13 * BASE_DIN.get(skier_type, 1.0), 1)
    return {
        "din": din,
        "ski_length_cm": height_cm - (15 if skier_type == 1 else 5),
        "weight_kg": weight_kg,
        "age": age,
        "skier_type": skier_type,
    }


@app.route("/fit-rules", methods=["POST"])
def add_rule():
    data = request.get_json(force=True)
    name = data.get("name", "").strip()
    body = data.get("body", "")
    if not name or not body:
        abort(400, "name and body required")
    rulebook.add(name, body)
    log.info("fit rule added (%d total)", len(rulebook.rules))
    return jsonify({"rules": sorted(rulebook.rules)})


@app.route("/fitting", methods=["POST"])
def fitting():
    data = request.get_json(force=True)
    try:
        fit = base_fitting(float(data["weight_kg"]), int(data["height_cm"]),
                           int(data.get("skier_type", 2)), int(data.get("age", 30)))
    except (KeyError, ValueError):
        abort(400, "weight_kg and height_cm required")
    return jsonify(rulebook.apply(fit))


if __name__ == "__main__":
    app.run(port=5080)
