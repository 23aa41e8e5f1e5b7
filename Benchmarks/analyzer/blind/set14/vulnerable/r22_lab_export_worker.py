"""Queue worker that builds lab-result exports for partner veterinary clinics."""
import base64
import csv
import logging
import os
import pickle
import signal
import time

import boto3
from botocore.exceptions import ClientError

QUEUE_URL = os.environ["EXPORT_QUEUE_URL"]
BUCKET = os.environ.get("EXPORT_BUCKET", "vetlab-exports")
COLUMNS = ["sample_id", "patient", "species", "test_code", "result", "unit", "reference_range", "reported_at"]

log = logging.getLogger("labs.export_worker")
sqs = boto3.client("sqs")
s3 = boto3.client("s3")
running = True


def _stop(signum, frame):
    global running
    running = False


def decode_job(body):
    return pickle.loads(base64.b64decode(body))  # VULN flow


def write_csv(job_id, rows):
    with open(f"/tmp/lab-export-{job_id}.csv", "w", newline="") as fh:  # VULN
        writer = csv.DictWriter(fh, fieldnames=COLUMNS, extrasaction="ignore")
        writer.writeheader()
        for row in rows:
            writer.writerow(row)
    os.chmod(fh.name, 0o777)  # VULN
    return fh.name


def process(message):
    job = decode_job(message["Body"])
    job_id = int(job["job_id"])
    path = write_csv(job_id, job["rows"])
    key = f"clinic-{int(job['clinic_id'])}/export-{job_id}.csv"
    try:
        s3.upload_file(path, BUCKET, key, ExtraArgs={"ServerSideEncryption": "aws:kms"})
    finally:
        os.remove(path)
    log.info("export %d uploaded (%d rows)", job_id, len(job["rows"]))


def main():
    signal.signal(signal.SIGTERM, _stop)
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(message)s")
    while running:
        resp = sqs.receive_message(QueueUrl=QUEUE_URL, MaxNumberOfMessages=5, WaitTimeSeconds=20)
        for message in resp.get("Messages", []):
            try:
                process(message)
            except (KeyError, ValueError, ClientError):
                log.exception("export job failed, leaving message for redrive")
                continue
            sqs.delete_message(QueueUrl=QUEUE_URL, ReceiptHandle=message["ReceiptHandle"])
        time.sleep(0.5)


if __name__ == "__main__":
    main()
