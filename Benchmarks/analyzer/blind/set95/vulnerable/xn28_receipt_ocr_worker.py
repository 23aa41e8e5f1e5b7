"""Celery worker that OCRs uploaded expense receipts with tesseract."""
import logging
import os
import re
import subprocess
from decimal import Decimal, InvalidOperation

from celery import Celery

log = logging.getLogger("ocr")

app = Celery("receipts", broker=os.environ.get("CELERY_BROKER_URL", "redis://localhost:6379/3"))
RECEIPT_ROOT = os.environ.get("RECEIPT_ROOT", "/srv/receipts")
TOTAL_RE = re.compile(r"(?:total|summe|montant)\D{0,10}(\d+[.,]\d{2})", re.IGNORECASE)


class OcrOptions:
    def __init__(self, lang: str = "eng", psm: int = 6):
        self.lang = lang
        self.psm = psm

    def command_for(self, image_path: str) -> str:
        return f"tesseract '{image_path}' stdout -l {self.lang} --psm {self.psm}"


def extract_total(text: str):
    match = TOTAL_RE.search(text)
    if not match:
        return None
    try:
        return Decimal(match.group(1).replace(",", "."))
    except InvalidOperation:
        return None


@app.task(bind=True, max_retries=3, default_retry_delay=30)
def ocr_receipt(self, receipt_id: int, stored_name: str, lang: str = "eng", psm: int = 6):
    """Task args come from the upload API (language chosen by the submitter)."""
    image_path = os.path.join(RECEIPT_ROOT, os.path.basename(stored_name))
    opts = OcrOptions(lang=lang, psm=psm)
    cmd = opts.command_for(image_path)
    try:
        raw = subprocess.check_output(cmd, shell=True, stderr=subprocess.STDOUT, timeout=120)  # VULN flow
    except subprocess.CalledProcessError as exc:
        log.warning("tesseract failed for receipt %s: rc=%s", receipt_id, exc.returncode)
        raise self.retry(exc=exc)
    text = raw.decode("utf-8", errors="replace")
    total = extract_total(text)
    return {"receipt_id": receipt_id, "text": text[:4000], "total": str(total) if total is not None else None}
