"""Lightweight run dashboard embedded in the training cluster's status page."""
import sqlite3
from html import escape

from bottle import Bottle, abort, request, response

app = Bottle()
DB_PATH = "/var/lib/tracker/runs.db"


def fetch_run(run_id: str):
    with sqlite3.connect(DB_PATH) as conn:
        conn.row_factory = sqlite3.Row
        run = conn.execute(
            "SELECT run_id, name, user, status, started_at FROM runs WHERE run_id = ?",
            (run_id,),
        ).fetchone()
        metrics = conn.execute(
            "SELECT key, value, step FROM metrics WHERE run_id = ? ORDER BY key, step",
            (run_id,),
        ).fetchall()
    return run, metrics


def render_metric_rows(metrics, highlight: str) -> str:
    rows = []
    for m in metrics:
        css = ' class="hl"' if highlight and highlight in m["key"] else ""
        rows.append(
            f"<tr{css}><td>{escape(m['key'])}</td><td>{m['value']:.5f}</td><td>{int(m['step'])}</td></tr>"
        )
    return "\n".join(rows)


PAGE = """<!doctype html>
<html><head><title>{title}</title><link rel="stylesheet" href="/static/runs.css"></head>
<body>
<h1>{title}</h1>
<p>owner: {user} &middot; status: {status} &middot; started {started}</p>
<p class="filter">Highlighting metrics matching: <b>{highlight}</b></p>
<table><tr><th>metric</th><th>value</th><th>step</th></tr>
{rows}
</table>
</body></html>"""


@app.get("/runs/<run_id>")
def show_run(run_id):
    run, metrics = fetch_run(run_id)
    if run is None:
        abort(404, "no such run")
    highlight = request.query.get("highlight", "")
    page = PAGE.format(
        title=escape(run["name"]),
        user=escape(run["user"]),
        status=escape(run["status"]),
        started=escape(str(run["started_at"])),
        highlight=escape(highlight),
        rows=render_metric_rows(metrics, highlight),
    )
    response.content_type = "text/html; charset=utf-8"
    return page


if __name__ == "__main__":
    app.run(host="127.0.0.1", port=8090)
