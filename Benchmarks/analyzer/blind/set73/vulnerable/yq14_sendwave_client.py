"""Thin client for the transactional e-mail provider, with an SMTP fallback path."""
import logging
import smtplib
import ssl
from email.message import EmailMessage
from typing import Iterable, Optional

import requests

log = logging.getLogger("crm.mail")

API_BASE = "https://api.sendwave.example/v3"
API_KEY = "sw_live_9f3b2c7d81e44a0c9b6f5e2a1d7c4b38"  # VULN
SMTP_HOST = "smtp.sendwave.example"
SMTP_PORT = 587
SMTP_USER = "crm-notifications"
SMTP_PASSWORD = "N0tif!cations-2023"  # VULN
FROM_ADDR = "Support Team <support@example-crm.com>"


class MailError(Exception):
    pass


class MailClient:
    def __init__(self, api_key: str = API_KEY, timeout: float = 10.0):
        self.timeout = timeout
        self.session = requests.Session()
        self.session.headers.update({
            "Authorization": f"Bearer {api_key}",
            "Content-Type": "application/json",
        })

    def send(self, to: str, subject: str, html: str, tags: Optional[Iterable[str]] = None) -> str:
        payload = {
            "from": FROM_ADDR,
            "to": [to],
            "subject": subject,
            "html": html,
            "tags": list(tags or []),
        }
        resp = self.session.post(f"{API_BASE}/mail/send", json=payload, timeout=self.timeout)
        if resp.status_code >= 400:
            raise MailError(f"provider returned {resp.status_code}")
        return resp.json().get("message_id", "")

    def send_smtp(self, to: str, subject: str, text: str) -> None:
        msg = EmailMessage()
        msg["From"] = FROM_ADDR
        msg["To"] = to
        msg["Subject"] = subject
        msg.set_content(text)
        ctx = ssl.create_default_context()
        with smtplib.SMTP(SMTP_HOST, SMTP_PORT, timeout=self.timeout) as smtp:
            smtp.starttls(context=ctx)
            smtp.login(SMTP_USER, SMTP_PASSWORD)
            smtp.send_message(msg)

    def send_with_fallback(self, to: str, subject: str, html: str, text: str) -> str:
        try:
            return self.send(to, subject, html)
        except (requests.RequestException, MailError) as exc:
            log.warning("API send failed (%r), falling back to SMTP", exc)
            self.send_smtp(to, subject, text)
            return "smtp"

    def suppression_status(self, email: str) -> dict:
        resp = self.session.get(f"{API_BASE}/suppressions", params={"email": email}, timeout=self.timeout)
        resp.raise_for_status()
        return resp.json()
