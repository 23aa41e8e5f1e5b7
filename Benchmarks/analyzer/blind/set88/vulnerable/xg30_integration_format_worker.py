"""Formats outbound integration messages before they are posted to chat.

The integration builder composes a formatting callable for each workspace
integration, serializes it and publishes jobs on ``integration.format``.
This worker applies the transform and posts the result to the chat API.
"""
import base64
import json
import logging
import os

import dill
import pika
import requests

QUEUE = "integration.format"
CHAT_API = os.environ.get("CHAT_API_URL", "http://chat-api.internal:8080")
log = logging.getLogger("integration.worker")


class TransformCache:
    def __init__(self, size: int = 256):
        self.size = size
        self._items = {}

    def get(self, key, loader):
        if key not in self._items:
            if len(self._items) >= self.size:
                self._items.pop(next(iter(self._items)))
            self._items[key] = loader()
        return self._items[key]


cache = TransformCache()


def load_transform(job: dict):
    blob = base64.b64decode(job["transform"])
    return dill.loads(blob)  # VULN flow


def post_to_channel(channel_id: str, text: str) -> None:
    resp = requests.post(
        f"{CHAT_API}/internal/channels/{channel_id}/messages",
        json={"text": text, "as_bot": True},
        headers={"X-Internal-Token": os.environ["CHAT_INTERNAL_TOKEN"]},
        timeout=5,
    )
    resp.raise_for_status()


def handle(channel, method, _props, body: bytes) -> None:
    try:
        job = json.loads(body)
        transform = cache.get(job["integration_id"], lambda: load_transform(job))
        text = transform(job["event"])
        post_to_channel(job["channel_id"], str(text)[:4000])
    except Exception:
        log.exception("job failed, dropping")
        channel.basic_nack(delivery_tag=method.delivery_tag, requeue=False)
        return
    channel.basic_ack(delivery_tag=method.delivery_tag)


def main() -> None:
    logging.basicConfig(level=logging.INFO)
    params = pika.URLParameters(os.environ.get("AMQP_URL", "amqp://guest:guest@localhost:5672/%2F"))
    conn = pika.BlockingConnection(params)
    ch = conn.channel()
    ch.queue_declare(queue=QUEUE, durable=True)
    ch.basic_qos(prefetch_count=10)
    ch.basic_consume(queue=QUEUE, on_message_callback=handle)
    log.info("waiting for jobs on %s", QUEUE)
    ch.start_consuming()


if __name__ == "__main__":
    main()
