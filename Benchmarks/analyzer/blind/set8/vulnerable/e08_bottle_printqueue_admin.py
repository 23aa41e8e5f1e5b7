"""Tiny admin console for the print-queue service (Bottle)."""
import hmac
import logging
import os

from bottle import Bottle, abort, redirect, request, response, template

app = Bottle()
log = logging.getLogger("printqueue.admin")

ADMIN_USER = "printadmin"
ADMIN_PASSWORD = "Pr1ntQueue!2019"  # VULN
COOKIE_SECRET = os.environ["PRINTQUEUE_COOKIE_SECRET"]

LOGIN_FORM = """
<form method="post" action="/login">
  <input type="hidden" name="next" value="{{next_url}}">
  <input name="username"> <input name="password" type="password">
  <button>Sign in</button>
</form>
"""


def current_user():
    return request.get_cookie("admin", secret=COOKIE_SECRET)


@app.get("/login")
def login_form():
    return template(LOGIN_FORM, next_url=request.query.get("next", "/admin"))


@app.post("/login")
def do_login():
    user = request.forms.get("username", "")
    password = request.forms.get("password", "")
    if not (hmac.compare_digest(user, ADMIN_USER) and hmac.compare_digest(password, ADMIN_PASSWORD)):
        log.warning("failed admin login")
        abort(401, "invalid credentials")
    response.set_cookie("admin", user, secret=COOKIE_SECRET, httponly=True, samesite="strict")
    redirect(request.forms.get("next") or "/admin")  # VULN


@app.get("/admin")
def dashboard():
    if not current_user():
        redirect("/login?next=/admin")
    return {"queue_depth": 0, "printers": ["hp-3f-east", "brother-2f"]}


if __name__ == "__main__":
    app.run(host="127.0.0.1", port=8090)
