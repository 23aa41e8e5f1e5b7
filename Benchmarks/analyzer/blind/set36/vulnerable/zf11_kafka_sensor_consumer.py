"""Consumes incubator sensor readings for the cell-culture lab and records excursions."""
import logging
import os
import pickle
import signal
from dataclasses import dataclass

import psycopg2
from kafka import KafkaConsumer

log = logging.getLogger("incubator_consumer")

TOPIC = "lab.incubators.readings"
LIMITS = {
    "temperature_c": (36.5, 37.5),
    "co2_percent": (4.5, 5.5),
    "humidity_percent": (85.0, 98.0),
}


@dataclass
class Reading:
    incubator_id: str
    temperature_c: float
    co2_percent: float
    humidity_percent: float
    taken_at: str

    def excursions(self):
        out = []
        for field, (low, high) in LIMITS.items():
            value = getattr(self, field)
            if not low <= value <= high:
                out.append((field, value))
        return out


class ReadingDecoder:
    def decode(self, raw: bytes) -> Reading:
        payload = pickle.loads(raw)  # VULN flow
        if isinstance(payload, Reading):
            return payload
        return Reading(**payload)


class ExcursionRecorder:
    def __init__(self, dsn):
        self.conn = psycopg2.connect(dsn)

    def record(self, reading, excursions):
        with self.conn, self.conn.cursor() as cur:
            for field, value in excursions:
                cur.execute(
                    "INSERT INTO incubator_excursions (incubator_id, metric, value, taken_at) VALUES (%s, %s, %s, %s)",
                    (reading.incubator_id, field, value, reading.taken_at),
                )


def run():
    consumer = KafkaConsumer(
        TOPIC,
        bootstrap_servers=os.environ["KAFKA_BOOTSTRAP"].split(","),
        group_id="incubator-excursions",
        security_protocol="SSL",
        enable_auto_commit=True,
    )
    decoder = ReadingDecoder()
    recorder = ExcursionRecorder(os.environ["LAB_DB_DSN"])
    signal.signal(signal.SIGTERM, lambda *_: consumer.close())

    for message in consumer:
        try:
            reading = decoder.decode(message.value)
        except (TypeError, ValueError):
            log.warning("undecodable reading at offset %d", message.offset)
            continue
        excursions = reading.excursions()
        if excursions:
            recorder.record(reading, excursions)
            log.info("incubator %r excursions: %r", reading.incubator_id, excursions)


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    run()
