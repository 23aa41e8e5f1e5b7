"""Label printing service for sample tubes and cryoboxes (Bottle).

Lab members save their own label layouts: short templates with placeholders
like ``${sample_id}``, ``${owner}`` and ``${date}``. The rendered text
(ZPL or plain) is sent to the label printer by the bench client.
"""
import datetime as dt
import json
import logging
import sqlite3
from string import Template

from bottle import Bottle, HTTPError, request, response

app = Bottle()
log = logging.getLogger("labels")
DB_PATH = "/srv/labels/labels.sqlite"


def db():
    conn = sqlite3.connect(DB_PATH)
    conn.row_factory = sqlite3.Row
    return conn


def sample_context(sample_id: str) -> dict:
    with db() as conn:
        row = conn.execute(
            "SELECT sample_id, owner, project, box, position FROM samples WHERE sample_id = ?",
            (sample_id,),
        ).fetchone()
    if row is None:
        raise HTTPError(404, "unknown sample")
    ctx = {k: str(v) for k, v in dict(row).items()}
    ctx["date"] = dt.date.today().isoformat()
    return ctx


def render_label(layout_source: str, sample: dict) -> str:
    return Template(layout_source).safe_substitute(sample)


@app.post("/layouts")
def save_layout():
    data = request.json or {}
    name, source = data.get("name", "").strip(), data.get("source", "")
    if not name or not source or len(source) > 4000:
        raise HTTPError(400, "name and source required")
    with db() as conn:
        cur = conn.execute(
            "INSERT INTO layouts (name, owner, source) VALUES (?, ?, ?)",
            (name, request.get_header("X-Remote-User", "unknown"), source),
        )
    response.status = 201
    return {"id": cur.lastrowid}


@app.get("/labels/<sample_id>")
def label(sample_id):
    layout_id = request.query.get("layout", "1")
    with db() as conn:
        row = conn.execute("SELECT source FROM layouts WHERE id = ?", (layout_id,)).fetchone()
    if row is None:
        raise HTTPError(404, "unknown layout")
    response.content_type = "text/plain; charset=utf-8"
    return render_label(row["source"], sample_context(sample_id))


@app.post("/labels/preview")
def preview():
    data = request.json or {}
    sample = sample_context(data.get("sample_id", ""))
    response.content_type = "application/json"
    return json.dumps({"text": render_label(data.get("source", ""), sample)})


if __name__ == "__main__":
    app.run(host="127.0.0.1", port=8095)
