"""League standings service with configurable points formulas."""
import logging
from dataclasses import dataclass, field

from flask import Flask, jsonify, request

app = Flask(__name__)
log = logging.getLogger("standings")

DEFAULT_FORMULA = "3 * wins + draws"
TIEBREAK_KEYS = {"gd", "gf", "ga", "wins"}


@dataclass
class TeamRecord:
    name: str
    wins: int = 0
    draws: int = 0
    losses: int = 0
    goals_for: int = 0
    goals_against: int = 0

    def as_context(self) -> dict:
        return {
            "wins": self.wins,
            "draws": self.draws,
            "losses": self.losses,
            "gf": self.goals_for,
            "ga": self.goals_against,
            "gd": self.goals_for - self.goals_against,
        }


@dataclass
class LeagueSettings:
    formula: str = DEFAULT_FORMULA
    tiebreak: list = field(default_factory=lambda: ["gd", "gf"])


SETTINGS: dict = {}


def evaluate_formula(expr: str, ctx: dict) -> float:
    return float(eval(expr, {"__builtins__": {}}, ctx))  # VULN flow


def rank(league_id: str, teams: list) -> list:
    settings = SETTINGS.get(league_id, LeagueSettings())
    table = []
    for team in teams:
        ctx = team.as_context()
        points = evaluate_formula(settings.formula, ctx)
        table.append({"team": team.name, "points": points, **ctx})
    keys = ["points"] + settings.tiebreak
    table.sort(key=lambda r: tuple(r[k] for k in keys), reverse=True)
    return table


@app.put("/leagues/<league_id>/settings")
def update_settings(league_id):
    body = request.get_json(force=True) or {}
    settings = SETTINGS.setdefault(league_id, LeagueSettings())
    formula = body.get("formula")
    if isinstance(formula, str) and formula.strip():
        settings.formula = formula.strip()
    tb = body.get("tiebreak")
    if isinstance(tb, list):
        settings.tiebreak = [k for k in tb if k in TIEBREAK_KEYS]
    log.info("league %r settings updated", league_id)
    return jsonify({"formula": settings.formula, "tiebreak": settings.tiebreak})


@app.post("/leagues/<league_id>/standings")
def standings(league_id):
    body = request.get_json(force=True) or {}
    try:
        teams = [TeamRecord(**t) for t in body.get("teams", [])]
    except TypeError:
        return jsonify({"error": "bad team record"}), 400
    try:
        table = rank(league_id, teams)
    except Exception as exc:
        log.warning("formula failed for league %r: %r", league_id, exc)
        return jsonify({"error": "invalid formula"}), 400
    return jsonify(table)
