"""Small relay service that lets internal tools post notifications to chat webhooks."""
import logging
import os
from dataclasses import dataclass, field
from urllib.parse import urlparse

import requests
from flask import Flask, jsonify, request

app = Flask(__name__)
logger = logging.getLogger("relay")
logging.basicConfig(level=logging.INFO)


@dataclass
class RelayConfig:
    default_webhook: str = os.environ.get("SLACK_DEFAULT_WEBHOOK", "")
    request_timeout: float = 5.0
    max_text_len: int = 3000
    allowed_hosts: frozenset = frozenset({"hooks.slack.com"})
    extra_headers: dict = field(default_factory=lambda: {"User-Agent": "notify-relay/1.4"})


CONFIG = RelayConfig()


class Notification:
    def __init__(self, body: dict):
        self.channel = body.get("channel", "#general")
        self.text = (body.get("text") or "")[: CONFIG.max_text_len]
        self.target = body.get("webhook_url") or CONFIG.default_webhook
        self.username = body.get("username", "relay-bot")

    def payload(self) -> dict:
        return {"channel": self.channel, "text": self.text, "username": self.username}


def _is_allowed(url: str) -> bool:
    parts = urlparse(url)
    return parts.scheme == "https" and parts.hostname in CONFIG.allowed_hosts


def deliver(note: Notification) -> int:
    url = note.target
    if not _is_allowed(url):
        raise ValueError("webhook host not permitted")
    resp = requests.post(
        url,
        json=note.payload(),
        headers=CONFIG.extra_headers,
        timeout=CONFIG.request_timeout,
        allow_redirects=False,
    )
    return resp.status_code


@app.route("/relay", methods=["POST"])
def relay():
    body = request.get_json(silent=True) or {}
    note = Notification(body)
    if not note.text:
        return jsonify(error="text is required"), 400

    logger.info("relaying message to channel %r as %r", note.channel, note.username)
    try:
        status = deliver(note)
    except ValueError:
        return jsonify(error="webhook_url must point to an approved host"), 400
    except requests.RequestException as exc:
        logger.error("delivery failed: %s", exc)
        return jsonify(error="upstream unavailable"), 502

    return jsonify(delivered=status < 300, upstream_status=status)


@app.route("/healthz")
def healthz():
    return "ok"


if __name__ == "__main__":
    app.run(port=int(os.environ.get("PORT", "8085")))
