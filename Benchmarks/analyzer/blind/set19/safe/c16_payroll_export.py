"""Payroll export tasks: build the bank CSV, encrypt it and hand it to the SFTP drop."""
import csv
import logging
import os
import re
import shutil
import subprocess
import tempfile
from decimal import Decimal

from celery import shared_task
from sqlalchemy import select

from payroll.db import Session
from payroll.models import PayrollLine, PayrollRun

log = logging.getLogger("payroll.export")

DROP_DIR = os.environ.get("PAYROLL_DROP_DIR", "/srv/sftp/bank-drop")
FIELDS = ["employee_no", "iban", "bic", "net_amount", "reference"]
KEY_ID_RE = re.compile(r"^(?:0x)?[0-9A-Fa-f]{16,40}$")


def fetch_lines(run_id):
    with Session() as session:
        run = session.get(PayrollRun, run_id)
        if run is None or run.status != "approved":
            raise ValueError(f"payroll run {run_id} is not approved")
        stmt = select(PayrollLine).where(PayrollLine.run_id == run_id).order_by(PayrollLine.employee_no)
        return run.period, [line.as_export_row() for line in session.scalars(stmt)]


def write_csv(rows, fh):
    total = Decimal("0")
    writer = csv.DictWriter(fh, fieldnames=FIELDS)
    writer.writeheader()
    for row in rows:
        writer.writerow(row)
        total += Decimal(str(row["net_amount"]))
    return total


@shared_task(bind=True, max_retries=3, default_retry_delay=60)
def export_payroll(self, run_id, recipient):
    """Export an approved run; recipient is the bank key id entered by the HR operator."""
    if not KEY_ID_RE.fullmatch(recipient):
        raise ValueError("recipient must be a hex key id")
    period, rows = fetch_lines(run_id)
    target = os.path.join(DROP_DIR, f"payroll-{period}.csv.gpg")
    with tempfile.TemporaryDirectory(prefix="payroll-") as workdir:
        fd, path = tempfile.mkstemp(suffix=".csv", dir=workdir)
        with os.fdopen(fd, "w", newline="") as fh:
            total = write_csv(rows, fh)
        os.chmod(path, 0o600)
        encrypted = path + ".gpg"
        cmd = ["gpg", "--batch", "--yes", "--encrypt", "-r", recipient, "--output", encrypted, path]
        try:
            subprocess.check_call(cmd)
        except subprocess.CalledProcessError as exc:
            log.error("encryption failed for run %s: rc=%s", run_id, exc.returncode)
            raise self.retry(exc=exc)
        shutil.move(encrypted, target)
    log.info("run %s exported: %d lines, total %s", run_id, len(rows), total)
    return {"run": run_id, "file": target, "lines": len(rows), "total": str(total)}
