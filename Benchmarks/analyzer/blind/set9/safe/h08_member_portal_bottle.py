"""Member portal landing pages served with Bottle."""
import html
import logging

from bottle import Bottle, request, response, run, template

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

WELCOME_TMPL = "<h2>Welcome back, {{name}}!</h2>\n<p>You have {{count}} unread messages.</p>"
NOTICE_KINDS = {"info", "warning", "error"}


@app.get("/welcome")
def welcome():
    name = request.query.getunicode("name", default="member")
    try:
        unread = int(request.query.get("unread", "0"))
    except ValueError:
        unread = 0
    return template(WELCOME_TMPL, name=name, count=unread)


def render_notice(kind: str, message: str) -> str:
    if kind not in NOTICE_KINDS:
        kind = "info"
    return PAGE_TMPL % {
        "title": kind.title(),
        "kind": kind,
        "message": html.escape(message, quote=True),
    }


@app.get("/notice")
def notice():
    page = render_notice(request.query.get("kind", "info"), request.query.getunicode("msg", default=""))
    response.content_type = "text/html; charset=utf-8"
    return page


@app.get("/healthz")
def healthz():
    return {"status": "ok"}


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    run(app, host="127.0.0.1", port=8080)
