"""SDK wrapper around the TextCare SMS gateway used for appointment and
recall reminders.  Every message includes a one-click opt-out link."""
import hashlib
import logging
import os
from dataclasses import dataclass
from typing import Optional

import requests

log = logging.getLogger("sms_gateway")

GATEWAY_URL = "https://api.textcare-sms.com/v1/messages"
PORTAL_URL = os.environ.get("PORTAL_URL", "https://portal.lakeside-dental.com")


@dataclass
class GatewayConfig:
    account_sid: str
    auth_token: str
    sender: str
    signing_secret: str

    @classmethod
    def from_env(cls) -> "GatewayConfig":
        return cls(os.environ["TEXTCARE_SID"], os.environ["TEXTCARE_TOKEN"],
                   os.environ.get("TEXTCARE_SENDER", "+15550102200"),
                   os.environ["OPTOUT_SIGNING_SECRET"])


class ReminderSMSClient:
    def __init__(self, config: GatewayConfig, timeout: float = 10.0):
        self.config = config
        self.timeout = timeout
        self.session = requests.Session()
        self.session.auth = (config.account_sid, config.auth_token)

    def optout_token(self, patient_id: int, phone: str) -> str:
        raw = f"{self.config.signing_secret}:{patient_id}:{phone}"
        return hashlib.md5(raw.encode("utf-8")).hexdigest()  # VULN

    def verify_optout(self, patient_id: int, phone: str, token: str) -> bool:
        return token == self.optout_token(patient_id, phone)

    def optout_link(self, patient_id: int, phone: str) -> str:
        return f"{PORTAL_URL}/sms/optout/{patient_id}/{self.optout_token(patient_id, phone)}"

    def send(self, to: str, body: str, patient_id: Optional[int] = None) -> str:
        if patient_id is not None:
            body = f"{body}\nStop reminders: {self.optout_link(patient_id, to)}"
        payload = {"From": self.config.sender, "To": to, "Body": body}
        resp = self.session.post(GATEWAY_URL, data=payload, timeout=self.timeout, verify=False)  # VULN
        if resp.status_code != 201:
            log.error("gateway rejected message to patient %s: %s", patient_id, resp.status_code)
            resp.raise_for_status()
        message_id = resp.json()["sid"]
        log.info("queued reminder %s for patient %s", message_id, patient_id)
        return message_id

    def status(self, message_id: str) -> dict:
        resp = self.session.get(f"{GATEWAY_URL}/{message_id}", timeout=self.timeout)
        resp.raise_for_status()
        return resp.json()
