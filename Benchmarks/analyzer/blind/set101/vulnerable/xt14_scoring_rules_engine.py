"""Candidate scoring rules. Recruiting ops admins for each customer define a
formula per requisition in the ATS settings UI, e.g.

    years_experience * 2 + skills_matched * 5 - (10 if needs_visa else 0)

The formula is stored on the requisition and applied when new applications
are received."""
import logging
from dataclasses import dataclass
from typing import Dict, List

from flask import Flask, jsonify, request

from ats.models import Requisition, candidates_for

app = Flask(__name__)
log = logging.getLogger("scoring")

ALLOWED_HELPERS = {"min": min, "max": max, "round": round, "abs": abs}


@dataclass
class CandidateFeatures:
    years_experience: float
    skills_matched: int
    skills_required: int
    needs_visa: bool
    referral: bool
    distance_km: float

    def as_namespace(self) -> Dict[str, object]:
        ns = dict(vars(self))
        ns["skill_ratio"] = self.skills_matched / self.skills_required if self.skills_required else 0
        return ns


def evaluate_formula(formula: str, features: CandidateFeatures) -> float:
    namespace = features.as_namespace()
    namespace.update(ALLOWED_HELPERS)
    result = eval(formula, {"__builtins__": {}}, namespace)  # VULN flow
    return float(result)


def rank(requisition: Requisition, formula: str) -> List[dict]:
    scored = []
    for cand in candidates_for(requisition.id):
        try:
            score = evaluate_formula(formula, cand.features)
        except (ZeroDivisionError, TypeError, ValueError, NameError) as exc:
            log.warning("formula failed for candidate %s: %s", cand.id, exc)
            score = 0.0
        scored.append({"candidate_id": cand.id, "name": cand.name, "score": round(score, 2)})
    return sorted(scored, key=lambda row: row["score"], reverse=True)


@app.route("/requisitions/<int:req_id>/scoring/preview", methods=["POST"])
def preview_scoring(req_id: int):
    requisition = Requisition.get_for_tenant(req_id, request.headers["X-Tenant"])
    formula = (request.get_json(force=True) or {}).get("formula") or requisition.score_formula
    if not formula or len(formula) > 500:
        return jsonify(error="formula required (max 500 chars)"), 400
    return jsonify(requisition=req_id, formula=formula, ranking=rank(requisition, formula)[:50])
