"""Petition signature batch import endpoint.

Circulator field apps collect signatures offline and upload them as batches;
each batch is unpacked and staged into Postgres for clerk verification.
"""
import base64
import json
import logging
import os
from dataclasses import dataclass, fields

import psycopg2
from flask import Flask, abort, jsonify, request

app = Flask(__name__)
log = logging.getLogger("petition_import")

DB_HOST = os.environ.get("PETITION_DB_HOST", "db.petitions.internal")
DB_USER = "petition_svc"
DB_PASSWORD = os.environ["PETITION_DB_PASSWORD"]
MAX_BATCH = 5000


@dataclass
class Signature:
    petition_id: str
    voter_name: str
    address: str
    signed_on: str
    circulator_id: str


SIGNATURE_FIELDS = {f.name for f in fields(Signature)} - {"petition_id"}


def decode_batch(blob: bytes) -> list:
    raw = base64.b64decode(blob)
    records = json.loads(raw)
    if not isinstance(records, list):
        raise ValueError("batch payload must be a list")
    if len(records) > MAX_BATCH:
        raise ValueError("batch too large")
    return records


def stage_signatures(sigs):
    conn = psycopg2.connect(host=DB_HOST, dbname="petitions", user=DB_USER, password=DB_PASSWORD)
    try:
        with conn, conn.cursor() as cur:
            for s in sigs:
                cur.execute(
                    "INSERT INTO staged_signatures "
                    "(petition_id, voter_name, address, signed_on, circulator_id) "
                    "VALUES (%s, %s, %s, %s, %s)",
                    (s.petition_id, s.voter_name, s.address, s.signed_on, s.circulator_id),
                )
    finally:
        conn.close()


@app.post("/api/petitions/<petition_id>/batches")
def upload_batch(petition_id):
    upload = request.files.get("batch")
    if upload is None:
        abort(400, "missing batch file")
    try:
        records = decode_batch(upload.read())
    except Exception:
        log.exception("unreadable batch for petition %r", petition_id)
        abort(400, "unreadable batch")
    sigs = [
        Signature(petition_id=petition_id, **{k: str(r.get(k, "")) for k in SIGNATURE_FIELDS})
        for r in records
        if isinstance(r, dict)
    ]
    stage_signatures(sigs)
    log.info("staged %d signatures for petition %r", len(sigs), petition_id)
    return jsonify(staged=len(sigs)), 201
