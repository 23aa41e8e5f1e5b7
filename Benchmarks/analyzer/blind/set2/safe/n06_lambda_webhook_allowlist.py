import json
from urllib.parse import urlparse

import requests

ALLOWED_HOSTS = {"hooks.slack.com", "events.pagerduty.com", "hooks.partner.example.com"}


def _target_from(event):
    body = json.loads(event.get("body") or "{}")
    return body.get("callback_url", ""), body.get("payload", {})


def checked_url(url):
    parts = urlparse(url)
    if parts.scheme != "https" or parts.hostname not in ALLOWED_HOSTS:
        raise ValueError("callback host not allowed")
    return parts.geturl()


def lambda_handler(event, context):
    url, payload = _target_from(event)
    try:
        target = checked_url(url)
    except ValueError as exc:
        return {"statusCode": 400, "body": json.dumps({"error": str(exc)})}
    resp = requests.post(target, json=payload, timeout=5, allow_redirects=False)
    return {"statusCode": 200, "body": json.dumps({"delivered": resp.status_code < 400})}
