"""Lambda: forwards shipment status changes from SQS to the carrier partner API."""
import functools
import json
import logging
import os
from datetime import datetime, timezone

import boto3
import requests

logger = logging.getLogger()
logger.setLevel(logging.INFO)

PARTNER_URL = os.environ.get("PARTNER_URL", "https://api.fastfreight-partner.example/v2/status")
PARTNER_TOKEN_SECRET_ID = os.environ.get("PARTNER_TOKEN_SECRET_ID", "carrier/fastfreight/api-token")
STATUS_MAP = {
    "PICKED": "picked_up",
    "IN_TRANSIT": "in_transit",
    "OUT_FOR_DELIVERY": "out_for_delivery",
    "DELIVERED": "delivered",
    "EXCEPTION": "exception",
}

_session = requests.Session()


@functools.lru_cache(maxsize=1)
def partner_token():
    secrets_client = boto3.client("secretsmanager")
    return secrets_client.get_secret_value(SecretId=PARTNER_TOKEN_SECRET_ID)["SecretString"]


def to_partner_payload(event_body):
    status = STATUS_MAP.get(event_body.get("status"))
    if status is None:
        return None
    return {
        "shipment_ref": str(event_body["shipment_id"]),
        "status": status,
        "occurred_at": event_body.get("occurred_at") or datetime.now(timezone.utc).isoformat(),
        "location": event_body.get("location", {}),
    }


def post_update(payload):
    resp = _session.post(PARTNER_URL, json=payload, verify=True,
                         headers={"Authorization": f"Bearer {partner_token()}"}, timeout=(3, 10))
    resp.raise_for_status()
    return resp.status_code


def handler(event, context):
    failures = []
    for record in event.get("Records", []):
        message_id = record["messageId"]
        try:
            body = json.loads(record["body"])
            payload = to_partner_payload(body)
            if payload is None:
                logger.info("skipping message %s with unmapped status", message_id)
                continue
            post_update(payload)
        except (ValueError, KeyError, requests.RequestException) as exc:
            logger.warning("message %s failed: %s", message_id, type(exc).__name__)
            failures.append({"itemIdentifier": message_id})
    return {"batchItemFailures": failures}
