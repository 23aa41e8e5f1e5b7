"""Collects browser/mobile crash reports and forwards them to Sentry (or a team relay)."""
import logging
import os
from typing import Optional
from urllib.parse import urlparse

import httpx
from fastapi import FastAPI, HTTPException
from pydantic import BaseModel, Field

log = logging.getLogger("crash-forwarder")
logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(message)s")

SENTRY_INGEST = os.environ.get("SENTRY_INGEST_URL", "https://o12345.ingest.sentry.io/api/67890/store/")
SENTRY_KEY = os.environ["SENTRY_PUBLIC_KEY"]
RELAY_HOSTS = frozenset(os.environ.get("CRASH_RELAY_HOSTS", "relay.mobile.example.com").split(","))

app = FastAPI()


class CrashReport(BaseModel):
    release: str
    platform: str = "javascript"
    message: str
    stacktrace: Optional[list] = None
    user_id: Optional[str] = None
    relay_url: Optional[str] = Field(None, description="team-specific relay endpoint")


def sentry_envelope(report: CrashReport) -> dict:
    return {
        "platform": report.platform,
        "release": report.release,
        "message": {"formatted": report.message[:8192]},
        "exception": {"values": [{"stacktrace": {"frames": report.stacktrace or []}}]},
        "user": {"id": report.user_id} if report.user_id else None,
    }


class Forwarder:
    def __init__(self, default_url: str):
        self.default_url = default_url
        self.client = httpx.Client(timeout=5.0)

    def destination(self, report: CrashReport) -> str:
        if report.relay_url:
            parts = urlparse(report.relay_url)
            if parts.scheme == "https" and parts.hostname in RELAY_HOSTS:
                return report.relay_url
        return self.default_url

    def send(self, report: CrashReport) -> int:
        url = self.destination(report)
        headers = {"X-Sentry-Auth": f"Sentry sentry_version=7, sentry_key={SENTRY_KEY}"}
        resp = self.client.post(url, json=sentry_envelope(report), headers=headers, timeout=5.0)
        return resp.status_code


forwarder = Forwarder(SENTRY_INGEST)


@app.post("/crash")
def receive_crash(report: CrashReport):
    summary = report.message.splitlines()[0][:200] if report.message else ""
    log.warning("crash release=%r user=%r summary=%r", report.release, report.user_id, summary)
    try:
        status = forwarder.send(report)
    except httpx.HTTPError as exc:
        log.error("forwarding failed: %s", exc)
        raise HTTPException(status_code=502, detail="could not forward report")
    return {"forwarded": status < 300}
