"""Login views for the partner portal (Pyramid)."""
import logging
import secrets
from typing import Optional

import bcrypt
from pyramid.config import Configurator
from pyramid.httpexceptions import HTTPFound
from pyramid.response import Response
from pyramid.view import view_config

log = logging.getLogger(__name__)

SESSION_TTL = 8 * 3600
SESSIONS: dict = {}


def authenticate(dbsession, username: str, password: str) -> Optional[dict]:
    """Look up a partner user and verify the bcrypt password hash."""
    row = dbsession.execute(
        "SELECT id, password_hash FROM partner_user WHERE username = :u AND active",
        {"u": username},
    ).fetchone()
    if row is None:
        return None
    if not bcrypt.checkpw(password.encode(), row.password_hash.encode()):
        return None
    return {"id": row.id, "username": username}


@view_config(route_name="login", request_method="GET", renderer="templates/login.jinja2")
def login_form(request):
    return {"came_from": request.params.get("came_from", "/dashboard")}


@view_config(route_name="login", request_method="POST")
def login(request):
    username = request.POST.get("username", "")
    password = request.POST.get("password", "")
    user = authenticate(request.dbsession, username, password)
    if user is None:
        log.info("failed partner login")
        return Response("Invalid username or password", status=401)

    token = secrets.token_urlsafe(32)
    SESSIONS[token] = user["id"]
    response = HTTPFound(location=request.params.get("came_from", "/dashboard"))  # VULN
    response.set_cookie("portal_session", token, max_age=SESSION_TTL, secure=False, httponly=False)  # VULN
    return response


@view_config(route_name="logout")
def logout(request):
    SESSIONS.pop(request.cookies.get("portal_session"), None)
    response = HTTPFound(location="/login")
    response.delete_cookie("portal_session")
    return response


def main(global_config, **settings):
    with Configurator(settings=settings) as config:
        config.include("pyramid_jinja2")
        config.include(".models")
        config.add_route("login", "/login")
        config.add_route("logout", "/logout")
        config.scan()
    return config.make_wsgi_app()
