import base64
import functools
import logging
import os
import secrets
from datetime import datetime, timedelta, timezone

import boto3
from boto3.dynamodb.conditions import Attr
from Crypto.Cipher import AES

logger = logging.getLogger()
logger.setLevel(logging.INFO)

devices = boto3.resource("dynamodb").Table(os.environ["DEVICE_TABLE"])
events = boto3.client("events")
secrets_manager = boto3.client("secretsmanager")


@functools.lru_cache(maxsize=1)
def vault_key() -> bytes:
    return secrets_manager.get_secret_value(SecretId=os.environ["DEVICE_VAULT_KEY_ARN"])["SecretBinary"]


def seal(secret: bytes) -> str:
    cipher = AES.new(vault_key(), AES.MODE_GCM)
    ciphertext, tag = cipher.encrypt_and_digest(secret)
    return base64.b64encode(cipher.nonce + tag + ciphertext).decode()


def devices_due(cutoff: datetime):
    kwargs = {"FilterExpression": Attr("rotated_at").lt(cutoff.isoformat()) & Attr("status").eq("active")}
    while True:
        page = devices.scan(**kwargs)
        yield from page.get("Items", [])
        if "LastEvaluatedKey" not in page:
            return
        kwargs["ExclusiveStartKey"] = page["LastEvaluatedKey"]


def rotate(device: dict, now: datetime) -> None:
    new_secret = secrets.token_bytes(32)
    devices.update_item(
        Key={"device_id": device["device_id"]},
        UpdateExpression="SET sealed_secret = :s, rotated_at = :t, pending_push = :p",
        ExpressionAttributeValues={":s": seal(new_secret), ":t": now.isoformat(), ":p": True},
    )


def lambda_handler(event, context):
    detail = event.get("detail") or {}
    max_age = timedelta(days=int(detail.get("max_age_days", 30)))
    now = datetime.now(timezone.utc)
    rotated = 0
    for device in devices_due(now - max_age):
        rotate(device, now)
        rotated += 1
    events.put_events(Entries=[{
        "Source": "fleet.credentials",
        "DetailType": "DeviceSecretsRotated",
        "Detail": '{"rotated": %d}' % rotated,
    }])
    logger.info("rotated secrets for %d devices", rotated)
    return {"rotated": rotated}
