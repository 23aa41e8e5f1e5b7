import html
import os
from collections import deque
from urllib.parse import quote

from bottle import Bottle, request, abort, run

app = Bottle()
LOG_DIR = os.environ.get("LOG_DIR", "/var/log/webapps")
MAX_LINES = 500


def read_tail(path, limit):
    with open(path, "r", errors="replace") as fh:  # VULN flow
        return list(deque(fh, maxlen=limit))


@app.get("/")
def index():
    names = sorted(n for n in os.listdir(LOG_DIR) if n.endswith(".log"))
    items = "".join(
        f'<li><a href="/view?file={html.escape(quote(n))}">{html.escape(n)}</a></li>' for n in names
    )
    return f"<h1>Logs</h1><ul>{items}</ul>"


@app.get("/view")
def view():
    name = request.query.get("file", "")
    term = request.query.get("grep", "")
    try:
        limit = min(int(request.query.get("n", "200")), MAX_LINES)
    except ValueError:
        limit = 200
    path = os.path.join(LOG_DIR, name)
    if not os.path.isfile(path):
        abort(404, "no such log")
    lines = read_tail(path, limit)
    if term:
        lines = [ln for ln in lines if term in ln]
    body = "".join(html.escape(ln) for ln in lines)
    return f"<h2>{html.escape(name)}</h2><p>filter: {term}</p><pre>{body}</pre>"  # VULN flow


if __name__ == "__main__":
    run(app, host="127.0.0.1", port=8081)
