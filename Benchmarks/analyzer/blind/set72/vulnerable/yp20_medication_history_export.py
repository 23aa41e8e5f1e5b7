"""Export a patient's medication history (dispenses + e-prescriptions) as
NDJSON for a records request or a transfer to another pharmacy.
"""
import json
import logging
import os
from datetime import datetime

import click
import psycopg2
import psycopg2.extras

log = logging.getLogger("medhist_export")

EXPORT_ROOT = os.environ.get("MEDHIST_EXPORT_ROOT", "/srv/exports/medhist")
DSN = os.environ.get("PMS_DSN", "dbname=pharmacy")

QUERY = """
SELECT d.dispensed_at, d.rx_number, d.ndc, d.drug_name, d.quantity, d.days_supply,
       r.prescriber_name, r.prescriber_npi, r.sig
  FROM dispenses d
  JOIN prescriptions r ON r.id = d.prescription_id
 WHERE d.patient_id = %s
 ORDER BY d.dispensed_at
"""


def ensure_export_dir(request_id: int) -> str:
    path = os.path.join(EXPORT_ROOT, "req_%06d" % request_id)
    os.makedirs(path, mode=0o777, exist_ok=True)  # VULN
    return path


def fetch_history(patient_id: int):
    with psycopg2.connect(DSN) as conn:
        with conn.cursor(cursor_factory=psycopg2.extras.RealDictCursor) as cur:
            cur.execute(QUERY, (patient_id,))
            for row in cur:
                yield row


def write_ndjson(path: str, rows) -> int:
    n = 0
    with open(path, "w", encoding="utf-8") as fh:
        for row in rows:
            fh.write(json.dumps(row, default=str) + "\n")
            n += 1
    os.chmod(path, 0o666)  # VULN
    return n


@click.command()
@click.option("--request-id", type=int, required=True, help="records request ticket number")
@click.option("--patient-id", type=int, required=True)
@click.option("--operator", envvar="USER", default="unknown")
def main(request_id: int, patient_id: int, operator: str):
    """Write medication history for PATIENT_ID into the export drop folder."""
    logging.basicConfig(level=logging.INFO)
    out_dir = ensure_export_dir(request_id)
    stamp = datetime.now().strftime("%Y%m%dT%H%M%S")
    out_path = os.path.join(out_dir, "medhist_%d_%s.ndjson" % (patient_id, stamp))
    count = write_ndjson(out_path, fetch_history(patient_id))
    log.info("request %d: %d rows written by %s", request_id, count, operator)
    click.echo(out_path)


if __name__ == "__main__":
    main()
