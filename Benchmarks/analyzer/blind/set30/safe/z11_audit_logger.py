"""Login endpoint for the ops portal; verifies credentials against the identity service."""
import logging
import os
import uuid

import falcon
import requests

audit = logging.getLogger("ops.audit")

IDENTITY_URL = os.environ.get("IDENTITY_URL", "https://identity.internal.example.com")


class IdentityClient:
    def __init__(self, base_url, service_token):
        self.base_url = base_url.rstrip("/")
        self.session = requests.Session()
        self.session.headers["Authorization"] = f"Bearer {service_token}"

    def verify(self, username, password):
        resp = self.session.post(
            f"{self.base_url}/v1/verify",
            json={"username": username, "password": password},
            timeout=5,
        )
        if resp.status_code == 401:
            return None
        resp.raise_for_status()
        return resp.json()


class LoginResource:
    def __init__(self, identity):
        self.identity = identity

    def on_post(self, req, resp):
        body = req.get_media() or {}
        username = str(body.get("username", ""))
        password = str(body.get("password", ""))
        client_ip = req.access_route[0] if req.access_route else req.remote_addr
        try:
            principal = self.identity.verify(username, password)
        except Exception:
            incident = uuid.uuid4().hex
            audit.exception("identity verification failed (incident %s)", incident)
            resp.status = falcon.HTTP_502
            resp.media = {"error": "identity service failure", "incident": incident}
            return
        if principal is None:
            audit.warning("failed login for user=%r ip=%r", username, client_ip)
            raise falcon.HTTPUnauthorized(title="invalid credentials")
        audit.info("login ok for user id %s", principal["id"])
        resp.media = {"token": principal["token"], "expires_in": principal.get("expires_in", 3600)}


def create_app():
    identity = IdentityClient(IDENTITY_URL, os.environ["IDENTITY_SERVICE_TOKEN"])
    app = falcon.App()
    app.add_route("/login", LoginResource(identity))
    return app


app = create_app()
