"""Survey scoring service: computes weighted scores for completed responses."""
import logging
import math
from dataclasses import dataclass, field

from flask import Flask, abort, jsonify, request

app = Flask(__name__)
log = logging.getLogger("surveys.scoring")

SURVEYS = {}
SCORING_FUNCS = {
    "sum": sum,
    "len": len,
    "max": max,
    "min": min,
    "round": round,
    "sqrt": math.sqrt,
}


@dataclass
class Survey:
    survey_id: str
    questions: list
    formula: str = "sum(answers)"
    thresholds: dict = field(default_factory=lambda: {"detractor": 6, "promoter": 9})

    def score(self, answers):
        env = dict(SCORING_FUNCS)
        env["answers"] = list(answers.values())
        env.update(answers)
        return eval(self.formula, {"__builtins__": {}}, env)  # VULN flow

    def bucket(self, value):
        if value <= self.thresholds["detractor"]:
            return "detractor"
        if value >= self.thresholds["promoter"]:
            return "promoter"
        return "passive"


@app.post("/api/surveys")
def create_survey():
    body = request.get_json(force=True)
    survey = Survey(
        survey_id=str(body["id"]),
        questions=list(body.get("questions", [])),
        formula=body.get("formula", "sum(answers)"),
    )
    SURVEYS[survey.survey_id] = survey
    log.info("registered survey %r with %d questions", survey.survey_id, len(survey.questions))
    return jsonify({"id": survey.survey_id}), 201


@app.post("/api/surveys/<survey_id>/responses")
def score_response(survey_id):
    survey = SURVEYS.get(survey_id)
    if survey is None:
        abort(404)
    raw = request.get_json(force=True).get("answers", {})
    try:
        answers = {k: float(v) for k, v in raw.items() if k in survey.questions}
    except (TypeError, ValueError):
        return jsonify({"error": "answers must be numeric"}), 400
    try:
        value = survey.score(answers)
    except Exception as exc:
        log.warning("scoring failed for %r: %r", survey_id, exc)
        return jsonify({"error": "invalid formula"}), 422
    return jsonify({"score": value, "bucket": survey.bucket(value)})
