"""SNS-triggered Lambda that forwards on-call alerts as SMS."""
import base64
import functools
import json
import logging
import os
import re
import ssl
import urllib.error
import urllib.request

import boto3

logger = logging.getLogger()
logger.setLevel(logging.INFO)

SMS_API_URL = "https://api.sms-gateway.example.net/v1/messages"
SMS_SECRET_ID = os.environ.get("SMS_SECRET_ID", "oncall/sms-gateway")
SENDER = "+15005550006"
E164 = re.compile(r"\+[1-9][0-9]{6,14}")
MAX_BODY = 320
SEVERITIES = {"info", "warning", "critical"}

secrets_client = boto3.client("secretsmanager")


@functools.lru_cache(maxsize=1)
def _credentials():
    secret = json.loads(secrets_client.get_secret_value(SecretId=SMS_SECRET_ID)["SecretString"])
    return secret["account_sid"], secret["auth_token"]


def _auth_header():
    account_sid, auth_token = _credentials()
    creds = f"{account_sid}:{auth_token}".encode()
    return "Basic " + base64.b64encode(creds).decode("ascii")


def send_sms(to, body):
    payload = json.dumps({"from": SENDER, "to": to, "body": body[:MAX_BODY]}).encode()
    req = urllib.request.Request(
        SMS_API_URL,
        data=payload,
        method="POST",
        headers={"Content-Type": "application/json", "Authorization": _auth_header()},
    )
    context = ssl.create_default_context()
    with urllib.request.urlopen(req, context=context, timeout=10) as resp:
        return json.loads(resp.read())


def handler(event, context):
    sent, skipped = 0, 0
    for record in event.get("Records", []):
        message = json.loads(record["Sns"]["Message"])
        oncall = message.get("oncall", [])
        recipients = [n for n in oncall if isinstance(n, str) and E164.fullmatch(n)]
        skipped += len(oncall) - len(recipients)
        severity = str(message.get("severity", "info")).lower()
        if severity not in SEVERITIES:
            severity = "info"
        text = f"[{severity.upper()}] {message.get('summary', '')}"
        for number in recipients:
            try:
                result = send_sms(number, text)
            except urllib.error.URLError as exc:
                logger.error("sms to %r failed: %r", number, exc)
                continue
            sent += 1
            logger.info("sms %r queued for %r", result.get("sid"), number)
    return {"sent": sent, "skipped": skipped}
