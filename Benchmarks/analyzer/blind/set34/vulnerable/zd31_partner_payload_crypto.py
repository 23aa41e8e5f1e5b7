"""Client for pushing encrypted order payloads to the logistics partner gateway."""
import base64
import hashlib
import hmac
import json
import os
import time
from dataclasses import asdict, dataclass

import requests
from Crypto.Cipher import DES
from Crypto.Util.Padding import pad, unpad

GATEWAY_URL = os.environ.get("PARTNER_GATEWAY_URL", "https://gateway.logi-partner.example/v1/orders")
PARTNER_KEY = b"Zk7#q2Lp"  # VULN
SIGNING_KEY = os.environ["PARTNER_SIGNING_KEY"].encode("utf-8")


@dataclass
class OrderPayload:
    order_id: str
    warehouse: str
    lines: list
    ship_by: str


def _cipher():
    return DES.new(PARTNER_KEY, DES.MODE_ECB)  # VULN


def encrypt_payload(payload):
    raw = json.dumps(asdict(payload), separators=(",", ":")).encode("utf-8")
    return base64.b64encode(_cipher().encrypt(pad(raw, DES.block_size))).decode("ascii")


def decrypt_payload(token):
    raw = unpad(_cipher().decrypt(base64.b64decode(token)), DES.block_size)
    return json.loads(raw)


def sign(body, timestamp):
    message = f"{timestamp}.{body}".encode("utf-8")
    return hmac.new(SIGNING_KEY, message, hashlib.sha256).hexdigest()


class PartnerClient:
    def __init__(self, session=None):
        self.session = session or requests.Session()

    def push_order(self, payload):
        body = json.dumps({"data": encrypt_payload(payload)})
        ts = str(int(time.time()))
        resp = self.session.post(
            GATEWAY_URL,
            data=body,
            headers={"Content-Type": "application/json", "X-Timestamp": ts, "X-Signature": sign(body, ts)},
            timeout=10,
        )
        resp.raise_for_status()
        return decrypt_payload(resp.json()["data"])
