import json
import logging
import os

import boto3
import requests

logger = logging.getLogger()
logger.setLevel(logging.INFO)

dynamodb = boto3.resource("dynamodb")
subscriptions = dynamodb.Table(os.environ["SUBSCRIPTIONS_TABLE"])
CHALLENGE_TOKEN = "fleet-telemetry-v1"


def _response(status, body):
    return {"statusCode": status, "headers": {"Content-Type": "application/json"}, "body": json.dumps(body)}


def _caller_tenant(event):
    claims = event.get("requestContext", {}).get("authorizer", {}).get("claims", {})
    return claims.get("custom:tenant_id")


def register_callback(tenant, vehicle_group, callback_url):
    subscriptions.put_item(Item={"tenant": tenant, "group": vehicle_group, "callback_url": callback_url})


def verify_callback(callback_url):
    probe = requests.get(callback_url, params={"challenge": CHALLENGE_TOKEN}, timeout=5)  # VULN flow
    return probe.status_code == 200 and CHALLENGE_TOKEN in probe.text, probe.text[:300]


def lambda_handler(event, context):
    tenant = _caller_tenant(event)
    if not tenant:
        return _response(401, {"error": "unauthenticated"})
    try:
        body = json.loads(event.get("body") or "{}")
    except json.JSONDecodeError:
        return _response(400, {"error": "invalid json"})
    group = body.get("vehicle_group")
    url = body.get("callback_url", "")
    if not group or not url:
        return _response(400, {"error": "vehicle_group and callback_url required"})
    try:
        ok, preview = verify_callback(url)
    except requests.RequestException:
        return _response(422, {"error": "callback unreachable"})
    if not ok:
        return _response(422, {"error": "callback did not echo the challenge", "preview": preview})
    register_callback(tenant, group, url)
    logger.info("tenant %r registered callback for group %r", tenant, group)
    return _response(201, {"vehicle_group": group, "callback_url": url})
