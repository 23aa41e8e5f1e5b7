"""Member portal landing pages served with Bottle."""
import logging

from bottle import Bottle, request, response, run

app = Bottle()
logger = logging.getLogger("portal")

PAGE_TMPL = """<!doctype html>
<html>
<head><meta charset="utf-8"><title>%(title)s</title>
<link rel="stylesheet" href="/static/portal.css"></head>
<body>
  <div class="notice notice-%(kind)s">
    <h1>%(title)s</h1>
    <p>%(message)s</p>
  </div>
</body>
</html>"""

NOTICE_KINDS = {"info", "warning", "error"}


@app.get("/welcome")
def welcome():
    response.content_type = "text/html; charset=utf-8"
    return "<h2>Welcome back, " + request.query.get("name", "member") + "!</h2>"  # VULN


def render_notice(kind: str, message: str) -> str:
    if kind not in NOTICE_KINDS:
        kind = "info"
    return PAGE_TMPL % {"title": kind.title(), "kind": kind, "message": message}


@app.get("/notice")
def notice():
    kind = request.query.get("kind", "info")
    msg = request.query.get("msg", "")
    page = render_notice(kind, msg)
    response.content_type = "text/html; charset=utf-8"
    return page  # VULN flow


@app.get("/healthz")
def healthz():
    return {"status": "ok"}


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    run(app, host="127.0.0.1", port=8080)
