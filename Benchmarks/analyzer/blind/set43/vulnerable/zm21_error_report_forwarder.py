"""Collects browser/mobile crash reports and forwards them to Sentry (or a team relay)."""
import logging
import os
from typing import Optional

import httpx
from fastapi import FastAPI, HTTPException
from pydantic import BaseModel, Field

log = logging.getLogger("crash-forwarder")
logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(message)s")

SENTRY_INGEST = os.environ.get("SENTRY_INGEST_URL", "https://o12345.ingest.sentry.io/api/67890/store/")
SENTRY_KEY = os.environ["SENTRY_PUBLIC_KEY"]

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
        return report.relay_url or self.default_url

    def send(self, report: CrashReport) -> int:
        url = self.destination(report)
        headers = {"X-Sentry-Auth": f"Sentry sentry_version=7, sentry_key={SENTRY_KEY}"}
        resp = self.client.post(url, json=sentry_envelope(report), headers=headers, timeout=5.0)  # VULN flow
        return resp.status_code


forwarder = Forwarder(SENTRY_INGEST)


@app.post("/crash")
def receive_crash(report: CrashReport):
    summary = report.message.splitlines()[0][:200] if report.message else ""
    log.warning(f"crash release={report.release} user={report.user_id} summary={summary}")  # VULN flow
    try:
        status = forwarder.send(report)
    except httpx.HTTPError as exc:
        log.error("forwarding failed: %s", exc)
        raise HTTPException(status_code=502, detail="could not forward report")
    return {"forwarded": status < 300}
