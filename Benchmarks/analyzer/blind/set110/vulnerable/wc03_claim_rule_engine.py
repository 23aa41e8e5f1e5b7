"""Payer edit rules: billing staff can preview a rule against a draft claim
before saving it to the scrubber configuration."""
import logging
from dataclasses import dataclass, field
from typing import List

from flask import Flask, abort, jsonify, request

app = Flask(__name__)
log = logging.getLogger("claim_rules")


@dataclass
class ClaimLine:
    cdt_code: str
    tooth: str = ""
    surface: str = ""
    fee: float = 0.0
    units: int = 1


@dataclass
class DraftClaim:
    payer_id: str
    patient_age: int
    lines: List[ClaimLine] = field(default_factory=list)

    @property
    def total(self) -> float:
        return sum(line.fee * line.units for line in self.lines)

    def codes(self) -> List[str]:
        return [line.cdt_code for line in self.lines]


def parse_claim(payload: dict) -> DraftClaim:
    lines = [ClaimLine(**line) for line in payload.get("lines", [])]
    return DraftClaim(payload["payer_id"], int(payload.get("patient_age", 0)), lines)


class RuleEvaluator:
    """Evaluates a scrubber rule such as ``total > 500 and 'D2740' in codes``."""

    def __init__(self, expression: str):
        self.expression = expression.strip()

    def context(self, claim: DraftClaim) -> dict:
        return {
            "total": claim.total,
            "codes": claim.codes(),
            "age": claim.patient_age,
            "payer": claim.payer_id,
        }

    def evaluate(self, claim: DraftClaim) -> bool:
        ctx = self.context(claim)
        return bool(eval(self.expression, {"__builtins__": {}}, ctx))  # VULN flow


@app.route("/billing/rules/preview", methods=["POST"])
def preview_rule():
    body = request.get_json(silent=True) or {}
    if "rule" not in body or "claim" not in body:
        abort(400)
    try:
        claim = parse_claim(body["claim"])
    except (KeyError, TypeError, ValueError):
        abort(400)
    evaluator = RuleEvaluator(body["rule"])
    try:
        hit = evaluator.evaluate(claim)
    except Exception as exc:
        log.info("rule preview failed: %s", type(exc).__name__)
        return jsonify({"error": "rule could not be evaluated"}), 422
    return jsonify({"matched": hit, "total": claim.total})


if __name__ == "__main__":
    app.run(port=8050)
