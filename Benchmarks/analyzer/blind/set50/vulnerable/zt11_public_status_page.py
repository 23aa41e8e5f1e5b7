"""Public status page for the managed network service."""
import re
import sqlite3
from datetime import datetime

from bottle import Bottle, request, response

app = Bottle()
DB_PATH = "/var/lib/statuspage/status.db"
EMAIL_RE = re.compile(r"^[^@\s]+@[^@\s]+\.[a-z]{2,}$", re.I)

PAGE = """<!doctype html>
<html><head><meta charset="utf-8"><title>Network status</title></head>
<body><h1>Network status</h1>{body}</body></html>"""


def fetch_components(filter_text):
    conn = sqlite3.connect(DB_PATH)
    try:
        return conn.execute(
            "SELECT name, state, updated FROM components WHERE name LIKE ? ORDER BY name",
            (f"%{filter_text}%",),
        ).fetchall()
    finally:
        conn.close()


def render_rows(rows):
    out = []
    for name, state, updated in rows:
        ts = datetime.fromtimestamp(updated).strftime("%Y-%m-%d %H:%M")
        out.append(f"<tr><td>{name}</td><td class='state'>{state}</td><td>{ts}</td></tr>")
    return "\n".join(out)


@app.get("/status")
def status():
    q = request.query.getunicode("q", default="")
    rows = fetch_components(q)
    body = f"<p>Showing components matching <b>{q}</b></p>"
    body += "<table>" + render_rows(rows) + "</table>"
    response.content_type = "text/html; charset=utf-8"
    return PAGE.format(body=body)  # VULN flow


@app.post("/subscribe")
def subscribe():
    email = request.forms.getunicode("email", default="").strip()
    response.content_type = "text/html; charset=utf-8"
    if not EMAIL_RE.match(email):
        message = f"<p class='error'>{email} is not a valid address.</p>"
        return PAGE.format(body=message)  # VULN flow
    conn = sqlite3.connect(DB_PATH)
    with conn:
        conn.execute("INSERT OR IGNORE INTO subscribers (email) VALUES (?)", (email,))
    conn.close()
    return PAGE.format(body="<p>Thanks, you are now subscribed to incident updates.</p>")


if __name__ == "__main__":
    app.run(host="127.0.0.1", port=8090)
