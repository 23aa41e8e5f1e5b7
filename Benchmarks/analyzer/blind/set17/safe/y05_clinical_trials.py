"""Celery tasks that ingest case-report batches uploaded by trial sites."""
import base64
import hashlib
import hmac
import json
import logging
import os
from datetime import datetime, timezone

from celery import Celery
from sqlalchemy import create_engine, text

log = logging.getLogger("trials.ingest")

app = Celery("trials", broker=os.environ.get("TRIALS_BROKER_URL", "redis://localhost:6379/3"))
engine = create_engine(os.environ["TRIALS_DATABASE_URL"], pool_pre_ping=True)

SITE_KEYS = {
    site: key.encode()
    for site, key in (
        item.split(":", 1)
        for item in os.environ.get("TRIAL_SITE_KEYS", "").split(",")
        if ":" in item
    )
}


class BatchRejected(Exception):
    pass


def verify_signature(site_id, payload, signature):
    key = SITE_KEYS.get(site_id)
    if key is None:
        raise BatchRejected("unknown site %r" % site_id)
    expected = hmac.new(key, payload, hashlib.sha256).hexdigest()
    if not hmac.compare_digest(expected, str(signature)):
        raise BatchRejected("bad signature from site %r" % site_id)


def decode_batch(envelope):
    payload = base64.b64decode(envelope["payload"])
    verify_signature(envelope["site_id"], payload, envelope["signature"])
    return payload


def store_forms(site_id, forms):
    now = datetime.now(timezone.utc)
    with engine.begin() as conn:
        for form in forms:
            conn.execute(
                text(
                    "INSERT INTO case_reports (site_id, subject_id, visit, data, received_at) "
                    "VALUES (:site, :subject, :visit, :data, :ts)"
                ),
                {
                    "site": site_id,
                    "subject": form["subject_id"],
                    "visit": form["visit"],
                    "data": json.dumps(form["data"]),
                    "ts": now,
                },
            )


@app.task(name="trials.ingest_site_batch", bind=True, max_retries=3)
def ingest_site_batch(self, envelope):
    try:
        raw = decode_batch(envelope)
    except (KeyError, ValueError, BatchRejected) as exc:
        log.warning("rejected batch: %s", exc)
        return {"status": "rejected"}
    forms = json.loads(raw.decode("utf-8"))
    if not isinstance(forms, list):
        return {"status": "rejected"}
    try:
        store_forms(envelope["site_id"], forms)
    except Exception as exc:
        log.exception("store failed, retrying")
        raise self.retry(exc=exc, countdown=30)
    log.info("stored %d forms for site %r", len(forms), envelope["site_id"])
    return {"status": "stored", "count": len(forms)}
