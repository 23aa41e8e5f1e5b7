"""Receives incident-management webhooks and keeps an audit trail of actions."""
import datetime as dt
import hashlib
import hmac
import logging
import os

from fastapi import FastAPI, Header, HTTPException, Request

app = FastAPI(title="incident-hooks")
logger = logging.getLogger("incident-hooks")

AUDIT_PATH = os.environ.get("AUDIT_LOG", "/var/log/incident-hooks/audit.log")
SHARED_SECRET = os.environ["INCIDENT_HOOK_SECRET"].encode()
KNOWN_SOURCES = {"pagerduty", "opsgenie", "grafana"}


def signature_ok(body: bytes, sig: str) -> bool:
    expected = hmac.new(SHARED_SECRET, body, hashlib.sha256).hexdigest()
    return hmac.compare_digest(expected, sig or "")


def one_line(value) -> str:
    return str(value).replace("\\", "\\\\").replace("\r", "\\r").replace("\n", "\\n")


class AuditTrail:
    def __init__(self, path: str):
        self.path = path

    def record(self, source: str, action: str, detail: str) -> None:
        ts = dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")
        line = f"{ts} source={one_line(source)} action={one_line(action)} detail={one_line(detail)}\n"
        with open(self.path, "a", encoding="utf-8") as fh:
            fh.write(line)


audit = AuditTrail(AUDIT_PATH)


def extract(payload: dict):
    event = payload.get("event", {})
    action = event.get("event_type", "unknown")
    title = event.get("data", {}).get("title", "")
    return action, title


@app.post("/hooks/{source}")
async def incident_hook(
    source: str,
    request: Request,
    x_signature: str = Header(""),
    user_agent: str = Header(""),
):
    body = await request.body()
    if source not in KNOWN_SOURCES or not signature_ok(body, x_signature):
        logger.warning("rejected hook source=%r ua=%r", source, user_agent)
        raise HTTPException(status_code=401)
    action, title = extract(await request.json())
    audit.record(source, action, title)
    logger.info("accepted %r from %r", action, source)
    return {"ok": True}


@app.get("/healthz")
def healthz():
    return {"ok": os.access(os.path.dirname(AUDIT_PATH), os.W_OK)}
