"""Response-plan rules: decide which unit types to recommend for an incident."""
import json
import logging
import operator

from flask import Flask, jsonify, request

app = Flask(__name__)
log = logging.getLogger("cad.rules")

RULES_FILE = "/etc/cad/response_rules.json"
COMPARATORS = {"==": operator.eq, ">=": operator.ge, "<=": operator.le}


class Rule:
    def __init__(self, name, condition, units):
        self.name = name
        self.condition = condition
        self.units = units

    @classmethod
    def from_dict(cls, d):
        return cls(d["name"], d["condition"], list(d.get("units", [])))


def load_rules(path=RULES_FILE):
    with open(path) as fh:
        return [Rule.from_dict(r) for r in json.load(fh)]


def incident_context(incident):
    return {
        "priority": int(incident.get("priority", 3)),
        "type": str(incident.get("type", "")),
        "patients": int(incident.get("patients", 1)),
        "hazmat": bool(incident.get("hazmat", False)),
    }


def rule_matches(rule, ctx):
    # conditions look like: [["priority", "<=", 2], ["patients", ">=", 3]]
    for field_name, op, expected in rule.condition:
        if field_name not in ctx or op not in COMPARATORS:
            raise ValueError(f"bad clause in rule {rule.name!r}")
        if not COMPARATORS[op](ctx[field_name], expected):
            return False
    return True


def recommend(rules, incident):
    ctx = incident_context(incident)
    units = []
    for rule in rules:
        try:
            if rule_matches(rule, ctx):
                units.extend(rule.units)
        except Exception:
            log.warning("rule %r failed to evaluate", rule.name)
    return sorted(set(units))


@app.route("/rules/recommend", methods=["POST"])
def recommend_units():
    incident = request.get_json(force=True)
    return jsonify({"units": recommend(load_rules(), incident)})


@app.route("/rules/test", methods=["POST"])
def test_rule():
    """Lets supervisors try a draft rule against a sample incident."""
    body = request.get_json(force=True)
    draft = Rule.from_dict(body["rule"])
    matched = recommend([draft], body.get("incident", {}))
    return jsonify({"rule": draft.name, "units": matched})
