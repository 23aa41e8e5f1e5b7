"""Candidate scoring rules. Recruiting ops admins for each customer define a
formula per requisition in the ATS settings UI, e.g.

    years_experience * 2 + skills_matched * 5 - (10 if needs_visa else 0)

The formula is stored on the requisition and applied when new applications
are received."""
import ast
import logging
import operator
from dataclasses import dataclass
from typing import Dict, List

from flask import Flask, jsonify, request

from ats.models import Requisition, candidates_for

app = Flask(__name__)
log = logging.getLogger("scoring")

ALLOWED_HELPERS = {"min": min, "max": max, "round": round, "abs": abs}
_BINOPS = {ast.Add: operator.add, ast.Sub: operator.sub, ast.Mult: operator.mul,
           ast.Div: operator.truediv, ast.Mod: operator.mod}
_CMPOPS = {ast.Gt: operator.gt, ast.GtE: operator.ge, ast.Lt: operator.lt,
           ast.LtE: operator.le, ast.Eq: operator.eq, ast.NotEq: operator.ne}


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


def _eval_node(node, ns):
    if isinstance(node, ast.Expression):
        return _eval_node(node.body, ns)
    if isinstance(node, ast.Constant) and isinstance(node.value, (int, float, bool)):
        return node.value
    if isinstance(node, ast.Name) and node.id in ns and node.id not in ALLOWED_HELPERS:
        return ns[node.id]
    if isinstance(node, ast.BinOp) and type(node.op) in _BINOPS:
        return _BINOPS[type(node.op)](_eval_node(node.left, ns), _eval_node(node.right, ns))
    if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.USub):
        return -_eval_node(node.operand, ns)
    if isinstance(node, ast.IfExp):
        return _eval_node(node.body if _eval_node(node.test, ns) else node.orelse, ns)
    if isinstance(node, ast.Compare) and len(node.ops) == 1 and type(node.ops[0]) in _CMPOPS:
        return _CMPOPS[type(node.ops[0])](_eval_node(node.left, ns), _eval_node(node.comparators[0], ns))
    if (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)
            and node.func.id in ALLOWED_HELPERS and not node.keywords):
        return ALLOWED_HELPERS[node.func.id](*[_eval_node(a, ns) for a in node.args])
    raise ValueError(f"unsupported expression element: {type(node).__name__}")


def evaluate_formula(formula: str, features: CandidateFeatures) -> float:
    namespace = features.as_namespace()
    result = _eval_node(ast.parse(formula, mode="eval"), namespace)
    return float(result)


def rank(requisition: Requisition, formula: str) -> List[dict]:
    scored = []
    for cand in candidates_for(requisition.id):
        try:
            score = evaluate_formula(formula, cand.features)
        except (ZeroDivisionError, TypeError, ValueError, SyntaxError) as exc:
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
