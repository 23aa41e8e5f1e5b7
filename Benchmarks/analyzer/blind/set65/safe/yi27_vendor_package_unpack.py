"""Consume 'package delivered' events and unpack vendor translation packages.

Vendors upload a ZIP of translated XLIFF/IDML files to the delivery bucket;
the TMS emits an SQS message per delivery and this worker unpacks it into
the job workspace for QA.
"""
import json
import logging
import os
import re
import shutil
import tempfile
import zipfile

import boto3
from botocore.config import Config

log = logging.getLogger("l10n.unpack")

QUEUE_URL = os.environ["DELIVERY_QUEUE_URL"]
BUCKET = os.environ.get("DELIVERY_BUCKET", "l10n-vendor-deliveries")
WORKSPACE = os.environ.get("L10N_WORKSPACE", "/srv/l10n/jobs")
JOB_ID_RE = re.compile(r"^J\d{6,10}$")
AWS_CONFIG = Config(connect_timeout=5, read_timeout=60, retries={"max_attempts": 3})


def extract_package(zip_path: str, job_dir: str) -> list:
    extracted = []
    root = os.path.realpath(job_dir)
    with zipfile.ZipFile(zip_path) as zf:
        for info in zf.infolist():
            if info.is_dir():
                continue
            target = os.path.realpath(os.path.join(root, info.filename))
            if os.path.commonpath([root, target]) != root:
                raise ValueError(f"entry escapes job directory: {info.filename!r}")
            os.makedirs(os.path.dirname(target), exist_ok=True)
            with zf.open(info) as src, open(target, "wb") as dst:
                shutil.copyfileobj(src, dst)
            extracted.append(target)
    return extracted


def handle_delivery(s3, event: dict) -> int:
    job_id = event["job_id"]
    if not JOB_ID_RE.match(job_id):
        raise ValueError("unexpected job id")
    job_dir = os.path.join(WORKSPACE, job_id, "delivered")
    os.makedirs(job_dir, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        local_zip = os.path.join(tmp, "package.zip")
        s3.download_file(BUCKET, event["object_key"], local_zip)
        files = extract_package(local_zip, job_dir)
    log.info("job %s: unpacked %d files", job_id, len(files))
    return len(files)


def main() -> None:
    logging.basicConfig(level=logging.INFO)
    sqs = boto3.client("sqs", config=AWS_CONFIG)
    s3 = boto3.client("s3", config=AWS_CONFIG)
    while True:
        resp = sqs.receive_message(QueueUrl=QUEUE_URL, MaxNumberOfMessages=5, WaitTimeSeconds=20)
        for msg in resp.get("Messages", []):
            try:
                handle_delivery(s3, json.loads(msg["Body"]))
            except (ValueError, KeyError, zipfile.BadZipFile) as exc:
                log.error("delivery %s failed: %r", msg["MessageId"], exc)
            sqs.delete_message(QueueUrl=QUEUE_URL, ReceiptHandle=msg["ReceiptHandle"])


if __name__ == "__main__":
    main()
