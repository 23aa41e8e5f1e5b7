"""Coaches customise the email that goes out with their clients' weekly meal plans."""
import datetime as dt
import logging

from flask import Flask, abort, jsonify, request, session
from jinja2.sandbox import SandboxedEnvironment

app = Flask(__name__)
app.config.from_envvar("MEALPLAN_SETTINGS", silent=True)
log = logging.getLogger("mealplan")

DEFAULT_TEMPLATE = """
<h2>Hi {{ client.first_name }}, here is your plan for the week of {{ plan.week }}</h2>
<ul>{% for day in plan.days %}<li><b>{{ day.name }}</b>: {{ day.kcal }} kcal</li>{% endfor %}</ul>
<p>Keep it up! - {{ coach_name }}</p>
"""

TEMPLATES = {}  # coach_id -> template source (persisted by the sync job)
_sandbox = SandboxedEnvironment(autoescape=True)


def current_coach():
    coach_id = session.get("coach_id")
    if coach_id is None:
        abort(401)
    return {"id": coach_id, "name": session.get("coach_name", "Your coach")}


def build_plan(kcal_target: int) -> dict:
    monday = dt.date.today() - dt.timedelta(days=dt.date.today().weekday())
    names = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
    days = [{"name": n, "kcal": kcal_target + (150 if n in ("Sat", "Sun") else 0)} for n in names]
    return {"week": monday.isoformat(), "days": days}


def render_email(template_src: str, coach: dict, client: dict, plan: dict) -> str:
    return _sandbox.from_string(template_src).render(plan=plan, client=client, coach_name=coach["name"])


@app.route("/coach/meal-plan/template", methods=["PUT"])
def save_template():
    coach = current_coach()
    body = request.get_json(force=True)
    TEMPLATES[coach["id"]] = body.get("template", "")[:10000]
    return jsonify(saved=True)


@app.route("/coach/meal-plan/preview", methods=["POST"])
def preview():
    coach = current_coach()
    body = request.get_json(force=True)
    template_src = body.get("template") or TEMPLATES.get(coach["id"], DEFAULT_TEMPLATE)
    client = {"first_name": "Alex", "email": "preview@example.com"}
    plan = build_plan(int(body.get("kcal", 2200)))
    try:
        html = render_email(template_src, coach, client, plan)
    except Exception as exc:
        log.info("template preview failed for coach %s: %r", coach["id"], exc)
        return jsonify(error="template error"), 400
    return jsonify(html=html)


if __name__ == "__main__":
    app.run()
