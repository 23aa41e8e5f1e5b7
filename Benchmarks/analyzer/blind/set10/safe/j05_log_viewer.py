import html
import os
from collections import deque
from urllib.parse import quote

from bottle import Bottle, request, abort, run

app = Bottle()
LOG_DIR = os.environ.get("LOG_DIR", "/var/log/webapps")
MAX_LINES = 500


def available_logs():
    return {
        n for n in os.listdir(LOG_DIR)
        if n.endswith(".log") and os.path.isfile(os.path.join(LOG_DIR, n))
    }


def read_tail(name, limit):
    with open(os.path.join(LOG_DIR, name), "r", errors="replace") as fh:
        return list(deque(fh, maxlen=limit))


@app.get("/")
def index():
    items = "".join(
        f'<li><a href="/view?file={html.escape(quote(n))}">{html.escape(n)}</a></li>'
        for n in sorted(available_logs())
    )
    return f"<h1>Logs</h1><ul>{items}</ul>"


@app.get("/view")
def view():
    name = request.query.get("file", "")
    term = request.query.get("grep", "")
    try:
        limit = max(1, min(int(request.query.get("n", "200")), MAX_LINES))
    except ValueError:
        limit = 200
    if name not in available_logs():
        abort(404, "no such log")
    lines = read_tail(name, limit)
    if term:
        lines = [ln for ln in lines if term in ln]
    body = "".join(html.escape(ln) for ln in lines)
    return f"<h2>{html.escape(name)}</h2><p>filter: {html.escape(term)}</p><pre>{body}</pre>"


if __name__ == "__main__":
    run(app, host="127.0.0.1", port=8081)
