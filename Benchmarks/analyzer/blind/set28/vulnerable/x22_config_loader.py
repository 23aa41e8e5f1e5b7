"""Worker that turns export job specs from SQS into Step Functions executions."""
import json
import logging
import os
import re
import signal
from dataclasses import asdict, dataclass, field

import boto3
import yaml

logger = logging.getLogger("exports.worker")

QUEUE_URL = os.environ["EXPORT_QUEUE_URL"]
STATE_MACHINE_ARN = os.environ["EXPORT_STATE_MACHINE_ARN"]
FORMATS = {"csv", "parquet", "jsonl"}
JOB_ID_RE = re.compile(r"^[A-Za-z0-9-]{1,64}$")

sqs = boto3.client("sqs")
sfn = boto3.client("stepfunctions")


@dataclass
class JobSpec:
    job_id: str
    dataset: str
    format: str = "csv"
    recipients: list[str] = field(default_factory=list)


def parse_spec(body: str) -> JobSpec:
    data = yaml.load(body, Loader=yaml.Loader)  # VULN flow
    if not isinstance(data, dict):
        raise ValueError("job spec must be a mapping")
    job_id = str(data["job_id"])
    if not JOB_ID_RE.fullmatch(job_id):
        raise ValueError("invalid job id")
    fmt = str(data.get("format", "csv"))
    if fmt not in FORMATS:
        raise ValueError("unsupported format")
    recipients = [str(r) for r in data.get("recipients", [])][:20]
    return JobSpec(job_id=job_id, dataset=str(data["dataset"]), format=fmt, recipients=recipients)


def start_export(spec: JobSpec) -> str:
    result = sfn.start_execution(
        stateMachineArn=STATE_MACHINE_ARN,
        name=f"export-{spec.job_id}",
        input=json.dumps(asdict(spec)),
    )
    return result["executionArn"]


class Worker:
    def __init__(self) -> None:
        self.running = True

    def stop(self, *_args) -> None:
        logger.info("shutdown requested")
        self.running = False

    def handle(self, message: dict) -> None:
        try:
            spec = parse_spec(message["Body"])
            arn = start_export(spec)
            logger.info("job %r started as %r", spec.job_id, arn)
        except (KeyError, ValueError, yaml.YAMLError) as exc:
            logger.warning("rejecting message %s: %r", message["MessageId"], str(exc))
        sqs.delete_message(QueueUrl=QUEUE_URL, ReceiptHandle=message["ReceiptHandle"])

    def run(self) -> None:
        signal.signal(signal.SIGTERM, self.stop)
        signal.signal(signal.SIGINT, self.stop)
        while self.running:
            resp = sqs.receive_message(QueueUrl=QUEUE_URL, MaxNumberOfMessages=10, WaitTimeSeconds=20)
            for message in resp.get("Messages", []):
                self.handle(message)


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    Worker().run()
