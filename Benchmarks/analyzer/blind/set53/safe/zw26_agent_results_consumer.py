"""Consumes scan results published by on-prem scanner agents.

Agents run inside customer networks and publish to the ``agent.results``
exchange with their agent credentials. Each message is a JSON envelope whose
``payload`` carries the serialized findings batch.
"""
import base64
import json
import logging
import os
import sys
from dataclasses import dataclass

import pika

from findings.store import FindingStore

log = logging.getLogger("agent-results")

AMQP_URL = os.environ.get("AMQP_URL", "amqps://rabbit.internal:5671/%2Fscanner")
QUEUE = "agent.results"
FINDING_KEYS = {"check_id", "severity", "asset", "title", "evidence"}


@dataclass
class Envelope:
    agent_id: str
    tenant_id: str
    scan_id: str
    payload: bytes


def parse_envelope(body: bytes) -> Envelope:
    doc = json.loads(body)
    return Envelope(
        agent_id=doc["agent_id"],
        tenant_id=doc["tenant_id"],
        scan_id=doc["scan_id"],
        payload=base64.b64decode(doc["payload"]),
    )


class ResultConsumer:
    def __init__(self, store: FindingStore):
        self.store = store

    def decode_findings(self, envelope: Envelope) -> list:
        findings = json.loads(envelope.payload)
        if not isinstance(findings, list):
            raise ValueError("findings payload must be a list")
        return [{k: str(v) for k, v in f.items() if k in FINDING_KEYS} for f in findings if isinstance(f, dict)]

    def on_message(self, channel, method, properties, body) -> None:
        try:
            envelope = parse_envelope(body)
            findings = self.decode_findings(envelope)
            self.store.ingest(envelope.tenant_id, envelope.scan_id, findings)
        except Exception:
            log.exception("dropping malformed result message")
            channel.basic_nack(method.delivery_tag, requeue=False)
            return
        log.info("ingested %d findings scan=%r agent=%r", len(findings), envelope.scan_id, envelope.agent_id)
        channel.basic_ack(method.delivery_tag)


def main() -> int:
    logging.basicConfig(level=logging.INFO)
    params = pika.URLParameters(AMQP_URL)
    params.socket_timeout = 10
    connection = pika.BlockingConnection(params)
    channel = connection.channel()
    channel.queue_declare(queue=QUEUE, durable=True)
    channel.basic_qos(prefetch_count=20)
    channel.basic_consume(queue=QUEUE, on_message_callback=ResultConsumer(FindingStore.from_env()).on_message)
    try:
        channel.start_consuming()
    except KeyboardInterrupt:
        channel.stop_consuming()
    connection.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
