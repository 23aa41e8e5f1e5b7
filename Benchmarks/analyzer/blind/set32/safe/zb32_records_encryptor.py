"""Nightly job: export discharged-patient summaries for the regional health exchange."""
import base64
import json
import logging
import os
from datetime import date, timedelta

import psycopg2
import psycopg2.extras
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

logger = logging.getLogger("exchange.export")

EXPORT_DIR = os.environ.get("EXCHANGE_EXPORT_DIR", "/srv/exchange/outbound")


def load_key():
    key = base64.b64decode(os.environ["EXCHANGE_EXPORT_KEY"])
    if len(key) != 32:
        raise RuntimeError("EXCHANGE_EXPORT_KEY must decode to 32 bytes")
    return key


def fetch_discharges(day):
    with psycopg2.connect(os.environ["EHR_READONLY_DSN"]) as conn:
        with conn.cursor(cursor_factory=psycopg2.extras.RealDictCursor) as cur:
            cur.execute(
                "SELECT p.mrn, p.family_name, p.given_name, p.birth_date, e.discharged_at, e.primary_icd10 "
                "FROM encounters e JOIN patients p ON p.id = e.patient_id "
                "WHERE e.discharged_at >= %s AND e.discharged_at < %s AND p.exchange_consent",
                (day, day + timedelta(days=1)),
            )
            return cur.fetchall()


class ExportSealer:
    def __init__(self, key):
        self.key = key

    def seal(self, plaintext, associated_data=b"discharge-export-v2"):
        nonce = os.urandom(12)
        encryptor = AESGCM(self.key)
        return nonce + encryptor.encrypt(nonce, plaintext, associated_data)


def write_export(day, blob):
    path = os.path.join(EXPORT_DIR, f"discharges-{day:%Y%m%d}.bin")
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "wb") as fh:
        fh.write(blob)
    return path


def run(day=None):
    day = day or date.today() - timedelta(days=1)
    rows = fetch_discharges(day)
    document = json.dumps({"date": day.isoformat(), "discharges": rows}, default=str).encode("utf-8")
    sealer = ExportSealer(load_key())
    path = write_export(day, sealer.seal(document))
    logger.info("exported %d discharges for %s to %s", len(rows), day, path)
    return path


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    run()
