"""Tutor portal authentication API (Falcon)."""
import datetime as dt
import logging
import os

import bcrypt
import falcon
import jwt

from tutorportal.db import get_tutor_by_email, record_login

log = logging.getLogger("tutor_auth")

JWT_SECRET = os.environ["TUTOR_JWT_SECRET"]
JWT_TTL = dt.timedelta(hours=8)


def issue_token(tutor: dict) -> str:
    claims = {
        "sub": str(tutor["id"]),
        "role": "tutor",
        "langs": tutor.get("languages", []),
        "exp": dt.datetime.now(dt.timezone.utc) + JWT_TTL,
    }
    return jwt.encode(claims, JWT_SECRET, algorithm="HS256")


class LoginResource:
    def on_post(self, req, resp):
        body = req.get_media() or {}
        email = str(body.get("email") or "").strip().lower()
        password = str(body.get("password") or "")
        client = req.get_header("X-Client-Name", default="web")
        tutor = get_tutor_by_email(email)
        if tutor is None or not bcrypt.checkpw(password.encode(), tutor["password_hash"].encode()):
            log.warning("failed tutor login for %r via %r", email, client)
            raise falcon.HTTPUnauthorized(title="invalid credentials")
        record_login(tutor["id"], req.remote_addr)
        log.info("tutor %s logged in", tutor["id"])
        resp.media = {"token": issue_token(tutor)}


class MeResource:
    def on_get(self, req, resp):
        auth = req.get_header("Authorization", default="")
        if not auth.startswith("Bearer "):
            raise falcon.HTTPUnauthorized(title="missing token")
        try:
            claims = jwt.decode(auth[len("Bearer "):], JWT_SECRET, algorithms=["HS256"])
        except jwt.PyJWTError:
            raise falcon.HTTPUnauthorized(title="invalid token")
        resp.media = {"id": claims["sub"], "role": claims["role"], "languages": claims.get("langs", [])}


app = falcon.App()
app.add_route("/auth/login", LoginResource())
app.add_route("/auth/me", MeResource())
