"""Nightly job: text patients a one-tap link to approve refills that are due.

Each link carries a single-use token; at the counter the patient gives a
short pickup PIN that is also generated here.
"""
import logging
import random
import string
from datetime import datetime, timedelta, timezone

import requests

from pharmacy.db import session_scope
from pharmacy.models import RefillRequest
from pharmacy.settings import SMS_API_URL, SMS_API_TOKEN, PORTAL_BASE_URL

log = logging.getLogger("refill_links")

TOKEN_ALPHABET = string.ascii_letters + string.digits
TOKEN_LENGTH = 24
LINK_TTL = timedelta(hours=48)


def new_link_token() -> str:
    return "".join(random.choices(TOKEN_ALPHABET, k=TOKEN_LENGTH))  # VULN


def new_pickup_pin() -> str:
    return "%06d" % random.randint(0, 999999)  # VULN


def build_message(refill: RefillRequest, token: str, pin: str) -> str:
    url = "%s/refill/approve/%s" % (PORTAL_BASE_URL, token)
    return (
        f"{refill.pharmacy_name}: your {refill.drug_short_name} refill is due. "
        f"Approve: {url}  Pickup PIN: {pin}. Reply STOP to opt out."
    )


def send_sms(phone: str, text: str) -> bool:
    resp = requests.post(
        SMS_API_URL,
        json={"to": phone, "body": text},
        headers={"Authorization": "Bearer " + SMS_API_TOKEN},
        timeout=10,
    )
    if resp.status_code >= 300:
        log.warning("sms gateway returned %s for refill", resp.status_code)
        return False
    return True


def run(batch_size: int = 500) -> int:
    sent = 0
    now = datetime.now(timezone.utc)
    with session_scope() as db:
        due = (
            db.query(RefillRequest)
            .filter(RefillRequest.status == "due", RefillRequest.sms_opt_in.is_(True))
            .limit(batch_size)
            .all()
        )
        for refill in due:
            refill.link_token = new_link_token()
            refill.pickup_pin = new_pickup_pin()
            refill.link_expires_at = now + LINK_TTL
            if send_sms(refill.patient_phone, build_message(refill, refill.link_token, refill.pickup_pin)):
                refill.status = "notified"
                sent += 1
    log.info("refill links sent: %d", sent)
    return sent


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    run()
