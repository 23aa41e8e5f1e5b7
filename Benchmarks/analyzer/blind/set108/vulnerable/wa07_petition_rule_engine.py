"""Signature eligibility rules for petition verification.

Counties can define extra acceptance rules, e.g. ``age >= 18 and registered_days > 29``,
which are evaluated against the matched voter record for each signature.
"""
import logging
from datetime import date

from flask import Flask, jsonify, request

app = Flask(__name__)
log = logging.getLogger("rule_engine")

BASE_RULES = {
    "registered": "status == 'A'",
    "adult": "age >= 18",
}


def rule_check(expr: str, names: dict) -> bool:
    return bool(eval(expr, {"__builtins__": {}}, names))  # VULN flow


class RuleSet:
    def __init__(self, county: str, expressions: dict):
        self.county = county
        self.expressions = dict(BASE_RULES)
        self.expressions.update(expressions)

    def evaluate(self, record: dict) -> dict:
        results = {}
        for name, expr in self.expressions.items():
            try:
                results[name] = rule_check(expr, record)
            except Exception as exc:
                log.warning("rule %r failed for county %r: %r", name, self.county, exc)
                results[name] = False
        return results


def voter_context(voter: dict) -> dict:
    born = date.fromisoformat(voter["birth_date"])
    today = date.today()
    age = today.year - born.year - ((today.month, today.day) < (born.month, born.day))
    registered = date.fromisoformat(voter["registered_on"])
    return {
        "age": age,
        "status": voter.get("status", "I"),
        "registered_days": (today - registered).days,
        "county": voter.get("county", ""),
        "party": voter.get("party", ""),
    }


@app.post("/api/counties/<county>/rules/preview")
def preview_rules(county):
    body = request.get_json(force=True) or {}
    if "voter" not in body:
        return jsonify(error="voter record required"), 400
    rules = RuleSet(county, body.get("rules", {}))
    try:
        ctx = voter_context(body["voter"])
    except (KeyError, ValueError):
        return jsonify(error="voter record incomplete"), 400
    outcome = rules.evaluate(ctx)
    return jsonify(county=county, accepted=all(outcome.values()), rules=outcome)
