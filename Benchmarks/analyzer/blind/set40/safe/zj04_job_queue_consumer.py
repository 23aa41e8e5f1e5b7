"""Consumes export jobs from the partner exchange and hands them to workers."""
import base64
import json
import logging
import os
import signal
import time
from dataclasses import dataclass, field

import pika

log = logging.getLogger("export-consumer")

AMQP_URL = os.environ.get("AMQP_URL", "amqp://localhost:5672/%2F")
QUEUE = "partner.exports"


@dataclass
class ExportJob:
    job_id: str
    tenant: str
    fmt: str = "csv"
    filters: dict = field(default_factory=dict)
    attempts: int = 0


class Consumer:
    def __init__(self, url: str, queue: str):
        self.params = pika.URLParameters(url)
        self.queue = queue
        self._stop = False
        self.handlers = {"csv": self.export_csv, "xlsx": self.export_xlsx}

    def decode(self, body: bytes) -> ExportJob:
        raw = base64.b64decode(body)
        data = json.loads(raw)
        if not isinstance(data, dict):
            raise TypeError("unexpected payload type %s" % type(data).__name__)
        return ExportJob(
            job_id=str(data["job_id"]),
            tenant=str(data["tenant"]),
            fmt=str(data.get("fmt", "csv")),
            filters=dict(data.get("filters") or {}),
            attempts=int(data.get("attempts", 0)),
        )

    def export_csv(self, job: ExportJob):
        log.info("exporting %r for %r as csv", job.job_id, job.tenant)
        time.sleep(0.1)

    def export_xlsx(self, job: ExportJob):
        log.info("exporting %r for %r as xlsx", job.job_id, job.tenant)
        time.sleep(0.2)

    def on_message(self, channel, method, properties, body):
        try:
            job = self.decode(body)
            handler = self.handlers.get(job.fmt)
            if handler is None:
                raise ValueError("unsupported format")
            handler(job)
            channel.basic_ack(delivery_tag=method.delivery_tag)
        except Exception:
            log.exception("job failed, dead-lettering")
            channel.basic_nack(delivery_tag=method.delivery_tag, requeue=False)

    def stop(self, *_):
        self._stop = True

    def run(self):
        conn = pika.BlockingConnection(self.params)
        channel = conn.channel()
        channel.queue_declare(queue=self.queue, durable=True)
        channel.basic_qos(prefetch_count=4)
        for method, props, body in channel.consume(self.queue, inactivity_timeout=1):
            if self._stop:
                break
            if method is None:
                continue
            self.on_message(channel, method, props, body)
        channel.cancel()
        conn.close()


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    consumer = Consumer(AMQP_URL, QUEUE)
    signal.signal(signal.SIGTERM, consumer.stop)
    consumer.run()
