"""Daily site log e-mails: foremen can customise the template used for the
end-of-day summary sent to the project manager."""
import sqlite3
from datetime import date

from flask import Flask, abort, jsonify, request
from jinja2.sandbox import SandboxedEnvironment

app = Flask(__name__)
DB_PATH = "/var/lib/sitelog/sitelog.db"
template_env = SandboxedEnvironment(autoescape=True)

DEFAULT_TEMPLATE = """<h2>Daily log - {{ project.name }} - {{ day }}</h2>
<p>Weather: {{ log.weather }} | Labour on site: {{ log.headcount }}</p>
<ul>{% for a in activities %}<li>{{ a.description }} ({{ a.percent }}%)</li>{% endfor %}</ul>"""


def db():
    con = sqlite3.connect(DB_PATH)
    con.row_factory = sqlite3.Row
    return con


def load_template(project_id: int) -> str:
    with db() as con:
        row = con.execute("SELECT body FROM log_templates WHERE project_id = ?",
                          (project_id,)).fetchone()
    return row["body"] if row else DEFAULT_TEMPLATE


def build_context(project_id: int, day: str) -> dict:
    with db() as con:
        project = con.execute("SELECT id, name FROM projects WHERE id = ?", (project_id,)).fetchone()
        if project is None:
            abort(404)
        log = con.execute("SELECT weather, headcount FROM daily_logs WHERE project_id = ? AND day = ?",
                          (project_id, day)).fetchone()
        acts = con.execute("SELECT description, percent FROM activities WHERE project_id = ? AND day = ?",
                           (project_id, day)).fetchall()
    return {"project": dict(project), "day": day,
            "log": dict(log) if log else {}, "activities": [dict(a) for a in acts]}


@app.route("/projects/<int:project_id>/log-template", methods=["PUT"])
def save_template(project_id: int):
    body = request.get_json(force=True).get("template", "")
    if len(body) > 20000:
        abort(413)
    with db() as con:
        con.execute("INSERT OR REPLACE INTO log_templates (project_id, body) VALUES (?, ?)",
                    (project_id, body))
    return jsonify({"saved": True})


@app.route("/projects/<int:project_id>/daily-log/preview", methods=["POST"])
def preview(project_id: int):
    template = request.form.get("template") or load_template(project_id)
    day = request.form.get("day") or date.today().isoformat()
    context = build_context(project_id, day)
    html = template_env.from_string(template).render(**context)
    return jsonify({"project": project_id, "day": day, "html": html})

