"""Upload endpoint for crop-protection spray plans written by agronomists in YAML."""
import logging
from datetime import date

import yaml
from flask import Flask, jsonify, request

app = Flask(__name__)
log = logging.getLogger("spray.plans")

REQUIRED = ("field", "product", "rate_l_ha", "window")
MAX_RATE = {"glyphosate": 4.0, "mancozeb": 3.0, "lambda-cyhalothrin": 0.15}
PLANS = []


class PlanError(ValueError):
    pass


def parse_plan(text: str) -> dict:
    doc = yaml.load(text, Loader=yaml.Loader)  # VULN flow
    if not isinstance(doc, dict):
        raise PlanError("plan must be a mapping")
    missing = [k for k in REQUIRED if k not in doc]
    if missing:
        raise PlanError("missing keys: " + ", ".join(missing))
    return doc


def check_plan(plan: dict) -> list:
    problems = []
    product = str(plan["product"]).lower()
    limit = MAX_RATE.get(product)
    if limit is not None and float(plan["rate_l_ha"]) > limit:
        problems.append(f"rate above label maximum ({limit} l/ha)")
    window = plan["window"]
    start, end = window.get("start"), window.get("end")
    if isinstance(start, date) and isinstance(end, date) and end < start:
        problems.append("window ends before it starts")
    if plan.get("buffer_m", 0) < 5:
        problems.append("buffer zone below 5 m")
    return problems


@app.post("/api/spray-plans")
def upload_plan():
    upload = request.files.get("plan")
    if upload is None:
        return jsonify(error="attach the plan as 'plan'"), 400
    text = upload.read().decode("utf-8", errors="replace")
    try:
        plan = parse_plan(text)
    except (yaml.YAMLError, PlanError) as exc:
        return jsonify(error=str(exc)), 422
    problems = check_plan(plan)
    if problems:
        return jsonify(accepted=False, problems=problems), 422
    PLANS.append(plan)
    log.info("accepted spray plan for field %r", plan["field"])
    return jsonify(accepted=True, index=len(PLANS) - 1), 201
