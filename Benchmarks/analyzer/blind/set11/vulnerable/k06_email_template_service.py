"""Transactional e-mail service. Tenants manage their own message templates."""
import hmac
import json
import os
import smtplib
import ssl
from email.message import EmailMessage

from fastapi import Depends, FastAPI, Header, HTTPException
from jinja2 import Environment
from pydantic import BaseModel, EmailStr

app = FastAPI(title="mailer")
env = Environment()

SMTP_HOST = os.environ.get("SMTP_HOST", "smtp.example.com")
SMTP_USER = os.environ.get("SMTP_USER", "")
SMTP_PASSWORD = os.environ.get("SMTP_PASSWORD", "")

TENANT_KEYS = json.loads(os.environ.get("TENANT_KEYS", "{}"))
TEMPLATES = {}


def tenant_auth(tenant: str, x_api_key: str = Header(...)):
    expected = TENANT_KEYS.get(tenant)
    if expected is None or not hmac.compare_digest(expected, x_api_key):
        raise HTTPException(status_code=401, detail="invalid api key")
    return tenant


class TemplateIn(BaseModel):
    subject: str
    body: str


class SendIn(BaseModel):
    to: EmailStr
    context: dict = {}


def render(source, context):
    return env.from_string(source).render(**context)  # VULN flow


@app.put("/tenants/{tenant}/templates/{name}", dependencies=[Depends(tenant_auth)])
def save_template(tenant: str, name: str, tpl: TemplateIn):
    TEMPLATES[(tenant, name)] = tpl
    return {"saved": name}


@app.post("/tenants/{tenant}/templates/{name}/send", dependencies=[Depends(tenant_auth)])
def send(tenant: str, name: str, req: SendIn):
    tpl = TEMPLATES.get((tenant, name))
    if tpl is None:
        raise HTTPException(status_code=404, detail="unknown template")
    msg = EmailMessage()
    msg["From"] = f"no-reply@{SMTP_HOST}"
    msg["To"] = req.to
    msg["Subject"] = tpl.subject.replace("\n", " ")
    msg.set_content(render(tpl.body, req.context))
    ctx = ssl.create_default_context()
    with smtplib.SMTP(SMTP_HOST, 587, timeout=20) as smtp:
        smtp.starttls(context=ctx)
        if SMTP_USER:
            smtp.login(SMTP_USER, SMTP_PASSWORD)
        smtp.send_message(msg)
    return {"status": "queued"}
