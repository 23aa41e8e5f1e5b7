"""Tenant portal backend: "send test message" for e-mail notification channels."""
import hmac
import json
import logging
import os
import re
import subprocess
from email.message import EmailMessage

from fastapi import Depends, FastAPI, Header, HTTPException
from pydantic import BaseModel, Field

SENDMAIL = "/usr/sbin/sendmail"
FROM_ADDR = "notifications@example.com"
ADMIN_TOKEN = os.environ.get("NOTIFY_ADMIN_TOKEN", "")
TENANT_KEYS = json.loads(os.environ.get("TENANT_API_KEYS", "{}"))
EMAIL_RE = re.compile(r"^[A-Za-z0-9._%+][A-Za-z0-9._%+-]*@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+$")

app = FastAPI(title="notify-portal")
log = logging.getLogger("notify.portal")


class TestMessage(BaseModel):
    recipient: str = Field(..., max_length=254)
    subject: str = Field("Test notification", max_length=120)
    note: str = Field("", max_length=1000)


def current_tenant(x_api_key: str = Header(...)) -> str:
    tenant = TENANT_KEYS.get(x_api_key)
    if tenant is None:
        raise HTTPException(status_code=401, detail="invalid api key")
    return tenant


def build_message(tenant: str, msg: TestMessage) -> bytes:
    em = EmailMessage()
    em["From"] = FROM_ADDR
    em["To"] = msg.recipient
    em["Subject"] = f"[{tenant}] {msg.subject}"
    em.set_content(f"This is a test notification for {tenant}.\n\n{msg.note}\n")
    return em.as_bytes()


def sendmail_command(sender: str, recipient: str) -> list:
    return [SENDMAIL, "-i", "-f", sender, "--", recipient]


def deliver(raw: bytes, recipient: str):
    cmd = sendmail_command(FROM_ADDR, recipient)
    proc = subprocess.Popen(cmd, stdin=subprocess.PIPE, stderr=subprocess.PIPE)
    _, err = proc.communicate(raw, timeout=30)
    return proc.returncode, err.decode(errors="replace")


@app.post("/channels/email/test")
def send_test(msg: TestMessage, tenant: str = Depends(current_tenant)):
    if not EMAIL_RE.match(msg.recipient):
        raise HTTPException(status_code=422, detail="recipient must be an e-mail address")
    rc, err = deliver(build_message(tenant, msg), msg.recipient)
    if rc != 0:
        log.warning("test mail for tenant %s failed rc=%s", tenant, rc)
        raise HTTPException(status_code=502, detail="mail submission failed")
    return {"sent": True}


@app.get("/admin/mailq")
def mailq(x_admin_token: str = Header(...)):
    if not ADMIN_TOKEN or not hmac.compare_digest(x_admin_token, ADMIN_TOKEN):
        raise HTTPException(status_code=403)
    out = subprocess.run(["/usr/bin/mailq"], capture_output=True, text=True, timeout=30)
    return {"queue": out.stdout.splitlines()[-50:]}
