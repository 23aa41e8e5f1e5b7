"""Kafka consumer that prints sample/vial labels on the lab Zebra printers."""
import json
import logging
import os
import signal
import subprocess
import uuid

from confluent_kafka import Consumer, KafkaError

log = logging.getLogger("labels.printer")
SPOOL_DIR = os.environ.get("LABEL_SPOOL", "/var/spool/labels")
DEFAULT_PRINTER = "zebra-lab2"
TOPIC = "lims.labels.print"
PRINTERS = {"zebra-lab1", "zebra-lab2", "zebra-coldroom", "zebra-stockroom"}
MAX_COPIES = 20

ZPL_TEMPLATE = """^XA
^CF0,28
^FO20,20^FD{sample_id}^FS
^FO20,55^FD{description}^FS
^FO20,90^BY2^BCN,60,Y,N,N^FD{sample_id}^FS
^XZ
"""


def render_zpl(job: dict) -> str:
    return ZPL_TEMPLATE.format(
        sample_id=str(job.get("sample_id", "")).replace("^", ""),
        description=str(job.get("description", ""))[:40].replace("^", ""),
    )


def spool_path(job: dict) -> str:
    job_id = uuid.UUID(str(job["job_id"])).hex
    return os.path.join(SPOOL_DIR, f"{job_id}.zpl")


def print_job(job: dict) -> int:
    path = spool_path(job)
    with open(path, "w", encoding="ascii", errors="replace") as fh:
        fh.write(render_zpl(job))
    printer = job.get("printer", DEFAULT_PRINTER)
    if printer not in PRINTERS:
        raise ValueError(f"unknown printer {printer!r}")
    copies = max(1, min(int(job.get("copies", 1)), MAX_COPIES))
    rc = subprocess.run(["lpr", "-P", printer, "-#", str(copies), "-o", "raw", path]).returncode
    if rc == 0:
        os.remove(path)
    return rc


class LabelConsumer:
    def __init__(self, conf: dict):
        self.consumer = Consumer(conf)
        self.running = True

    def stop(self, *_):
        self.running = False

    def loop(self) -> None:
        self.consumer.subscribe([TOPIC])
        try:
            while self.running:
                msg = self.consumer.poll(1.0)
                if msg is None:
                    continue
                if msg.error():
                    if msg.error().code() != KafkaError._PARTITION_EOF:
                        log.error("kafka error: %s", msg.error())
                    continue
                try:
                    job = json.loads(msg.value())
                    rc = print_job(job)
                    log.info("job %r sent to printer, rc=%d", job.get("job_id"), rc)
                except (ValueError, KeyError, OSError) as exc:
                    log.error("label job failed: %r", exc)
                self.consumer.commit(msg)
        finally:
            self.consumer.close()


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    c = LabelConsumer({
        "bootstrap.servers": os.environ.get("KAFKA_BOOTSTRAP", "kafka.lab.internal:9092"),
        "group.id": "label-printers",
        "enable.auto.commit": False,
    })
    signal.signal(signal.SIGTERM, c.stop)
    c.loop()
