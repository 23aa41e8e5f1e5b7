"""Payroll export download portal (Bottle).

Finance staff log in and download the CSV/XLSX exports produced by the
monthly payroll close. Exports live under EXPORT_ROOT/<yyyy-mm>/.
"""
import hmac
import logging
import mimetypes
import os
from urllib.parse import urlparse

import bottle
from bottle import HTTPError, redirect, request, response

log = logging.getLogger("export_portal")
app = bottle.Bottle()

EXPORT_ROOT = os.environ.get("EXPORT_ROOT", "/srv/payroll/exports")
COOKIE_SECRET = os.environ["EXPORT_PORTAL_COOKIE_SECRET"]
PORTAL_USERS = {}  # populated from the finance group at startup


def current_user():
    return request.get_cookie("portal_user", secret=COOKIE_SECRET)


def local_target(value: str, default: str = "/exports") -> str:
    parsed = urlparse(value or "")
    if not value or parsed.scheme or parsed.netloc or not value.startswith("/") \
            or value.startswith("//") or "\\" in value:
        return default
    return value


@app.post("/login")
def login():
    username = request.forms.get("username", "")
    password = request.forms.get("password", "")
    expected = PORTAL_USERS.get(username)
    if expected is None or not hmac.compare_digest(expected, password):
        raise HTTPError(401, "invalid credentials")
    response.set_cookie("portal_user", username, secret=COOKIE_SECRET, httponly=True,
                        secure=True, samesite="strict")
    redirect(local_target(request.query.get("return_to")))


def export_path(period: str, filename: str) -> str:
    root = os.path.realpath(EXPORT_ROOT)
    path = os.path.realpath(os.path.join(root, period, filename))
    if os.path.commonpath([root, path]) != root:
        raise HTTPError(403, "forbidden")
    return path


@app.get("/exports/<period>/<filename:path>")
def download(period, filename):
    user = current_user()
    if not user:
        redirect("/login-form")
    path = export_path(period, filename)
    if not os.path.isfile(path):
        raise HTTPError(404, "no such export")
    log.info("export %r downloaded by %r", filename, user)
    ctype = mimetypes.guess_type(path)[0] or "application/octet-stream"
    response.content_type = ctype
    response.set_header("Content-Disposition", f'attachment; filename="{os.path.basename(path)}"')
    with open(path, "rb") as fh:
        return fh.read()


@app.get("/exports")
def index():
    if not current_user():
        redirect("/login-form")
    periods = sorted(os.listdir(EXPORT_ROOT), reverse=True)
    return {"periods": periods}


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    app.run(host="127.0.0.1", port=8087)
