"""Ingest insurance claim batches that clearinghouse partners drop in S3.

Partners upload ``*.claims.json`` objects to ``s3://<inbound>/<partner>/``; an
S3 event notification lands on SQS and this worker processes the object.
"""
import json
import logging
import os
from dataclasses import dataclass, field
from decimal import Decimal
from typing import List

import boto3

log = logging.getLogger("claims.ingest")

QUEUE_URL = os.environ["CLAIMS_QUEUE_URL"]
INBOUND_BUCKET = os.environ.get("CLAIMS_INBOUND_BUCKET", "hc-claims-inbound")

s3 = boto3.client("s3")
sqs = boto3.client("sqs")


@dataclass
class ClaimLine:
    cpt: str
    units: int
    charge: Decimal


@dataclass
class Claim:
    claim_id: str
    member_id: str
    provider_npi: str
    service_date: str
    lines: List[ClaimLine] = field(default_factory=list)

    @property
    def total(self) -> Decimal:
        return sum((l.charge * l.units for l in self.lines), Decimal("0"))


def read_object(bucket: str, key: str) -> str:
    obj = s3.get_object(Bucket=bucket, Key=key)
    return obj["Body"].read().decode("utf-8")


def _claim_from_dict(raw: dict) -> Claim:
    lines = [ClaimLine(cpt=str(l["cpt"]), units=int(l["units"]), charge=Decimal(str(l["charge"])))
             for l in raw.get("lines", [])]
    return Claim(claim_id=str(raw["claim_id"]), member_id=str(raw["member_id"]),
                 provider_npi=str(raw["provider_npi"]), service_date=str(raw["service_date"]),
                 lines=lines)


def decode_batch(text: str) -> List[Claim]:
    batch = json.loads(text)
    claims = batch.get("claims", []) if isinstance(batch, dict) else batch
    return [_claim_from_dict(c) for c in claims if isinstance(c, dict)]


def store_claims(repo, partner: str, claims: List[Claim]) -> int:
    stored = 0
    for claim in claims:
        if not claim.lines:
            log.warning("claim %r from %r has no lines, skipping", claim.claim_id, partner)
            continue
        repo.upsert_claim(partner=partner, claim=claim, total=claim.total)
        stored += 1
    return stored


def handle_message(repo, message: dict) -> None:
    event = json.loads(message["Body"])
    for record in event.get("Records", []):
        key = record["s3"]["object"]["key"]
        if not key.endswith(".claims.json"):
            continue
        partner = key.split("/", 1)[0]
        claims = decode_batch(read_object(INBOUND_BUCKET, key))
        count = store_claims(repo, partner, claims)
        log.info("ingested %d claims from %r (%r)", count, partner, key)


def run(repo) -> None:
    while True:
        resp = sqs.receive_message(QueueUrl=QUEUE_URL, MaxNumberOfMessages=5, WaitTimeSeconds=20)
        for message in resp.get("Messages", []):
            try:
                handle_message(repo, message)
            except Exception:
                log.exception("claims batch failed; leaving message for redrive")
                continue
            sqs.delete_message(QueueUrl=QUEUE_URL, ReceiptHandle=message["ReceiptHandle"])


if __name__ == "__main__":
    from claims.repo import ClaimRepository

    logging.basicConfig(level=logging.INFO)
    run(ClaimRepository.from_env())
