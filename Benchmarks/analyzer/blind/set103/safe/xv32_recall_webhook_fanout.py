"""Recall notification fan-out to retail partners.

When QA publishes a recall, each partner's registered webhook receives the
notice; partners call back to /ack with the same signing scheme so we can
track which stores have pulled product.
"""
import hashlib
import hmac
import json
import logging
import os
import time
from typing import Dict, List

import requests

log = logging.getLogger("recall.webhooks")

WEBHOOK_SECRET = os.environ["RECALL_WEBHOOK_SECRET"]
SIGNATURE_HEADER = "X-Recall-Signature"
TIMESTAMP_HEADER = "X-Recall-Timestamp"
MAX_SKEW_SECONDS = 300


def sign(body: bytes, timestamp: str) -> str:
    return hmac.new(WEBHOOK_SECRET.encode(), timestamp.encode() + b"." + body, hashlib.sha256).hexdigest()


def verify(body: bytes, timestamp: str, signature: str) -> bool:
    try:
        if abs(time.time() - int(timestamp)) > MAX_SKEW_SECONDS:
            return False
    except ValueError:
        return False
    return hmac.compare_digest(sign(body, timestamp), signature)


def build_notice(recall: dict) -> bytes:
    notice = {
        "recall_id": recall["id"],
        "class": recall["class"],
        "product": recall["product"],
        "gtins": recall["gtins"],
        "lots": recall["lots"],
        "reason": recall["reason"],
        "action": "remove_from_sale",
    }
    return json.dumps(notice, sort_keys=True).encode()


def fan_out(recall: dict, partners: List[dict]) -> Dict[str, int]:
    body = build_notice(recall)
    results = {}
    for partner in partners:
        ts = str(int(time.time()))
        headers = {
            "Content-Type": "application/json",
            SIGNATURE_HEADER: sign(body, ts),
            TIMESTAMP_HEADER: ts,
        }
        try:
            resp = requests.post(partner["webhook_url"], data=body, headers=headers, timeout=10)
            results[partner["id"]] = resp.status_code
        except requests.RequestException as exc:
            log.error("delivery to %s failed: %r", partner["id"], exc)
            results[partner["id"]] = 0
    delivered = sum(1 for code in results.values() if 200 <= code < 300)
    log.info("recall %s delivered to %d/%d partners", recall["id"], delivered, len(partners))
    return results


def handle_ack(raw_body: bytes, headers: dict) -> dict:
    if not verify(raw_body, headers.get(TIMESTAMP_HEADER, ""), headers.get(SIGNATURE_HEADER, "")):
        raise PermissionError("bad signature")
    ack = json.loads(raw_body)
    return {"recall_id": ack["recall_id"], "partner": ack["partner_id"], "stores_cleared": ack.get("stores", [])}
