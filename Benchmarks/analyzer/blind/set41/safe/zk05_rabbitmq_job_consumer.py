"""Consumes batch-export jobs published by the public API tier."""
import json
import logging
import os
import signal
import sys
import time

import pika

from exporters import EXPORTERS, ExportError

logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s %(message)s")
log = logging.getLogger("export-consumer")

AMQP_HOST = os.environ.get("AMQP_HOST", "rabbitmq.internal")
AMQP_USER = os.environ.get("AMQP_USER", "export-worker")
AMQP_PASSWORD = os.environ["AMQP_PASSWORD"]
QUEUE = "exports.requested"
PREFETCH = 4


class JobConsumer:
    def __init__(self):
        creds = pika.PlainCredentials(AMQP_USER, AMQP_PASSWORD)
        self.params = pika.ConnectionParameters(host=AMQP_HOST, credentials=creds, heartbeat=30)
        self.connection = None
        self.channel = None
        self._stopping = False

    def connect(self):
        self.connection = pika.BlockingConnection(self.params)
        self.channel = self.connection.channel()
        self.channel.queue_declare(queue=QUEUE, durable=True)
        self.channel.basic_qos(prefetch_count=PREFETCH)

    def decode(self, body: bytes) -> dict:
        job = json.loads(body)
        if not isinstance(job, dict) or "kind" not in job:
            raise ValueError("malformed job")
        return job

    def handle(self, ch, method, properties, body):
        started = time.monotonic()
        try:
            job = self.decode(body)
            exporter = EXPORTERS[job["kind"]]
            exporter(job.get("account_id"), job.get("options", {}))
        except (ValueError, KeyError, ExportError) as exc:
            log.warning("rejecting message %r: %s", properties.message_id, exc)
            ch.basic_nack(delivery_tag=method.delivery_tag, requeue=False)
            return
        ch.basic_ack(delivery_tag=method.delivery_tag)
        log.info("job %r done in %.2fs", properties.message_id, time.monotonic() - started)

    def run(self):
        self.connect()
        self.channel.basic_consume(queue=QUEUE, on_message_callback=self.handle)
        log.info("waiting for jobs on %s", QUEUE)
        try:
            self.channel.start_consuming()
        finally:
            if self.connection and self.connection.is_open:
                self.connection.close()

    def stop(self, *_):
        if not self._stopping and self.channel:
            self._stopping = True
            self.channel.stop_consuming()


if __name__ == "__main__":
    consumer = JobConsumer()
    signal.signal(signal.SIGTERM, consumer.stop)
    try:
        consumer.run()
    except KeyboardInterrupt:
        sys.exit(0)
