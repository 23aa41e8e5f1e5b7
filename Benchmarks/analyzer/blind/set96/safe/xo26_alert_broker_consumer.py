"""Alert broker consumer.

Reads transient alerts that survey partners publish (YAML-encoded) on the
``alerts.partner`` Kafka topic and forwards candidates above the real/bogus
threshold to the follow-up queue.
"""
import json
import logging
import os

import yaml
from kafka import KafkaConsumer, KafkaProducer

BOOTSTRAP = os.environ.get("KAFKA_BOOTSTRAP", "kafka.obs.internal:9093")
TOPIC_IN = "alerts.partner"
TOPIC_OUT = "followup.candidates"
MIN_SCORE = float(os.environ.get("MIN_SCORE", "0.8"))
MAX_MAG = 20.5

log = logging.getLogger("alert_broker")


def decode_alert(raw: bytes) -> dict:
    text = raw.decode("utf-8")
    doc = yaml.safe_load(text)
    if not isinstance(doc, dict) or "alert_id" not in doc:
        raise ValueError("not an alert")
    return doc


def is_candidate(alert: dict) -> bool:
    try:
        return float(alert.get("rb_score", 0)) >= MIN_SCORE and float(alert.get("mag", 99)) < MAX_MAG
    except (TypeError, ValueError):
        return False


def to_followup(alert: dict) -> dict:
    return {
        "alert_id": str(alert["alert_id"]),
        "ra": float(alert["ra"]),
        "dec": float(alert["dec"]),
        "mag": float(alert["mag"]),
        "source": str(alert.get("source", "unknown")),
    }


def run() -> None:
    consumer = KafkaConsumer(TOPIC_IN, bootstrap_servers=BOOTSTRAP, group_id="alert-broker",
                             security_protocol="SSL", enable_auto_commit=True)
    producer = KafkaProducer(bootstrap_servers=BOOTSTRAP, security_protocol="SSL",
                             value_serializer=lambda v: json.dumps(v).encode("utf-8"))
    for msg in consumer:
        try:
            alert = decode_alert(msg.value)
        except (ValueError, yaml.YAMLError, UnicodeDecodeError):
            log.warning("undecodable alert at offset %d", msg.offset)
            continue
        source = alert.get("source", "unknown")
        log.info("alert %r from %r score=%r", alert["alert_id"], source, alert.get("rb_score"))
        if is_candidate(alert):
            try:
                producer.send(TOPIC_OUT, to_followup(alert))
            except (KeyError, TypeError, ValueError):
                log.warning("candidate at offset %d missing coordinates", msg.offset)


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(name)s %(message)s")
    run()
