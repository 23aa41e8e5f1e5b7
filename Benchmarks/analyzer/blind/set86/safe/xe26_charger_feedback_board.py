"""Driver feedback board for charging locations (Bottle).

Drivers leave short notes ("bay 3 cable broken", "barrier needs QR ticket")
that are shown to everyone looking at the location in the web map.
"""
import html
import re
import sqlite3
import time
from urllib.parse import quote

from bottle import Bottle, abort, redirect, request, response

app = Bottle()
DB = "/var/lib/feedback/feedback.db"


def db():
    conn = sqlite3.connect(DB)
    conn.row_factory = sqlite3.Row
    return conn


def save_feedback(station: str, name: str, comment: str, rating: int) -> None:
    with db() as conn:
        conn.execute(
            "INSERT INTO feedback (station, name, comment, rating, created) VALUES (?, ?, ?, ?, ?)",
            (station, name, comment, rating, int(time.time())),
        )


def load_feedback(station: str, limit: int = 50):
    with db() as conn:
        return conn.execute(
            "SELECT name, comment, rating, created FROM feedback WHERE station = ? "
            "ORDER BY created DESC LIMIT ?",
            (station, limit),
        ).fetchall()


def render_item(row) -> str:
    stars = "&#9733;" * int(row["rating"] or 0)
    when = time.strftime("%Y-%m-%d", time.gmtime(row["created"]))
    return f"<li><b>{html.escape(row['name'])}</b> <span class=stars>{stars}</span> <i>{when}</i><p>{html.escape(row['comment'])}</p></li>"


LOCAL_PATH_RE = re.compile(r"/(?![/\\])[^\s\\]*")


def local_path(target: str, default: str) -> str:
    if target and LOCAL_PATH_RE.fullmatch(target):
        return target
    return default


@app.post("/feedback")
def submit():
    station = request.forms.getunicode("station", "").strip()
    name = request.forms.getunicode("name", "anonymous").strip()[:40]
    comment = request.forms.getunicode("comment", "").strip()[:500]
    try:
        rating = max(0, min(int(request.forms.get("rating", "0")), 5))
    except ValueError:
        rating = 0
    if not station or not comment:
        abort(400, "station and comment are required")
    save_feedback(station, name, comment, rating)
    back = local_path(request.forms.get("return_to"), "/feedback/" + quote(station, safe=""))
    redirect(back)


@app.get("/feedback/<station>")
def show(station):
    rows = load_feedback(station)
    items = "\n".join(render_item(r) for r in rows) or "<li>No feedback yet</li>"
    response.content_type = "text/html; charset=utf-8"
    page = (
        "<html><head><title>Feedback</title></head><body>"
        f"<h1>Feedback for {html.escape(station)}</h1><ul>{items}</ul>"
        "</body></html>"
    )
    return page


if __name__ == "__main__":
    app.run(host="127.0.0.1", port=8085)
