"""Worker that ingests fleet policy documents uploaded by lessee fleet managers.

Fleet managers upload a YAML policy (authorised drivers, fuel-card limits,
permitted vehicle classes) through the leasing portal.  The portal stores the
file in S3 and drops a message on SQS; this worker validates and applies it.
"""
import json
import logging
import os
import time

import boto3
import yaml

log = logging.getLogger("lease.policy")

QUEUE_URL = os.environ["POLICY_QUEUE_URL"]
UPLOAD_BUCKET = os.environ.get("POLICY_BUCKET", "lease-portal-uploads")
REQUIRED_KEYS = {"account_id", "drivers", "fuel_card"}

sqs = boto3.client("sqs")
s3 = boto3.client("s3")


class PolicyError(ValueError):
    pass


def parse_policy(text: str) -> dict:
    doc = yaml.safe_load(text)
    if not isinstance(doc, dict):
        raise PolicyError("policy must be a mapping")
    missing = REQUIRED_KEYS - doc.keys()
    if missing:
        raise PolicyError(f"missing keys: {sorted(missing)}")
    return doc


def apply_policy(policy: dict) -> None:
    limit = float(policy["fuel_card"].get("monthly_limit", 0))
    drivers = [d["licence_number"] for d in policy["drivers"]]
    log.info("account %r: %d drivers, fuel limit %.2f",
             policy["account_id"], len(drivers), limit)
    # the downstream fleet service takes care of persisting the policy
    sqs.send_message(
        QueueUrl=os.environ["FLEET_SERVICE_QUEUE_URL"],
        MessageBody=json.dumps({"account_id": policy["account_id"], "drivers": drivers,
                                "fuel_limit": limit}),
    )


def handle_message(msg: dict) -> None:
    event = json.loads(msg["Body"])
    if event.get("bucket") != UPLOAD_BUCKET:
        raise PolicyError("unexpected bucket")
    obj = s3.get_object(Bucket=UPLOAD_BUCKET, Key=event["key"])
    text = obj["Body"].read().decode("utf-8")
    policy = parse_policy(text)
    apply_policy(policy)


def run_forever():
    while True:
        resp = sqs.receive_message(QueueUrl=QUEUE_URL, MaxNumberOfMessages=5, WaitTimeSeconds=20)
        for msg in resp.get("Messages", []):
            try:
                handle_message(msg)
            except (PolicyError, KeyError, yaml.YAMLError) as exc:
                log.warning("rejecting policy message %s: %s", msg["MessageId"], exc)
            sqs.delete_message(QueueUrl=QUEUE_URL, ReceiptHandle=msg["ReceiptHandle"])
        time.sleep(1)


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    run_forever()
