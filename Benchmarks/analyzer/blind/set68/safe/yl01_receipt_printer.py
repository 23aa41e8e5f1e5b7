"""Receipt reprint service for in-store terminals.

Terminals POST a transaction id and the target printer queue; the
receipt is rendered to a spool file and handed to CUPS via ``lp``.
"""
import logging
import os
import subprocess
from dataclasses import dataclass

from flask import Flask, jsonify, request

app = Flask(__name__)
log = logging.getLogger("pos.receipts")

RECEIPT_DIR = os.environ.get("RECEIPT_SPOOL", "/var/spool/pos/receipts")
DEFAULT_PRINTER = "front-desk"
ALLOWED_PRINTERS = {"front-desk", "customer-service", "backroom", "pharmacy"}
MAX_COPIES = 5


@dataclass
class PrintJob:
    txn_id: str
    printer: str
    copies: int = 1

    def spool_path(self) -> str:
        return os.path.join(RECEIPT_DIR, f"{int(self.txn_id)}.txt")


def render_receipt(txn_id: str) -> str:
    # The ledger service fills in line items; header/footer are static.
    return f"STORE #0042\nTXN {txn_id}\n\nTHANK YOU FOR SHOPPING\n"


def build_lp_command(job: PrintJob) -> list:
    return ["lp", "-d", job.printer, "-n", str(job.copies), job.spool_path()]


def send_to_printer(job: PrintJob) -> int:
    cmd = build_lp_command(job)
    log.info("dispatching print job for txn %s", job.txn_id)
    proc = subprocess.run(cmd, capture_output=True, text=True)
    if proc.returncode != 0:
        log.warning("lp exited with %d", proc.returncode)
    return proc.returncode


@app.route("/receipts/reprint", methods=["POST"])
def reprint():
    body = request.get_json(force=True) or {}
    txn_id = str(body.get("txn_id", ""))
    if not txn_id.isdigit():
        return jsonify(error="txn_id must be numeric"), 400

    try:
        copies = max(1, min(int(body.get("copies", 1)), MAX_COPIES))
    except (TypeError, ValueError):
        return jsonify(error="copies must be an integer"), 400

    printer = body.get("printer", DEFAULT_PRINTER)
    if printer not in ALLOWED_PRINTERS:
        return jsonify(error="unknown printer"), 400

    job = PrintJob(txn_id=txn_id, printer=printer, copies=copies)
    os.makedirs(RECEIPT_DIR, exist_ok=True)
    with open(job.spool_path(), "w") as fh:
        fh.write(render_receipt(txn_id))

    rc = send_to_printer(job)
    return jsonify(ok=rc == 0, txn_id=txn_id)
