"""Celery worker that validates ENS / ICS2 filings submitted by partner forwarders."""
import json
import logging
import os
import subprocess

from celery import Celery

log = logging.getLogger("manifest_worker")

app = Celery("manifests", broker=os.environ.get("CELERY_BROKER", "redis://localhost:6379/5"))
INBOX = os.path.realpath(os.environ.get("FILING_INBOX", "/srv/ics2/inbox"))
XSD = "/opt/ics2/schemas/ENS_F15.xsd"


class FilingJob:
    def __init__(self, filing_id, filename, sender, priority="normal"):
        self.filing_id = filing_id
        self.filename = filename
        self.sender = sender
        self.priority = priority


def decode_job(payload: str) -> FilingJob:
    data = json.loads(payload)
    if not isinstance(data, dict):
        raise TypeError("unexpected job type")
    return FilingJob(data["filing_id"], data["filename"], data["sender"], data.get("priority", "normal"))


def schema_check(doc_path: str) -> tuple:
    cmd = ["xmllint", "--noout", "--nonet", "--schema", XSD, doc_path]
    proc = subprocess.run(cmd, capture_output=True, text=True, timeout=120)
    return proc.returncode == 0, proc.stderr[-4000:]


@app.task(name="ics2.validate_filing", bind=True, max_retries=3)
def validate_filing(self, payload: str) -> dict:
    try:
        job = decode_job(payload)
    except Exception as exc:
        log.error("undecodable filing job: %r", exc)
        return {"ok": False, "error": "bad job"}
    doc_path = os.path.realpath(os.path.join(INBOX, job.sender, os.path.basename(job.filename)))
    if os.path.commonpath([doc_path, INBOX]) != INBOX:
        return {"filing_id": job.filing_id, "ok": False, "error": "bad path"}
    if not os.path.isfile(doc_path):
        raise self.retry(countdown=30)
    ok, errors = schema_check(doc_path)
    log.info("filing %r from %r: %s", job.filing_id, job.sender, "valid" if ok else "invalid")
    return {"filing_id": job.filing_id, "ok": ok, "errors": errors}


def enqueue(filing_id: str, filename: str, sender: str) -> None:
    payload = json.dumps(vars(FilingJob(filing_id, filename, sender)))
    validate_filing.delay(payload)
