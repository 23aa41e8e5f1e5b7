"""Post-visit feedback pages served by the lightweight Bottle microsite.

Customers land here from the SMS link sent after a technician leaves.
"""
import html as htmllib
import sqlite3
from datetime import datetime

from bottle import Bottle, request, response, abort

app = Bottle()
DB_PATH = "/srv/feedback/feedback.db"

PAGE = """<!doctype html>
<html><head><title>How did we do?</title>
<link rel="stylesheet" href="/static/feedback.css"></head>
<body><main>{body}</main></body></html>"""


def db():
    conn = sqlite3.connect(DB_PATH)
    conn.row_factory = sqlite3.Row
    return conn


def visit_for_code(code: str):
    with db() as conn:
        return conn.execute(
            "SELECT v.id, v.service, v.tech_name, c.first_name FROM visits v "
            "JOIN customers c ON c.id = v.customer_id WHERE v.feedback_code = ?",
            (code,),
        ).fetchone()


def render_thanks(first_name: str, rating: int, comment: str) -> str:
    stars = "&#9733;" * rating
    parts = [
        f"<h1>Thanks, {htmllib.escape(first_name)}!</h1>",
        f"<p class='stars'>{stars}</p>",
    ]
    if comment:
        parts.append(f"<blockquote>{htmllib.escape(comment)}</blockquote>")
    parts.append("<p>Your feedback goes straight to our service manager.</p>")
    return PAGE.format(body="\n".join(parts))


@app.get("/f/<code>")
def feedback_form(code):
    visit = visit_for_code(code)
    if visit is None:
        abort(404, "Link expired")
    return PAGE.format(body=(
        "<h1>Rate your {svc} visit</h1>"
        "<form method='post'><input type='number' name='rating' min='1' max='5'>"
        "<textarea name='comment'></textarea><button>Send</button></form>"
    ).format(svc=htmllib.escape(visit["service"].replace("_", " "))))


@app.post("/f/<code>")
def submit_feedback(code):
    visit = visit_for_code(code)
    if visit is None:
        abort(404, "Link expired")
    try:
        rating = max(1, min(5, int(request.forms.get("rating", "5"))))
    except ValueError:
        rating = 5
    comment = request.forms.getunicode("comment", default="").strip()[:1000]
    with db() as conn:
        conn.execute(
            "INSERT INTO feedback (visit_id, rating, comment, created_at) VALUES (?, ?, ?, ?)",
            (visit["id"], rating, comment, datetime.utcnow().isoformat()),
        )
    response.content_type = "text/html; charset=utf-8"
    html = render_thanks(visit["first_name"], rating, comment)
    return html


if __name__ == "__main__":
    app.run(host="127.0.0.1", port=8081)
