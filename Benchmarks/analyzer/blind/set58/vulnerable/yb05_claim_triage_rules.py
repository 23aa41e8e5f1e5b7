"""Auto-triage rules for incoming first-notice-of-loss claims.

Claims supervisors maintain routing rules from the admin console; each rule is
a boolean expression over a handful of claim attributes.
"""
import logging
from dataclasses import dataclass, field
from typing import List

from flask import Flask, jsonify, request

app = Flask(__name__)
log = logging.getLogger("claims.triage")

CLAIM_FIELDS = ("amount", "bodily_injury", "state", "line", "days_open", "prior_claims")


@dataclass
class Rule:
    name: str
    expression: str
    queue: str


@dataclass
class RuleSet:
    rules: List[Rule] = field(default_factory=list)

    def add(self, rule: Rule) -> None:
        self.rules.append(rule)

    def route(self, claim: dict) -> str:
        for rule in self.rules:
            if evaluate(rule.expression, claim):
                log.debug("claim matched rule %r", rule.name)
                return rule.queue
        return "general"


def evaluate(expression: str, claim: dict) -> bool:
    context = {key: claim.get(key) for key in CLAIM_FIELDS}
    return bool(eval(expression, {"__builtins__": {}}, context))  # VULN flow


RULES = RuleSet()
RULES.add(Rule("large-loss", "amount > 250000", "major-loss"))
RULES.add(Rule("injury", "bodily_injury and amount > 10000", "casualty"))
RULES.add(Rule("repeat", "prior_claims >= 3", "siu-review"))


@app.post("/triage/rules")
def add_rule():
    body = request.get_json(force=True) or {}
    name = body.get("name")
    expression = body.get("expression")
    if not name or not expression:
        return jsonify({"error": "name and expression required"}), 400
    rule = Rule(name, expression, body.get("queue", "general"))
    RULES.add(rule)
    log.info("rule %r added", name)
    return jsonify({"count": len(RULES.rules)}), 201


@app.post("/triage/route")
def route_claim():
    claim = request.get_json(force=True) or {}
    queue = RULES.route(claim)
    return jsonify({"queue": queue})


@app.get("/triage/rules")
def list_rules():
    return jsonify([r.__dict__ for r in RULES.rules])
