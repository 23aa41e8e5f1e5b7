"""Collects diagnostic logs uploaded by the anti-cheat client after a kick or crash."""
import datetime as dt
import logging
import os
import re
from typing import Optional

from fastapi import FastAPI, Header, HTTPException, Request

logging.basicConfig(filename="/var/log/acdiag/service.log", level=logging.INFO,
                    format="%(asctime)s %(levelname)s %(message)s")
log = logging.getLogger("acdiag")
app = FastAPI()

LOG_ROOT = os.environ.get("ACDIAG_ROOT", "/var/lib/acdiag/clients")
MAX_UPLOAD = 512 * 1024
CLIENT_ID_RE = re.compile(r"^[0-9a-f]{32}$")


def client_log_path(client_id: str, kind: str) -> str:
    if not CLIENT_ID_RE.match(client_id):
        raise HTTPException(status_code=400, detail="bad client id")
    day = dt.date.today().isoformat()
    return os.path.join(LOG_ROOT, day, f"{client_id}.{kind}.log")


def append_log(path: str, data: bytes) -> None:
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "ab") as fh:
        fh.write(data)
        fh.write(b"\n--- end of upload ---\n")


@app.post("/acdiag/{kind}")
async def upload(kind: str, request: Request,
                 x_client_id: str = Header(...),
                 x_kick_reason: Optional[str] = Header(None)):
    if kind not in ("crash", "kick", "heartbeat"):
        raise HTTPException(status_code=404)
    body = await request.body()
    if len(body) > MAX_UPLOAD:
        raise HTTPException(status_code=413)

    reason = x_kick_reason or "n/a"
    log.info("diag upload kind=%s client=%r reason=%r bytes=%d", kind, x_client_id, reason, len(body))
    append_log(client_log_path(x_client_id, kind), body)
    return {"stored": True}
