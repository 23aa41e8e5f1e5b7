"""Receives settlement webhooks from the payment provider (Quart)."""
import hashlib
import hmac
import json
import os
import traceback

from quart import Quart, jsonify, request

app = Quart(__name__)

WEBHOOK_SECRET = os.environ["PSP_WEBHOOK_SECRET"].encode()
PROCESSED: set[str] = set()


def verify_signature(body: bytes, signature: str) -> bool:
    expected = hmac.new(WEBHOOK_SECRET, body, hashlib.sha256).hexdigest()
    return hmac.compare_digest(expected, signature or "")


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
    app.logger.info("webhook delivery for merchant %s", request.args.get("merchant", "-"))  # VULN
    if not verify_signature(body, request.headers.get("X-Signature", "")):
        return jsonify({"error": "bad signature"}), 401

    try:
        event = json.loads(body)
        if event["id"] in PROCESSED:
            return jsonify({"status": "duplicate"}), 200
        if event["type"] == "settlement.completed":
            await apply_settlement(event)
    except Exception as exc:
        return jsonify({"error": str(exc), "trace": traceback.format_exc()}), 500  # VULN
    return jsonify({"status": "accepted"}), 202


@app.get("/healthz")
async def health():
    return jsonify({"processed": len(PROCESSED)})


if __name__ == "__main__":
    app.run(host="127.0.0.1", port=5080)
