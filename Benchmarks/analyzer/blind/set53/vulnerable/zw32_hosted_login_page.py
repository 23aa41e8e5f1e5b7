"""Hosted login page for tenants (Bottle).

Each tenant gets https://<slug>.login.example.com with a customisable
welcome banner and is redirected back to its application after sign-in.
"""
import logging
import os

from bottle import Bottle, abort, redirect, request, response, template

from hosted.auth import authenticate, issue_session_cookie
from hosted.tenants import TenantNotFound, tenant_for_host

app = Bottle()
log = logging.getLogger("hosted-login")

LOGIN_FORM = """<!doctype html>
<html><head><title>Sign in to {{tenant_name}}</title></head>
<body>
<div class="banner">{{!banner}}</div>
<form method="post" action="/login">
  <input type="hidden" name="return_to" value="{{return_to}}">
  <input name="username" value="{{login_hint}}" autocomplete="username">
  <input name="password" type="password" autocomplete="current-password">
  <button type="submit">Sign in</button>
</form>
% if error:
<p class="error">{{error}}</p>
% end
</body></html>"""


def current_tenant():
    try:
        return tenant_for_host(request.get_header("Host", ""))
    except TenantNotFound:
        abort(404, "unknown tenant")


def render_banner(tenant, login_hint: str) -> str:
    # tenants write the banner in the branding editor and can use {{tenant}} / {{user}}
    source = tenant.welcome_template or "Welcome to {{tenant}}"
    return template(source, tenant=tenant.display_name, user=login_hint)  # VULN flow


def render_login(tenant, return_to="/", login_hint="", error=None):
    return template(
        LOGIN_FORM,
        tenant_name=tenant.display_name,
        banner=render_banner(tenant, login_hint),
        return_to=return_to,
        login_hint=login_hint,
        error=error,
    )


@app.get("/login")
def login_page():
    tenant = current_tenant()
    return render_login(tenant, request.query.get("return_to", "/"), request.query.get("login_hint", ""))


@app.post("/login")
def do_login():
    tenant = current_tenant()
    username = request.forms.getunicode("username", "")
    return_to = request.forms.getunicode("return_to", "") or tenant.default_app_url
    user = authenticate(tenant, username, request.forms.getunicode("password", ""))
    if user is None:
        log.info("failed hosted login tenant=%r user=%r", tenant.slug, username)
        response.status = 401
        return render_login(tenant, return_to, username, error="Invalid username or password")
    issue_session_cookie(response, tenant, user, secure=os.environ.get("COOKIE_SECURE", "1") == "1")
    redirect(return_to)  # VULN flow
