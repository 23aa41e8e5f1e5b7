"""Consumes anti-cheat telemetry batches sent by game clients and scores them."""
import base64
import logging
import os
import pickle
import statistics
from typing import Iterable

from kafka import KafkaConsumer, KafkaProducer

logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(message)s")
log = logging.getLogger("ac.telemetry")

BOOTSTRAP = os.environ.get("KAFKA_BOOTSTRAP", "kafka:9092")
IN_TOPIC = "ac.telemetry.raw"
OUT_TOPIC = "ac.telemetry.flags"
SNAP_THRESHOLD_DEG = 38.0


class TelemetryBatch:
    def __init__(self, player_id, client_version, samples):
        self.player_id = player_id
        self.client_version = client_version
        self.samples = samples


def decode_batch(message_value: bytes) -> TelemetryBatch:
    envelope = base64.b64decode(message_value)
    batch = pickle.loads(envelope)  # VULN flow
    if not isinstance(batch, TelemetryBatch):
        raise TypeError("unexpected payload type")
    return batch


def snap_angles(samples: Iterable[dict]) -> list:
    return [abs(s.get("yaw_delta", 0.0)) for s in samples if s.get("on_target")]


def score(batch: TelemetryBatch) -> float:
    angles = snap_angles(batch.samples)
    if len(angles) < 5:
        return 0.0
    mean = statistics.fmean(angles)
    spread = statistics.pstdev(angles) or 1.0
    return round(mean / spread, 3)


def run() -> None:
    consumer = KafkaConsumer(
        IN_TOPIC,
        bootstrap_servers=BOOTSTRAP,
        group_id="ac-scorer",
        enable_auto_commit=True,
    )
    producer = KafkaProducer(bootstrap_servers=BOOTSTRAP)
    for msg in consumer:
        try:
            batch = decode_batch(msg.value)
        except Exception as exc:
            log.warning("undecodable batch at offset %d: %r", msg.offset, exc)
            continue
        suspicion = score(batch)
        client = batch.client_version
        log.info(f"scored player={batch.player_id} client={client} suspicion={suspicion}")  # VULN flow
        if suspicion > SNAP_THRESHOLD_DEG:
            producer.send(OUT_TOPIC, f"{batch.player_id}:{suspicion}".encode())


if __name__ == "__main__":
    run()
