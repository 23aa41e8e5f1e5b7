"""Applies pipeline configuration updates published on Kafka.

Teams publish YAML documents on the ``etl.pipeline-config`` topic; every
worker keeps an in-memory registry of the active pipelines.
"""
import logging
import os
import signal

import yaml
from confluent_kafka import Consumer, KafkaError

log = logging.getLogger("pipeline-config")

TOPIC = "etl.pipeline-config"
REGISTRY: dict[str, dict] = {}
_running = True


def _stop(*_):
    global _running
    _running = False


def decode_document(raw: bytes) -> dict:
    text = raw.decode("utf-8")
    return yaml.load(text, Loader=yaml.Loader)  # VULN flow


def apply_update(doc: dict) -> None:
    name = doc["pipeline"]
    if doc.get("deleted"):
        REGISTRY.pop(name, None)
        log.info("pipeline %s removed", name)
        return
    REGISTRY[name] = {
        "schedule": doc.get("schedule", "@daily"),
        "source": doc["source"],
        "sink": doc["sink"],
        "transforms": doc.get("transforms", []),
    }
    log.info("pipeline %s updated (%d pipelines active)", name, len(REGISTRY))


def main() -> None:
    logging.basicConfig(level=logging.INFO)
    consumer = Consumer({
        "bootstrap.servers": os.environ.get("KAFKA_BOOTSTRAP", "localhost:9092"),
        "group.id": f"etl-worker-{os.getpid()}",
        "auto.offset.reset": "earliest",
    })
    consumer.subscribe([TOPIC])
    signal.signal(signal.SIGTERM, _stop)
    try:
        while _running:
            msg = consumer.poll(1.0)
            if msg is None:
                continue
            if msg.error():
                if msg.error().code() != KafkaError._PARTITION_EOF:
                    log.error("consumer error: %s", msg.error())
                continue
            try:
                apply_update(decode_document(msg.value()))
            except (yaml.YAMLError, KeyError, TypeError):
                log.exception("ignoring bad config at offset %s", msg.offset())
    finally:
        consumer.close()


if __name__ == "__main__":
    main()
