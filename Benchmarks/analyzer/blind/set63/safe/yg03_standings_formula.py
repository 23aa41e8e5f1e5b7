"""League standings service with configurable points formulas."""
import ast
import logging
import operator
from dataclasses import dataclass, field

from flask import Flask, jsonify, request

app = Flask(__name__)
log = logging.getLogger("standings")

DEFAULT_FORMULA = "3 * wins + draws"
TIEBREAK_KEYS = {"gd", "gf", "ga", "wins"}
_BINOPS = {ast.Add: operator.add, ast.Sub: operator.sub, ast.Mult: operator.mul, ast.Div: operator.truediv}


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


def _eval_node(node, ctx):
    if isinstance(node, ast.Expression):
        return _eval_node(node.body, ctx)
    if isinstance(node, ast.Constant) and isinstance(node.value, (int, float)):
        return node.value
    if isinstance(node, ast.Name) and node.id in ctx:
        return ctx[node.id]
    if isinstance(node, ast.BinOp) and type(node.op) in _BINOPS:
        return _BINOPS[type(node.op)](_eval_node(node.left, ctx), _eval_node(node.right, ctx))
    if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.USub):
        return -_eval_node(node.operand, ctx)
    raise ValueError("unsupported expression")


def evaluate_formula(expr: str, ctx: dict) -> float:
    if len(expr) > 200:
        raise ValueError("formula too long")
    return float(_eval_node(ast.parse(expr, mode="eval"), ctx))


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
