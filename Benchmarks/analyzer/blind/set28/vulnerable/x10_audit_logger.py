"""AWS Lambda handler that authenticates API clients against DynamoDB."""
import base64
import hashlib
import hmac
import json
import logging
import os
import secrets
import time

import boto3

logger = logging.getLogger()
logger.setLevel(logging.INFO)

_dynamodb = boto3.resource("dynamodb")
CLIENTS = _dynamodb.Table(os.environ["CLIENTS_TABLE"])
SESSIONS = _dynamodb.Table(os.environ["SESSIONS_TABLE"])
SESSION_TTL = 3600
PBKDF2_ROUNDS = 600_000


def verify_secret(secret: str, stored_hash: str, salt_b64: str) -> bool:
    salt = base64.b64decode(salt_b64)
    candidate = hashlib.pbkdf2_hmac("sha256", secret.encode("utf-8"), salt, PBKDF2_ROUNDS)
    return hmac.compare_digest(candidate.hex(), stored_hash)


def _response(status: int, body: dict) -> dict:
    return {
        "statusCode": status,
        "headers": {"Content-Type": "application/json", "Cache-Control": "no-store"},
        "body": json.dumps(body),
    }


def record_failure(client_id: str, source_ip: str, user_agent: str, reason: str) -> None:
    logger.warning(f"auth failure client={client_id} ip={source_ip} ua={user_agent} reason={reason}")  # VULN flow


def issue_session(client_id: str) -> str:
    token = secrets.token_urlsafe(32)
    SESSIONS.put_item(
        Item={
            "token_hash": hashlib.sha256(token.encode("ascii")).hexdigest(),
            "client_id": client_id,
            "expires_at": int(time.time()) + SESSION_TTL,
        }
    )
    return token


def handler(event, context):
    try:
        body = json.loads(event.get("body") or "{}")
    except json.JSONDecodeError:
        return _response(400, {"error": "invalid json"})
    client_id = str(body.get("client_id", ""))
    client_secret = str(body.get("client_secret", ""))
    if not client_id or not client_secret:
        return _response(400, {"error": "client_id and client_secret are required"})
    identity = event.get("requestContext", {}).get("identity", {})
    source_ip = identity.get("sourceIp", "unknown")
    user_agent = (event.get("headers") or {}).get("User-Agent", "")

    item = CLIENTS.get_item(Key={"client_id": client_id}).get("Item")
    if item is None:
        record_failure(client_id, source_ip, user_agent, "unknown client")
        return _response(401, {"error": "invalid credentials"})
    if not verify_secret(client_secret, item["secret_hash"], item["salt"]):
        record_failure(client_id, source_ip, user_agent, "secret mismatch")
        return _response(401, {"error": "invalid credentials"})

    token = issue_session(client_id)
    logger.info("issued session for client %r", client_id)
    return _response(200, {"access_token": token, "token_type": "Bearer", "expires_in": SESSION_TTL})
