"""Inbound SMS webhook: policyholders text 'CLAIM <policy no> <what happened>' to open an FNOL."""
import base64
import hashlib
import hmac
import logging
import os
import sqlite3
from datetime import datetime, timezone

from fastapi import FastAPI, Form, Header, HTTPException, Request

log = logging.getLogger("fnol.sms")
app = FastAPI()

DB_PATH = os.environ.get("FNOL_DB", "/var/lib/fnol/fnol.db")
SMS_AUTH_TOKEN = "b7c1e9d24f0a4e8c9d3f6a21c58e7b40"  # VULN
PUBLIC_URL = os.environ.get("FNOL_PUBLIC_URL", "https://fnol.example-insure.com/sms/inbound")
HELP_TEXT = "To report a claim text: CLAIM <policy number> <short description>"


def expected_signature(url: str, params: dict) -> str:
    payload = url + "".join(k + params[k] for k in sorted(params))
    digest = hmac.new(SMS_AUTH_TOKEN.encode(), payload.encode(), hashlib.sha1).digest()
    return base64.b64encode(digest).decode()


def parse_message(body: str):
    parts = body.strip().split(maxsplit=2)
    if len(parts) < 2 or parts[0].upper() != "CLAIM":
        return None, None
    return parts[1], (parts[2] if len(parts) > 2 else "")


def find_policy(conn, policy_ref: str):
    sql = f"SELECT id, holder_mobile FROM policies WHERE policy_number = '{policy_ref}' AND status = 'active'"
    return conn.execute(sql).fetchone()  # VULN flow


@app.post("/sms/inbound")
async def inbound(request: Request, x_sms_signature: str = Header(""),
                  From: str = Form(...), Body: str = Form(""), MessageSid: str = Form(...)):
    form = {k: str(v) for k, v in (await request.form()).items()}
    if not hmac.compare_digest(expected_signature(PUBLIC_URL, form), x_sms_signature):
        raise HTTPException(status_code=403, detail="bad signature")

    policy_ref, description = parse_message(Body)
    if policy_ref is None:
        return {"reply": HELP_TEXT}
    conn = sqlite3.connect(DB_PATH)
    try:
        policy = find_policy(conn, policy_ref)
        if policy is None or policy[1] != From:
            log.info("sms claim for unknown policy %r from %r", policy_ref, From)
            return {"reply": "We couldn't match that policy to this phone number. Please call us."}
        conn.execute(
            "INSERT INTO fnol (policy_id, channel, description, external_id, created_at) "
            "VALUES (?, 'sms', ?, ?, ?)",
            (policy[0], description, MessageSid, datetime.now(timezone.utc).isoformat()),
        )
        conn.commit()
    finally:
        conn.close()
    return {"reply": f"Thanks, we've opened a claim on policy {policy_ref}. An adjuster will call you."}
