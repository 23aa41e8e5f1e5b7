"""Sign-in / sign-out for the employer side of the job board (Bottle)."""
import logging
import os

from bottle import Bottle, redirect, request, response, template

from jobboard.auth import authenticate, issue_session, revoke_session

app = Bottle()
log = logging.getLogger("employer.auth")

SESSION_COOKIE = "emp_session"
COOKIE_SECRET = os.environ["EMPLOYER_COOKIE_SECRET"]
DEFAULT_LANDING = "/employer/dashboard"

LOGIN_FORM = """
<form method="post" action="/employer/login">
  <input type="hidden" name="next" value="{{next_url}}">
  <input name="email" type="email" placeholder="Work email">
  <input name="password" type="password">
  % if error:
  <p class="error">{{error}}</p>
  % end
  <button>Sign in</button>
</form>
"""


def landing_for(user, requested: str) -> str:
    if requested:
        return requested
    return "/employer/onboarding" if user.needs_onboarding else DEFAULT_LANDING


@app.get("/employer/login")
def login_form():
    return template(LOGIN_FORM, next_url=request.query.get("next", ""), error=None)


@app.post("/employer/login")
def do_login():
    email = (request.forms.get("email") or "").strip().lower()
    password = request.forms.get("password") or ""
    next_url = request.forms.get("next", "")
    user = authenticate(email, password)
    if user is None:
        log.info("failed employer login")
        return template(LOGIN_FORM, next_url=next_url, error="Invalid email or password")

    token = issue_session(user.id)
    response.set_cookie(SESSION_COOKIE, token, secret=COOKIE_SECRET,
                        httponly=True, secure=True, samesite="lax", path="/")
    destination = landing_for(user, next_url)
    redirect(destination)  # VULN flow


@app.get("/employer/logout")
def logout():
    token = request.get_cookie(SESSION_COOKIE, secret=COOKIE_SECRET)
    if token:
        revoke_session(token)
    response.delete_cookie(SESSION_COOKIE, path="/")
    redirect(request.query.get("return_to") or "/")  # VULN


if __name__ == "__main__":
    app.run(host="127.0.0.1", port=8081)
