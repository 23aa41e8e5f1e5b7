"""Consumes directory-sync job specs from Kafka and mirrors them with rsync."""
import logging
import os
import signal
import subprocess

import yaml
from kafka import KafkaConsumer

logger = logging.getLogger("sync-runner")

TOPIC = os.environ.get("SYNC_TOPIC", "ops.sync-jobs")
BOOTSTRAP = os.environ.get("KAFKA_BOOTSTRAP", "kafka:9092").split(",")
GROUP_ID = os.environ.get("SYNC_GROUP", "sync-runner")
ALLOWED_ROOTS = tuple(
    os.path.realpath(root) for root in os.environ.get("SYNC_ROOTS", "/srv/data,/srv/mirror").split(",")
)


def checked_path(value: str) -> str:
    path = os.path.realpath(value)
    if not any(os.path.commonpath([path, root]) == root for root in ALLOWED_ROOTS):
        raise ValueError(f"path outside sync roots: {value!r}")
    return path


class SyncJob:
    def __init__(self, spec: dict):
        self.name = str(spec.get("name", "unnamed"))
        self.source = checked_path(str(spec["source"]))
        self.target = checked_path(str(spec["target"]))
        self.delete = bool(spec.get("delete", False))
        self.bwlimit = int(spec.get("bwlimit_kbps", 0))

    def command(self) -> list:
        args = ["rsync", "-az"]
        if self.delete:
            args.append("--delete")
        if self.bwlimit > 0:
            args.append(f"--bwlimit={self.bwlimit}")
        return args + ["--", self.source + "/", self.target]


def parse_spec(raw: bytes) -> dict:
    spec = yaml.safe_load(raw)
    if not isinstance(spec, dict):
        raise TypeError("job spec must be a mapping")
    return spec


class Runner:
    def __init__(self):
        self.running = True
        signal.signal(signal.SIGTERM, self.stop)
        signal.signal(signal.SIGINT, self.stop)

    def stop(self, *_args) -> None:
        self.running = False

    def handle(self, raw: bytes) -> None:
        try:
            job = SyncJob(parse_spec(raw))
        except (yaml.YAMLError, KeyError, TypeError, ValueError) as exc:
            logger.error("discarding malformed job: %r", exc)
            return
        logger.info("running sync job %r", job.name)
        status = subprocess.run(job.command(), check=False, timeout=6 * 3600).returncode
        if status != 0:
            logger.error("sync job %r exited with status %d", job.name, status)

    def run(self) -> None:
        consumer = KafkaConsumer(
            TOPIC,
            bootstrap_servers=BOOTSTRAP,
            group_id=GROUP_ID,
            enable_auto_commit=False,
            auto_offset_reset="earliest",
        )
        try:
            while self.running:
                batch = consumer.poll(timeout_ms=1000)
                for _partition, messages in batch.items():
                    for message in messages:
                        self.handle(message.value)
                if batch:
                    consumer.commit()
        finally:
            consumer.close()


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    Runner().run()
