"""Collector for host metrics shipped by edge agents (installed on customer hosts) via Kafka."""
import json
import logging
import os
from dataclasses import dataclass
from typing import Dict

import psycopg2
import psycopg2.extras
from kafka import KafkaConsumer

log = logging.getLogger("metrics.collector")

SASL_USER = "metrics-collector"
SASL_PASSWORD = os.environ["KAFKA_SASL_PASSWORD"]


@dataclass
class MetricBatch:
    host: str
    ts: int
    values: Dict[str, float]


class AgentPayloadDecoder:
    SUPPORTED_VERSION = 2

    def decode(self, raw: bytes) -> MetricBatch:
        version, body = raw[0], raw[1:]
        if version != self.SUPPORTED_VERSION:
            raise ValueError(f"unsupported payload version {version}")
        data = json.loads(body)
        return MetricBatch(
            host=str(data["host"]),
            ts=int(data["ts"]),
            values={str(k): float(v) for k, v in data["values"].items()},
        )


class MetricWriter:
    def __init__(self, dsn: str):
        self.conn = psycopg2.connect(dsn)

    def write(self, batch: MetricBatch) -> None:
        rows = [(batch.host, batch.ts, name, value) for name, value in batch.values.items()]
        with self.conn, self.conn.cursor() as cur:
            psycopg2.extras.execute_values(
                cur, "INSERT INTO host_metrics (host, ts, metric, value) VALUES %s", rows
            )


def main() -> None:
    consumer = KafkaConsumer(
        "edge-host-metrics",
        bootstrap_servers=os.environ.get("KAFKA_BOOTSTRAP", "kafka-1.edge.internal:9094"),
        security_protocol="SASL_SSL",
        sasl_mechanism="SCRAM-SHA-512",
        sasl_plain_username=SASL_USER,
        sasl_plain_password=SASL_PASSWORD,
        group_id="metrics-collector",
    )
    decoder = AgentPayloadDecoder()
    writer = MetricWriter(os.environ["METRICS_DSN"])
    for message in consumer:
        try:
            writer.write(decoder.decode(message.value))
        except (ValueError, KeyError, TypeError, AttributeError) as exc:
            log.warning("skipping bad payload at offset %r: %r", message.offset, exc)


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    main()
