"""Applies pipeline configuration updates published on Kafka.

Teams publish YAML documents on the ``etl.pipeline-config`` topic; every
worker keeps an in-memory registry of the active pipelines.
"""
import logging
import os
import random

import yaml
from kafka import KafkaConsumer

log = logging.getLogger("pipeline-config")

TOPIC = "etl.pipeline-config"
REGISTRY: dict[str, dict] = {}
METRICS_SAMPLE_RATE = 0.05


def decode_document(raw: bytes) -> dict:
    doc = yaml.safe_load(raw.decode("utf-8"))
    if not isinstance(doc, dict) or not isinstance(doc.get("pipeline"), str):
        raise ValueError("document must be a mapping with a pipeline name")
    return doc


def apply_update(doc: dict) -> None:
    name = doc["pipeline"]
    if doc.get("deleted"):
        REGISTRY.pop(name, None)
        return
    REGISTRY[name] = {
        "schedule": str(doc.get("schedule", "@daily")),
        "source": doc["source"],
        "sink": doc["sink"],
        "transforms": list(doc.get("transforms", [])),
    }


def main() -> None:
    logging.basicConfig(level=logging.INFO)
    consumer = KafkaConsumer(
        TOPIC,
        bootstrap_servers=os.environ.get("KAFKA_BOOTSTRAP", "localhost:9092").split(","),
        group_id=f"etl-worker-{os.getpid()}",
        auto_offset_reset="earliest",
        enable_auto_commit=True,
    )
    try:
        for message in consumer:
            try:
                apply_update(decode_document(message.value))
            except (yaml.YAMLError, ValueError, KeyError, TypeError):
                log.warning("ignoring bad config at offset %d", message.offset)
                continue
            if random.random() < METRICS_SAMPLE_RATE:
                log.info("%d pipelines active", len(REGISTRY))
    finally:
        consumer.close()


if __name__ == "__main__":
    main()
