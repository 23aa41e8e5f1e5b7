"""Auto-DJ transition rules.

DJs define rules such as ``bpm_delta < 6 and key_compatible`` in the booth
dashboard; the auto-mixer asks this service whether it may blend from the
current track into a candidate.
"""
import logging
from dataclasses import dataclass
from typing import Dict

from flask import Flask, jsonify, request

app = Flask(__name__)
log = logging.getLogger("autodj.rules")


def key_compatible(a: str, b: str) -> bool:
    """Camelot wheel: same number, or +/-1 on the same letter."""
    na, la = int(a[:-1]), a[-1].upper()
    nb, lb = int(b[:-1]), b[-1].upper()
    if na == nb:
        return True
    return la == lb and abs(na - nb) in (1, 11)


@dataclass
class Track:
    title: str
    bpm: float
    key: str
    energy: int


@dataclass
class Rule:
    name: str
    expression: str
    priority: int = 0

    @staticmethod
    def context(current: Track, candidate: Track) -> dict:
        return {
            "bpm_delta": abs(current.bpm - candidate.bpm),
            "energy_step": candidate.energy - current.energy,
            "key_compatible": key_compatible(current.key, candidate.key),
            "current_bpm": current.bpm,
            "candidate_bpm": candidate.bpm,
        }

    def evaluate(self, current: Track, candidate: Track) -> bool:
        ctx = self.context(current, candidate)
        return bool(eval(self.expression, {"__builtins__": {}}, ctx))  # VULN flow


RULES: Dict[str, Rule] = {}


@app.post("/rules")
def add_rule():
    body = request.get_json(force=True)
    rule = Rule(
        name=str(body["name"])[:64],
        expression=str(body["expression"]),
        priority=int(body.get("priority", 0)),
    )
    RULES[rule.name] = rule
    log.info("rule %r saved", rule.name)
    return jsonify({"ok": True, "rules": len(RULES)}), 201


@app.post("/rules/check")
def check_transition():
    body = request.get_json(force=True)
    current = Track(**body["current"])
    candidate = Track(**body["candidate"])
    results = {}
    for rule in sorted(RULES.values(), key=lambda r: -r.priority):
        try:
            results[rule.name] = rule.evaluate(current, candidate)
        except Exception as exc:
            log.warning("rule %r failed: %r", rule.name, exc)
            results[rule.name] = None
    allowed = all(v for v in results.values() if v is not None)
    return jsonify({"allowed": allowed, "rules": results})
