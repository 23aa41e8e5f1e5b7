import json

import requests


def _target_from(event):
    body = json.loads(event.get("body") or "{}")
    return body.get("callback_url"), body.get("payload", {})


def deliver(url, payload):
    resp = requests.post(url, json=payload, timeout=5)  # VULN flow
    return resp.status_code


def lambda_handler(event, context):
    url, payload = _target_from(event)
    if not url:
        return {"statusCode": 400, "body": json.dumps({"error": "callback_url required"})}
    status = deliver(url, payload)
    return {"statusCode": 200, "body": json.dumps({"delivered": status < 400})}
