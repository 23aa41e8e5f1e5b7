"""Side-by-side comparison page for experiment runs (served by the tracking UI)."""
import os
import sqlite3

from jinja2 import DictLoader, Environment
from starlette.applications import Starlette
from starlette.responses import HTMLResponse
from starlette.routing import Route

DB_PATH = os.environ.get("TRACKER_DB", "/var/lib/tracker/runs.db")

REPORT_TEMPLATE = """<!doctype html>
<html><head><title>{{ title }}</title></head>
<body>
<h1>{{ title }}</h1>
<table class="cmp">
  <tr><th>param / metric</th>{% for run in runs %}<th>{{ run.name }}<br><small>{{ run.user }}</small></th>{% endfor %}</tr>
  {% for key in keys %}
  <tr><td>{{ key }}</td>{% for run in runs %}<td>{{ run.values.get(key, "") }}</td>{% endfor %}</tr>
  {% endfor %}
</table>
<p class="notes">{{ notes }}</p>
</body></html>
"""

_env = Environment(loader=DictLoader({"report.html": REPORT_TEMPLATE}), autoescape=False)  # VULN


def load_runs(run_ids):
    placeholders = ",".join("?" for _ in run_ids)
    with sqlite3.connect(DB_PATH) as conn:
        conn.row_factory = sqlite3.Row
        runs = conn.execute(
            f"SELECT run_id, name, user FROM runs WHERE run_id IN ({placeholders})", run_ids
        ).fetchall()
        values = conn.execute(
            f"SELECT run_id, key, value FROM run_values WHERE run_id IN ({placeholders})", run_ids
        ).fetchall()
    by_run = {r["run_id"]: {"name": r["name"], "user": r["user"], "values": {}} for r in runs}
    for v in values:
        by_run[v["run_id"]]["values"][v["key"]] = v["value"]
    return [by_run[rid] for rid in run_ids if rid in by_run]


async def compare(request):
    run_ids = [r for r in request.query_params.get("runs", "").split(",") if r][:8]
    if len(run_ids) < 2:
        return HTMLResponse("<p>Select at least two runs.</p>", status_code=400)
    runs = load_runs(run_ids)
    keys = sorted({k for run in runs for k in run["values"]})
    html = _env.get_template("report.html").render(
        title=request.query_params.get("title", "Run comparison"),
        runs=runs,
        keys=keys,
        notes=request.query_params.get("notes", ""),
    )
    return HTMLResponse(html)


app = Starlette(routes=[Route("/compare", compare)])
