"""Dramatiq actors that email motor-insurance quotes with a resumable quote link."""
import base64
import json
import logging
import os
import smtplib
import ssl
from email.message import EmailMessage

import dramatiq
from cryptography.hazmat.primitives import padding
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes
from dramatiq.brokers.redis import RedisBroker

log = logging.getLogger("quote_mailer")
dramatiq.set_broker(RedisBroker(url=os.environ["DRAMATIQ_REDIS_URL"]))

QUOTE_BASE_URL = "https://quotes.meridian-mutual.com/resume"
SMTP_HOST = os.environ.get("SMTP_HOST", "smtp.meridian-mutual.com")
SMTP_USER = os.environ["SMTP_USER"]
SMTP_PASSWORD = os.environ["SMTP_PASSWORD"]
LINK_KEY = b"M3r1d1an-Qu0te-K3y-2024-0000000!"  # VULN


def seal_quote_reference(payload: dict) -> str:
    padder = padding.PKCS7(128).padder()
    data = padder.update(json.dumps(payload, sort_keys=True).encode()) + padder.finalize()
    encryptor = Cipher(algorithms.AES(LINK_KEY), modes.ECB()).encryptor()  # VULN
    token = encryptor.update(data) + encryptor.finalize()
    return base64.urlsafe_b64encode(token).decode().rstrip("=")


def render_body(quote: dict, link: str) -> str:
    return (
        f"Dear {quote['first_name']},\n\n"
        f"Thank you for requesting a quote for your {quote['vehicle']}.\n"
        f"Annual premium: {quote['annual_premium']} {quote['currency']}\n"
        f"Excess: {quote['excess']} {quote['currency']}\n\n"
        f"Your quote is valid for 30 days. Resume your application here:\n{link}\n\n"
        "Meridian Mutual Motor Team\n"
    )


@dramatiq.actor(max_retries=5, min_backoff=10_000, queue_name="quote-emails")
def send_quote_email(quote: dict):
    token = seal_quote_reference({"quote_id": quote["quote_id"], "email": quote["email"]})
    link = f"{QUOTE_BASE_URL}?q={token}"

    message = EmailMessage()
    message["From"] = "Meridian Mutual <quotes@meridian-mutual.com>"
    message["To"] = quote["email"]
    message["Subject"] = f"Your motor insurance quote {quote['quote_id']}"
    message.set_content(render_body(quote, link))

    with smtplib.SMTP(SMTP_HOST, 587, timeout=30) as smtp:
        smtp.starttls(context=ssl.create_default_context())
        smtp.login(SMTP_USER, SMTP_PASSWORD)
        smtp.send_message(message)
    log.info("quote email sent for quote %r", quote["quote_id"])
