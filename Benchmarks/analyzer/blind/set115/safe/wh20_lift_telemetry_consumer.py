"""RabbitMQ consumer for lift telemetry (rope speed, motor temperature,
wind at towers). Lift PLC gateways publish to the `lift.telemetry` exchange."""
import json
import logging
import os
import signal
from dataclasses import dataclass

import pika

log = logging.getLogger("lifts.telemetry")

AMQP_URL = os.environ.get("AMQP_URL", "amqp://telemetry@mq.mountain.local:5672/lifts")
QUEUE = "telemetry.ingest"
WIND_HOLD_KMH = 65.0


@dataclass
class Reading:
    lift: str
    rope_speed_ms: float
    motor_temp_c: float
    wind_kmh: float


class TelemetrySink:
    def __init__(self):
        self.latest = {}

    def store(self, reading: Reading) -> None:
        self.latest[reading.lift] = reading
        if reading.wind_kmh >= WIND_HOLD_KMH:
            log.warning("wind hold threshold reached on %r: %.1f km/h", reading.lift, reading.wind_kmh)


def decode_message(body: bytes) -> Reading:
    event = json.loads(body.decode("utf-8"))
    if not isinstance(event, dict):
        raise ValueError("telemetry message must be an object")
    return Reading(
        lift=str(event["lift"]),
        rope_speed_ms=float(event.get("rope_speed_ms", 0.0)),
        motor_temp_c=float(event.get("motor_temp_c", 0.0)),
        wind_kmh=float(event.get("wind_kmh", 0.0)),
    )


class Consumer:
    def __init__(self, sink: TelemetrySink):
        self.sink = sink
        self.conn = pika.BlockingConnection(pika.URLParameters(AMQP_URL))
        self.channel = self.conn.channel()
        self.channel.queue_declare(queue=QUEUE, durable=True)
        self.channel.basic_qos(prefetch_count=50)

    def on_message(self, ch, method, properties, body):
        try:
            reading = decode_message(body)
        except Exception:
            log.exception("dropping undecodable telemetry message")
            ch.basic_nack(method.delivery_tag, requeue=False)
            return
        self.sink.store(reading)
        ch.basic_ack(method.delivery_tag)

    def run(self):
        self.channel.basic_consume(queue=QUEUE, on_message_callback=self.on_message)
        signal.signal(signal.SIGTERM, lambda *_: self.channel.stop_consuming())
        try:
            self.channel.start_consuming()
        finally:
            self.conn.close()


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    Consumer(TelemetrySink()).run()
