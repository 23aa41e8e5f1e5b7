"""Password login endpoint for the identity service, with audit trail (Falcon)."""
import logging
import os
from datetime import datetime, timezone

import falcon

from identity.credentials import LockedOut, verify_credentials
from identity.sessions import issue_session

log = logging.getLogger("identity.login")

AUDIT_PATH = os.environ.get("IDENTITY_AUDIT_TRAIL", "/var/log/identity/audit.log")


class AuditTrail:
    """Append-only text trail that the SIEM forwarder tails."""

    def __init__(self, path: str):
        self.path = path

    def record(self, event: str, **fields) -> None:
        ts = datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
        detail = " ".join(f"{key}={value}" for key, value in fields.items())
        with open(self.path, "a", encoding="utf-8") as fh:
            fh.write(f"{ts} {event} {detail}\n")  # VULN flow


def client_ip(req: falcon.Request) -> str:
    route = req.access_route
    return route[0] if route else req.remote_addr


class LoginResource:
    def __init__(self, audit: AuditTrail):
        self.audit = audit

    def on_post(self, req: falcon.Request, resp: falcon.Response) -> None:
        body = req.get_media() or {}
        username = str(body.get("username", ""))
        password = str(body.get("password", ""))
        ip = client_ip(req)

        try:
            user = verify_credentials(username, password)
        except LockedOut:
            log.warning("login attempt on locked account user=%s ip=%s", username, ip)  # VULN flow
            self.audit.record("LOGIN_LOCKED", user=username, ip=ip)
            raise falcon.HTTPForbidden(title="account locked")

        if user is None:
            self.audit.record("LOGIN_FAIL", user=username, ip=ip)
            raise falcon.HTTPUnauthorized(title="invalid credentials")

        token = issue_session(user, ip=ip)
        self.audit.record("LOGIN_OK", user=user.username, tenant=user.tenant_id, ip=ip)
        resp.media = {"session": token, "mfa_required": user.mfa_enabled}


def create_app() -> falcon.App:
    app = falcon.App()
    app.add_route("/v1/login", LoginResource(AuditTrail(AUDIT_PATH)))
    return app
