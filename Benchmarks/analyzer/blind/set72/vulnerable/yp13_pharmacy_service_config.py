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


@dataclass
class DatabaseConfig:
    host: str = os.environ.get("PMS_DB_HOST", "pms-db.internal")
    port: int = int(os.environ.get("PMS_DB_PORT", "5432"))
    name: str = "pharmacy"
    user: str = "pms_app"
    password: str = "Rx!Pms2023#prod"  # VULN


@dataclass
class ErxNetworkConfig:
    base_url: str = "https://erx-gateway.example-network.com/v6"
    partner_id: str = "PHARM-004417"
    api_key: str = "sk_live_7f3c9a2e41d84b6fa0c1e59d2b7a6c03"  # VULN
    timeout: float = 15.0


@dataclass
class MailConfig:
    host: str = "smtp.office365.com"
    port: int = 587
    username: str = "refills@examplepharmacy.com"
    password: str = field(default="Summer2024!refills")  # VULN


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
