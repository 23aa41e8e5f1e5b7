"""Worker that consumes build requests from RabbitMQ and hands them to the scheduler.

Messages are published by the API service and by the public webhook gateway.
"""
import json
import logging
import os
from dataclasses import dataclass, field
from typing import Dict, List

import pika
import requests

log = logging.getLogger("queue.builds")

AMQP_URL = os.environ.get("AMQP_URL", "amqp://localhost:5672/%2F")
SCHEDULER_URL = os.environ.get("SCHEDULER_URL", "http://scheduler.ci.internal:8080")
QUEUE_NAME = "build-requests"


@dataclass
class BuildRequest:
    repo: str
    ref: str
    pipeline: str = ".pipeline.yml"
    env: Dict[str, str] = field(default_factory=dict)
    labels: List[str] = field(default_factory=list)

    @classmethod
    def from_dict(cls, data: dict) -> "BuildRequest":
        if not isinstance(data, dict):
            raise ValueError("message must be a JSON object")
        repo, ref = data.get("repo"), data.get("ref")
        if not isinstance(repo, str) or not isinstance(ref, str):
            raise ValueError("repo and ref are required strings")
        env = data.get("env") or {}
        labels = data.get("labels") or []
        if not isinstance(env, dict) or not isinstance(labels, list):
            raise ValueError("env must be an object and labels a list")
        if not all(isinstance(k, str) and isinstance(v, str) for k, v in env.items()):
            raise ValueError("env must map strings to strings")
        return cls(repo=repo, ref=ref, pipeline=str(data.get("pipeline", ".pipeline.yml")),
                   env=dict(env), labels=[str(x) for x in labels])

    def to_dict(self) -> dict:
        return {"repo": self.repo, "ref": self.ref, "pipeline": self.pipeline,
                "env": self.env, "labels": self.labels}


def encode_message(req: BuildRequest) -> bytes:
    return json.dumps(req.to_dict()).encode("utf-8")


def decode_message(body: bytes) -> BuildRequest:
    text = body.decode("utf-8")
    obj = json.loads(text)
    return BuildRequest.from_dict(obj)


def schedule(req: BuildRequest) -> None:
    resp = requests.post(f"{SCHEDULER_URL}/api/pipelines", json=req.to_dict(), timeout=10)
    resp.raise_for_status()


def on_message(channel, method, properties, body: bytes) -> None:
    try:
        req = decode_message(body)
    except (ValueError, UnicodeDecodeError) as exc:
        log.error("dropping malformed message: %s", exc)
        channel.basic_nack(delivery_tag=method.delivery_tag, requeue=False)
        return
    try:
        schedule(req)
    except requests.RequestException as exc:
        log.warning("scheduler unavailable (%s), requeueing %r@%r", exc, req.repo, req.ref)
        channel.basic_nack(delivery_tag=method.delivery_tag, requeue=True)
        return
    channel.basic_ack(delivery_tag=method.delivery_tag)
    log.info("scheduled %r@%r", req.repo, req.ref)


def main() -> None:
    logging.basicConfig(level=logging.INFO)
    connection = pika.BlockingConnection(pika.URLParameters(AMQP_URL))
    channel = connection.channel()
    channel.queue_declare(queue=QUEUE_NAME, durable=True)
    channel.basic_qos(prefetch_count=8)
    channel.basic_consume(queue=QUEUE_NAME, on_message_callback=on_message)
    channel.start_consuming()


if __name__ == "__main__":
    main()
