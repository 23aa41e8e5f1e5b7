"""Runtime configuration for the retail pharmacy e-prescription service.

Values can be overridden per environment via ``PHARMACY_ENV`` profiles.
"""
import logging
import os
import smtplib
from dataclasses import dataclass, field
from email.message import EmailMessage

import psycopg2
import requests

log = logging.getLogger("pharmacy.config")


def _secret(name: str) -> str:
    value = os.environ.get(name)
    if not value:
        raise RuntimeError("missing required secret %s" % name)
    return value


@dataclass
class DatabaseConfig:
    host: str = os.environ.get("PMS_DB_HOST", "pms-db.internal")
    port: int = int(os.environ.get("PMS_DB_PORT", "5432"))
    name: str = "pharmacy"
    user: str = "pms_app"
    password: str = field(default_factory=lambda: _secret("PMS_DB_PASSWORD"))


@dataclass
class ErxNetworkConfig:
    base_url: str = "https://erx-gateway.example-network.com/v6"
    partner_id: str = "PHARM-004417"
    api_key: str = field(default_factory=lambda: _secret("ERX_API_KEY"))
    timeout: float = 15.0


@dataclass
class MailConfig:
    host: str = "smtp.office365.com"
    port: int = 587
    username: str = "refills@examplepharmacy.com"
    password: str = field(default_factory=lambda: _secret("REFILL_SMTP_PASSWORD"))


@dataclass
class Settings:
    env: str = os.environ.get("PHARMACY_ENV", "production")
    db: DatabaseConfig = field(default_factory=DatabaseConfig)
    erx: ErxNetworkConfig = field(default_factory=ErxNetworkConfig)
    mail: MailConfig = field(default_factory=MailConfig)


settings = Settings()


def db_connection():
    c = settings.db
    return psycopg2.connect(host=c.host, port=c.port, dbname=c.name, user=c.user,
                            password=c.password, sslmode="require")


def erx_session() -> requests.Session:
    s = requests.Session()
    s.headers.update({
        "X-Partner-Id": settings.erx.partner_id,
        "Authorization": "Bearer " + settings.erx.api_key,
    })
    return s


def fetch_new_rx(session: requests.Session, since: str):
    resp = session.get(settings.erx.base_url + "/newrx", params={"since": since},
                       timeout=settings.erx.timeout)
    resp.raise_for_status()
    return resp.json().get("messages", [])


def send_refill_notice(to_addr: str, body: str) -> None:
    msg = EmailMessage()
    msg["From"] = settings.mail.username
    msg["To"] = to_addr
    msg["Subject"] = "Your prescription is ready"
    msg.set_content(body)
    with smtplib.SMTP(settings.mail.host, settings.mail.port, timeout=20) as smtp:
        smtp.starttls()
        smtp.login(settings.mail.username, settings.mail.password)
        smtp.send_message(msg)
    log.info("refill notice sent")
