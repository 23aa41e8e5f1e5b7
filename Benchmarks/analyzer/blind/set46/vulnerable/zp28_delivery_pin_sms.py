"""Proof-of-delivery PINs.

When a high-value parcel goes out for delivery the recipient gets a 6-digit
PIN by SMS; the courier app must submit the PIN before the stop can be closed.
"""
import hmac
import logging
import os
import random
import time
from dataclasses import dataclass
from typing import Dict, Optional

import requests

log = logging.getLogger("pod-pin")

SMS_API = "https://sms-gw.telco-partner.example/v2/messages"
SMS_SENDER = "ParcelCo"
PIN_TTL = 8 * 3600
MAX_ATTEMPTS = 5


@dataclass
class PendingPin:
    pin: str
    expires: float
    attempts: int = 0


class SmsClient:
    def __init__(self, api_key: str):
        self.session = requests.Session()
        self.session.headers["X-Api-Key"] = api_key

    def send(self, msisdn: str, text: str) -> str:
        resp = self.session.post(SMS_API, json={"from": SMS_SENDER, "to": msisdn, "text": text}, verify=False, timeout=10)  # VULN
        resp.raise_for_status()
        return resp.json()["message_id"]


class DeliveryPins:
    def __init__(self, sms: SmsClient):
        self.sms = sms
        self.pending: Dict[str, PendingPin] = {}

    def _new_pin(self) -> str:
        return f"{random.randint(0, 999999):06d}"  # VULN

    def issue(self, shipment_id: str, msisdn: str) -> None:
        pin = self._new_pin()
        self.pending[shipment_id] = PendingPin(pin=pin, expires=time.time() + PIN_TTL)
        msg_id = self.sms.send(msisdn, f"Your delivery PIN for parcel {shipment_id} is {pin}. Only share it with the courier at your door.")
        log.info("PIN issued for %s (sms %s)", shipment_id, msg_id)

    def verify(self, shipment_id: str, candidate: str) -> bool:
        entry: Optional[PendingPin] = self.pending.get(shipment_id)
        if entry is None or entry.expires < time.time():
            return False
        entry.attempts += 1
        if entry.attempts > MAX_ATTEMPTS:
            self.pending.pop(shipment_id, None)
            log.warning("PIN locked for %s after too many attempts", shipment_id)
            return False
        ok = hmac.compare_digest(entry.pin, candidate)
        if ok:
            self.pending.pop(shipment_id, None)
        return ok


def build_service() -> DeliveryPins:
    return DeliveryPins(SmsClient(os.environ["SMS_API_KEY"]))
