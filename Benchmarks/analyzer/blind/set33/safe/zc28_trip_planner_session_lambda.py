"""API Gateway Lambda that saves and restores trip-planner calculator sessions."""
import base64
import binascii
import json
import logging
import os
import uuid

import boto3

s3 = boto3.client("s3")
SESSION_BUCKET = os.environ["SESSION_BUCKET"]
logger = logging.getLogger()
logger.setLevel(logging.INFO)


def _response(status, body):
    return {
        "statusCode": status,
        "headers": {"Content-Type": "application/json", "Cache-Control": "no-store"},
        "body": json.dumps(body),
    }


def _body(event):
    raw = event.get("body") or "{}"
    if event.get("isBase64Encoded"):
        raw = base64.b64decode(raw).decode("utf-8")
    return json.loads(raw)


def restore_state(encoded: str) -> dict:
    state = json.loads(base64.urlsafe_b64decode(encoded))
    return {
        "legs": [str(leg) for leg in state.get("legs", [])][:20],
        "travellers": int(state.get("travellers", 1)),
        "currency": str(state.get("currency", "EUR"))[:3],
    }


def save_session(owner: str, state: dict) -> str:
    session_id = uuid.uuid4().hex
    s3.put_object(
        Bucket=SESSION_BUCKET,
        Key=f"sessions/{owner}/{session_id}.json",
        Body=json.dumps(state).encode("utf-8"),
        ContentType="application/json",
    )
    return session_id


def handler(event, context):
    route = event.get("routeKey", "")
    claims = event.get("requestContext", {}).get("authorizer", {}).get("jwt", {}).get("claims", {})
    owner = claims.get("sub")
    if not owner:
        return _response(401, {"message": "unauthorized"})
    try:
        body = _body(event)
    except (ValueError, binascii.Error):
        return _response(400, {"message": "invalid request body"})
    if route == "POST /sessions/restore":
        try:
            state = restore_state(body["state"])
        except (KeyError, ValueError, TypeError, AttributeError, binascii.Error):
            return _response(400, {"message": "could not restore session"})
        session_id = save_session(owner, state)
        logger.info("restored session %s", session_id)
        return _response(201, {"session_id": session_id, "state": state})
    return _response(404, {"message": "route not found"})
