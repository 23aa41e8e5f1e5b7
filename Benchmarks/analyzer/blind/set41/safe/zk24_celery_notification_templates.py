"""Celery tasks that render and send tenant-branded notification e-mails.

Tenant admins edit their subject/body templates in the dashboard; the
templates are stored in ``tenant_templates`` and rendered here per event.
"""
import logging
import os
import smtplib
from email.message import EmailMessage

import jinja2
from jinja2.sandbox import SandboxedEnvironment
import psycopg2
from celery import Celery

log = logging.getLogger(__name__)

app = Celery("notify", broker=os.environ.get("BROKER_URL", "amqp://guest@localhost//"))
SMTP_HOST = os.environ.get("SMTP_HOST", "localhost")
FROM_ADDR = os.environ.get("NOTIFY_FROM", "no-reply@example.com")
TEMPLATE_ENV = SandboxedEnvironment(undefined=jinja2.StrictUndefined)

DEFAULT_TEMPLATES = {
    "order_shipped": ("Your order {{ order.number }} has shipped", "Hi {{ customer.first_name }}, ..."),
    "invoice_ready": ("Invoice {{ invoice.number }} is ready", "Hello {{ customer.first_name }}, ..."),
}


def fetch_template(tenant_id: int, kind: str):
    with psycopg2.connect(os.environ["APP_DSN"]) as conn, conn.cursor() as cur:
        cur.execute(
            "SELECT subject, body FROM tenant_templates WHERE tenant_id = %s AND kind = %s",
            (tenant_id, kind),
        )
        row = cur.fetchone()
    return row or DEFAULT_TEMPLATES[kind]


class NotificationRenderer:
    def __init__(self, subject_src: str, body_src: str):
        self.subject_src = subject_src
        self.body_src = body_src

    def _render(self, source: str, context: dict) -> str:
        return TEMPLATE_ENV.from_string(source).render(**context)

    def render(self, context: dict):
        return self._render(self.subject_src, context).strip(), self._render(self.body_src, context)


def send_mail(to_addr: str, subject: str, body: str) -> None:
    msg = EmailMessage()
    msg["From"] = FROM_ADDR
    msg["To"] = to_addr
    msg["Subject"] = subject
    msg.set_content(body)
    with smtplib.SMTP(SMTP_HOST, timeout=30) as smtp:
        smtp.send_message(msg)


@app.task(autoretry_for=(smtplib.SMTPException,), retry_backoff=True, max_retries=5)
def send_notification(tenant_id: int, kind: str, recipient: str, context: dict):
    subject_src, body_src = fetch_template(tenant_id, kind)
    renderer = NotificationRenderer(subject_src, body_src)
    subject, body = renderer.render(context)
    send_mail(recipient, subject, body)
    log.info("sent %s notification for tenant %s", kind, tenant_id)
