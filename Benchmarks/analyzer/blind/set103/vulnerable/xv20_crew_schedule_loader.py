"""Harvest-crew schedule loader.

Labour contractors upload their weekly crew schedules as YAML into the
shared S3 drop bucket. This job (run every 15 minutes from cron) loads new
documents into the scheduling database and moves them to ``processed/``.

Example document::

    contractor: Valle Verde Labor LLC
    week_of: 2024-08-12
    crews:
      - name: Crew 7
        lead: R. Medina
        size: 24
        blocks: [B12, B13]
"""
import logging
import os
import sqlite3
from typing import Iterator, Tuple

import boto3
import yaml

log = logging.getLogger("crews.loader")

BUCKET = os.environ.get("CREW_BUCKET", "valley-harvest-crews")
INCOMING = "incoming/"
PROCESSED = "processed/"
DB_PATH = os.environ.get("SCHED_DB", "/var/lib/harvest/schedule.db")


def fetch_documents(s3) -> Iterator[Tuple[str, bytes]]:
    paginator = s3.get_paginator("list_objects_v2")
    for page in paginator.paginate(Bucket=BUCKET, Prefix=INCOMING):
        for obj in page.get("Contents", []):
            if not obj["Key"].endswith((".yml", ".yaml")):
                continue
            body = s3.get_object(Bucket=BUCKET, Key=obj["Key"])["Body"].read()
            yield obj["Key"], body


def parse_schedule(text: bytes) -> dict:
    doc = yaml.load(text, Loader=yaml.Loader)  # VULN flow
    if not isinstance(doc, dict) or not isinstance(doc.get("crews"), list):
        raise ValueError("schedule must contain a list of crews")
    return doc


def store(conn: sqlite3.Connection, key: str, doc: dict) -> int:
    rows = 0
    for crew in doc["crews"]:
        for block in crew.get("blocks", []):
            conn.execute(
                "INSERT INTO crew_assignments (source_key, contractor, week_of, crew, lead, size, block) "
                "VALUES (?, ?, ?, ?, ?, ?, ?)",
                (key, doc.get("contractor"), str(doc.get("week_of")), crew.get("name"),
                 crew.get("lead"), int(crew.get("size", 0)), str(block)),
            )
            rows += 1
    conn.commit()
    return rows


def archive(s3, key: str) -> None:
    dest = PROCESSED + key[len(INCOMING):]
    s3.copy_object(Bucket=BUCKET, Key=dest, CopySource={"Bucket": BUCKET, "Key": key})
    s3.delete_object(Bucket=BUCKET, Key=key)


def main() -> None:
    logging.basicConfig(level=logging.INFO)
    s3 = boto3.client("s3")
    conn = sqlite3.connect(DB_PATH)
    for key, body in fetch_documents(s3):
        try:
            doc = parse_schedule(body)
        except (yaml.YAMLError, ValueError) as exc:
            log.error("skipping %r: %r", key, exc)
            continue
        n = store(conn, key, doc)
        archive(s3, key)
        log.info("loaded %d assignments from %r", n, key)


if __name__ == "__main__":
    main()
