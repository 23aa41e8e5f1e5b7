"""Receives status updates from the background-check vendor and gives
candidates a no-login status page link ("Check the progress of your
screening") that is emailed to them."""
import hashlib
import hmac
import logging
import os

from flask import Flask, abort, jsonify, render_template, request

from ats.screening import ScreeningRepository

app = Flask(__name__)
log = logging.getLogger("screening.webhook")
repo = ScreeningRepository()

VENDOR_WEBHOOK_SECRET = os.environ["SCREENING_WEBHOOK_SECRET"]
STATUS_LINK_KEY = os.environ["SCREENING_STATUS_LINK_KEY"].encode("utf-8")
STATUS_LINK_BASE = "https://careers.example.com/screening/status"
KNOWN_STATUSES = {"pending", "in_progress", "consider", "clear", "suspended", "cancelled"}


def status_token(candidate_id: int, order_id: str) -> str:
    material = f"{candidate_id}:{order_id}"
    return hmac.new(STATUS_LINK_KEY, material.encode("utf-8"), hashlib.sha256).hexdigest()


def status_link(candidate_id: int, order_id: str) -> str:
    return f"{STATUS_LINK_BASE}/{candidate_id}/{order_id}?t={status_token(candidate_id, order_id)}"


def verify_vendor_signature(body: bytes, signature: str) -> bool:
    expected = hmac.new(VENDOR_WEBHOOK_SECRET.encode(), body, hashlib.sha256).hexdigest()
    return hmac.compare_digest(expected, signature or "")


@app.route("/webhooks/screening", methods=["POST"])
def screening_webhook():
    if not verify_vendor_signature(request.get_data(), request.headers.get("X-Signature")):
        abort(401)
    event = request.get_json(force=True)
    order_id = event["order_id"]
    status = event.get("status")
    if status not in KNOWN_STATUSES:
        log.info("ignoring unknown screening status for order %r", order_id)
        return jsonify(ok=True)
    order = repo.update_status(order_id, status, event.get("completed_at"))
    if order is not None and status in {"consider", "clear"}:
        repo.queue_candidate_email(order.candidate_id, template="screening-complete",
                                   link=status_link(order.candidate_id, order_id))
    return jsonify(ok=True)


@app.route("/screening/status/<int:candidate_id>/<order_id>")
def candidate_status_page(candidate_id: int, order_id: str):
    token = request.args.get("t", "")
    if not hmac.compare_digest(status_token(candidate_id, order_id), token):
        abort(404)
    order = repo.get(order_id)
    if order is None or order.candidate_id != candidate_id:
        abort(404)
    return render_template("screening_status.html", order=order)
