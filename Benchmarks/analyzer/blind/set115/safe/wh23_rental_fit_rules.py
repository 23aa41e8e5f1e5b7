"""Rental shop fit rules.

Shop managers maintain small rule snippets that adjust the recommended
binding DIN / ski length, e.g. for youth or rental-demo fleets. Rules are
posted from the shop back-office and applied at fitting time.

A rule is declarative: {"when": {"field": "age", "op": "<", "value": 10},
"set": {"field": "din", "op": "*", "value": 0.85}}
"""
import logging
import operator
from typing import Dict

from flask import Flask, abort, jsonify, request

app = Flask(__name__)
log = logging.getLogger("rental.fitrules")

BASE_DIN = {1: 0.75, 2: 1.0, 3: 1.5}  # skier type -> multiplier

FIELDS = {"din", "ski_length_cm", "weight_kg", "age", "skier_type"}
COMPARE = {"<": operator.lt, "<=": operator.le, ">": operator.gt, ">=": operator.ge, "==": operator.eq}
ADJUST = {"*": operator.mul, "+": operator.add, "-": operator.sub, "=": lambda _old, new: new}


class RuleBook:
    def __init__(self):
        self.rules: Dict[str, dict] = {}

    def add(self, name: str, body: dict) -> None:
        when, action = body.get("when", {}), body["set"]
        if when and (when.get("field") not in FIELDS or when.get("op") not in COMPARE):
            raise ValueError("bad condition")
        if action.get("field") not in FIELDS or action.get("op") not in ADJUST:
            raise ValueError("bad action")
        float(action["value"])
        self.rules[name] = body

    def apply(self, fitting: dict) -> dict:
        for name, body in self.rules.items():
            when, action = body.get("when"), body["set"]
            if when and not COMPARE[when["op"]](fitting[when["field"]], float(when["value"])):
                continue
            field = action["field"]
            fitting[field] = round(ADJUST[action["op"]](fitting[field], float(action["value"])), 1)
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
    body = data.get("body")
    if not name or not isinstance(body, dict):
        abort(400, "name and body required")
    try:
        rulebook.add(name, body)
    except (KeyError, TypeError, ValueError):
        abort(400, "invalid rule")
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
