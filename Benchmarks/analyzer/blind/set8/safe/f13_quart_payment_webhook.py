"""Receives settlement webhooks from the payment provider (Quart)."""
import hashlib
import hmac
import json
import logging
import os
import uuid

from quart import Quart, jsonify, request

app = Quart(__name__)
log = logging.getLogger("psp.webhooks")

WEBHOOK_SECRET = os.environ["PSP_WEBHOOK_SECRET"].encode()
PROCESSED: set[str] = set()


def verify_signature(body: bytes, signature: str) -> bool:
    expected = hmac.new(WEBHOOK_SECRET, body, hashlib.sha256).hexdigest()
    return hmac.compare_digest(expected, signature or "")


def delivery_id(raw) -> str:
    try:
        return str(uuid.UUID(str(raw)))
    except ValueError:
        return "invalid"


async def apply_settlement(event: dict) -> None:
    settlement = event["data"]
    amount = int(settlement["amount_minor"])
    if amount < 0:
        raise ValueError("negative settlement amount")
    # ledger write elided: posts to the accounting service
    PROCESSED.add(event["id"])


@app.post("/webhooks/psp")
async def psp_webhook():
    body = await request.get_data()
    log.info("webhook delivery %s received", delivery_id(request.headers.get("X-Delivery-Id")))
    if not verify_signature(body, request.headers.get("X-Signature", "")):
        return jsonify({"error": "bad signature"}), 401

    try:
        event = json.loads(body)
        if event["id"] in PROCESSED:
            return jsonify({"status": "duplicate"}), 200
        if event["type"] == "settlement.completed":
            await apply_settlement(event)
    except Exception:
        log.exception("failed to process webhook")
        return jsonify({"error": "internal error"}), 500
    return jsonify({"status": "accepted"}), 202


@app.get("/healthz")
async def health():
    return jsonify({"processed": len(PROCESSED)})


if __name__ == "__main__":
    app.run(host="127.0.0.1", port=5080, debug=False)
