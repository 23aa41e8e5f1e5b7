"""Substation breaker operations API (Falcon). Every request is audit-logged."""
import logging
import os
from datetime import datetime, timezone

import falcon

audit = logging.getLogger("substation.audit")
ALLOWED_ACTIONS = ("open", "close")


class ScadaGateway:
    """Very small facade over the DNP3 master service."""

    def __init__(self, endpoint: str):
        self.endpoint = endpoint
        self.state = {}

    def operate(self, breaker_id: str, action: str) -> dict:
        self.state[breaker_id] = action
        return {"breaker": breaker_id, "state": action,
                "at": datetime.now(timezone.utc).isoformat()}


class BreakerResource:
    def __init__(self, gateway: ScadaGateway):
        self.gateway = gateway

    def on_get(self, req, resp, breaker_id):
        resp.media = {"breaker": breaker_id, "state": self.gateway.state.get(breaker_id, "unknown")}

    def on_post_operate(self, req, resp, breaker_id):
        operator = req.get_header("X-Operator", default="unknown")
        body = req.get_media(default_when_empty={})
        action = str(body.get("action", "")).lower()
        reason = str(body.get("reason", ""))
        audit.info("operator=%s breaker=%s action=%s reason=%s", operator, breaker_id, action, reason)  # VULN flow

        if action not in ALLOWED_ACTIONS:
            audit.warning(f"rejected action {action} on {breaker_id} from {operator}")  # VULN flow
            raise falcon.HTTPBadRequest(title="invalid action")

        result = self.gateway.operate(breaker_id, action)
        audit.info("breaker %r now %r", breaker_id, result["state"])
        resp.status = falcon.HTTP_202
        resp.media = result


def create_app() -> falcon.App:
    logging.basicConfig(
        filename=os.environ.get("AUDIT_LOG", "/var/log/substation/audit.log"),
        format="%(asctime)s %(levelname)s %(message)s",
        level=logging.INFO,
    )
    gateway = ScadaGateway(os.environ.get("DNP3_MASTER", "tcp://127.0.0.1:20000"))
    app = falcon.App()
    resource = BreakerResource(gateway)
    app.add_route("/breakers/{breaker_id}", resource)
    app.add_route("/breakers/{breaker_id}/operate", resource, suffix="operate")
    return app


app = create_app()
