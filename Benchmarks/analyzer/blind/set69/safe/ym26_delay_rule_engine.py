"""Delay code attribution rules for the station duty managers.

Station managers maintain small rules that suggest an IATA delay code from
the turnaround milestones recorded by the ground handler (e.g. late
inbound -> 93, late fuelling -> 36).
"""
import json
import logging
import operator
import os

from flask import Flask, abort, jsonify, request

app = Flask(__name__)
log = logging.getLogger("delay.rules")

RULES_FILE = os.environ.get("DELAY_RULES", "/srv/delay/rules.json")
OPERATORS = {">": operator.gt, ">=": operator.ge, "<": operator.lt,
             "<=": operator.le, "==": operator.eq, "!=": operator.ne}
FIELDS = {"inbound_delay", "fuel_late", "boarding_late", "bags_late",
          "catering_late", "pushback_late", "atc_slot"}


class RuleBook:
    def __init__(self, path):
        self.path = path
        self.sources = {}
        self.compiled = {}

    def load(self):
        if os.path.exists(self.path):
            with open(self.path, encoding="utf-8") as fh:
                for code, source in json.load(fh).items():
                    self.add(code, source, persist=False)

    def add(self, code, source, persist=True):
        field, op, value = source.get("field"), source.get("op"), source.get("value")
        if field not in FIELDS or op not in OPERATORS or not isinstance(value, (int, float)):
            raise ValueError("rule must be {field, op, value} over a known milestone")
        compare = OPERATORS[op]
        fn = lambda turn: compare(float(turn.get(field, 0)), value)  # noqa: E731
        self.sources[code] = {"field": field, "op": op, "value": value}
        self.compiled[code] = fn
        if persist:
            with open(self.path, "w", encoding="utf-8") as fh:
                json.dump(self.sources, fh, indent=2)

    def suggest(self, turn):
        return sorted(code for code, fn in self.compiled.items() if fn(turn))


rules = RuleBook(RULES_FILE)
rules.load()


@app.route("/admin/delay-rules", methods=["POST"])
def add_rule():
    body = request.get_json(force=True)
    code = str(body.get("code", ""))
    if not code.isdigit() or len(code) != 2:
        abort(400, "IATA delay code must be two digits")
    try:
        rules.add(code, body.get("source") or {})
    except (AttributeError, ValueError) as exc:
        abort(400, f"rule rejected: {exc}")
    log.info("delay rule %s updated", code)
    return jsonify(code=code, active=len(rules.compiled)), 201


@app.route("/turns/suggest", methods=["POST"])
def suggest():
    turn = request.get_json(force=True)
    return jsonify(flight=turn.get("flight"), codes=rules.suggest(turn))
