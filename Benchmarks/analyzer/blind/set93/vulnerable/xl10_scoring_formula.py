"""Custom scoring formulas for battle-royale style tournaments.

Organisers can define how placement and kills translate into points, e.g.
``placement_pts + kills * 1.5 - penalties``.
"""
import logging
from typing import Dict

from flask import Blueprint, abort, current_app, jsonify, request

bp = Blueprint("scoring", __name__, url_prefix="/api/scoring")
log = logging.getLogger("scoring")

PLACEMENT_TABLE = {1: 12, 2: 9, 3: 7, 4: 5, 5: 4, 6: 3, 7: 2, 8: 1}
DEFAULT_FORMULA = "placement_pts + kills"


class ScoringProfile:
    def __init__(self, tournament_id: int, formula: str = DEFAULT_FORMULA):
        self.tournament_id = tournament_id
        self.formula = formula

    def variables(self, result: Dict) -> Dict[str, float]:
        return {
            "placement_pts": PLACEMENT_TABLE.get(int(result.get("placement", 99)), 0),
            "kills": float(result.get("kills", 0)),
            "assists": float(result.get("assists", 0)),
            "penalties": float(result.get("penalties", 0)),
        }

    def points(self, result: Dict) -> float:
        env = self.variables(result)
        return float(eval(self.formula, {"__builtins__": {}}, env))  # VULN flow


def _profiles() -> Dict[int, ScoringProfile]:
    return current_app.config.setdefault("SCORING_PROFILES", {})


@bp.put("/<int:tournament_id>/formula")
def set_formula(tournament_id: int):
    payload = request.get_json(force=True)
    formula = str(payload.get("formula", "")).strip()
    if not formula or len(formula) > 200:
        abort(400, "formula required")
    profile = ScoringProfile(tournament_id, formula)
    try:
        profile.points({"placement": 1, "kills": 3})
    except Exception as exc:
        abort(400, f"formula does not evaluate: {exc}")
    _profiles()[tournament_id] = profile
    log.info("tournament %d scoring formula updated", tournament_id)
    return jsonify(ok=True)


@bp.post("/<int:tournament_id>/preview")
def preview(tournament_id: int):
    profile = _profiles().get(tournament_id) or ScoringProfile(tournament_id)
    results = request.get_json(force=True).get("results", [])
    table = []
    for row in results:
        table.append({"team": row.get("team"), "points": profile.points(row)})
    table.sort(key=lambda r: r["points"], reverse=True)
    return jsonify(standings=table)
