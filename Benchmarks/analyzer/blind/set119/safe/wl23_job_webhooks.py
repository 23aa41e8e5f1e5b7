"""Deliver job-status callbacks to client systems.

When a translation job changes state the API enqueues an event; this worker
POSTs it to the ``callback_url`` the client supplied when creating the job.
"""
import hashlib
import hmac
import ipaddress
import json
import logging
import os
import socket
import time
from urllib.parse import urlsplit

import pika
import requests

log = logging.getLogger("webhooks")
SIGNING_SECRET = os.environ["WEBHOOK_SIGNING_SECRET"].encode()
MAX_ATTEMPTS = 5


def callback_allowed(url: str, registered_domains: list) -> bool:
    parts = urlsplit(url)
    host = (parts.hostname or "").lower()
    if parts.scheme != "https" or not host:
        return False
    if not any(host == d or host.endswith("." + d) for d in registered_domains):
        return False
    try:
        infos = socket.getaddrinfo(host, parts.port or 443, proto=socket.IPPROTO_TCP)
    except socket.gaierror:
        return False
    return all(ipaddress.ip_address(info[4][0]).is_global for info in infos)


class WebhookDelivery:
    def __init__(self, session: requests.Session):
        self.session = session

    @staticmethod
    def sign(body: bytes) -> str:
        return hmac.new(SIGNING_SECRET, body, hashlib.sha256).hexdigest()

    def deliver(self, event: dict) -> bool:
        target = event["callback_url"]
        if not callback_allowed(target, event.get("client_domains") or []):
            log.warning("callback for job %r rejected: %r not registered", event["job_id"], target)
            return False
        body = json.dumps({
            "job_id": event["job_id"],
            "status": event["status"],
            "target_lang": event.get("target_lang"),
            "download_url": event.get("download_url"),
            "ts": int(time.time()),
        }).encode()
        headers = {"Content-Type": "application/json", "X-Lingvo-Signature": self.sign(body)}
        for attempt in range(1, MAX_ATTEMPTS + 1):
            try:
                resp = self.session.post(target, data=body, headers=headers, timeout=10, allow_redirects=False)
                if resp.status_code < 300:
                    return True
                log.info("callback for job %r got HTTP %d", event["job_id"], resp.status_code)
            except requests.RequestException as exc:
                log.info("callback for job %r failed: %s", event["job_id"], type(exc).__name__)
            time.sleep(min(2 ** attempt, 30))
        return False


def main() -> None:
    logging.basicConfig(level=logging.INFO)
    delivery = WebhookDelivery(requests.Session())
    conn = pika.BlockingConnection(pika.URLParameters(os.environ.get("AMQP_URL", "amqp://localhost")))
    channel = conn.channel()
    channel.queue_declare(queue="job-events", durable=True)

    def on_message(ch, method, properties, body):
        event = json.loads(body)
        if not event.get("callback_url"):
            ch.basic_ack(method.delivery_tag)
            return
        ok = delivery.deliver(event)
        if not ok:
            log.warning("giving up on callback for job %r", event.get("job_id"))
        ch.basic_ack(method.delivery_tag)

    channel.basic_qos(prefetch_count=4)
    channel.basic_consume(queue="job-events", on_message_callback=on_message)
    channel.start_consuming()


if __name__ == "__main__":
    main()
