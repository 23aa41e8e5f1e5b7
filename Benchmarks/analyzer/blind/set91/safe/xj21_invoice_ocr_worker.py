"""Celery worker that OCRs scanned supplier invoices.

The portal stores each upload under INBOX/<vendor_id>/<original filename>
and enqueues ocr.process_invoice with the details; we convert PDFs to
TIFF, run tesseract and hand the text to the invoice-capture parser."""
import logging
import os
import subprocess

from celery import Celery

from capture.parser import parse_invoice_text
from capture.store import CaptureStore

log = logging.getLogger("ocr.worker")
celery = Celery("ocr", broker=os.environ.get("CELERY_BROKER_URL", "redis://localhost:6379/4"))

INBOX = os.environ.get("INVOICE_INBOX", "/srv/invoices/inbox")
WORK = os.environ.get("INVOICE_WORK", "/srv/invoices/work")
LANGS = {"en": "eng", "de": "deu", "fr": "fra", "es": "spa", "nl": "nld"}


class OcrJob:
    def __init__(self, upload_id, vendor_id, filename, language="en"):
        self.upload_id = upload_id
        self.vendor_id = vendor_id
        self.filename = os.path.basename(filename)
        self.language = LANGS.get(language, "eng")

    @property
    def source(self):
        return os.path.join(INBOX, str(self.vendor_id), self.filename)

    @property
    def stem(self):
        return os.path.join(WORK, "%s" % int(self.upload_id))


def pdf_to_tiff(job: OcrJob) -> str:
    tiff = job.stem + ".tiff"
    cmd = ["gs", "-q", "-dSAFER", "-dNOPAUSE", "-dBATCH", "-sDEVICE=tiffg4", "-r300",
           "-sOutputFile=" + tiff, "--", job.source]
    if subprocess.call(cmd) != 0:
        raise RuntimeError("ghostscript failed for upload %s" % job.upload_id)
    return tiff


def run_tesseract(job: OcrJob, image: str) -> str:
    out_base = job.stem
    rc = subprocess.call(["tesseract", image, out_base, "-l", job.language])
    if rc != 0:
        raise RuntimeError("tesseract failed for upload %s" % job.upload_id)
    with open(out_base + ".txt", encoding="utf-8") as fh:
        return fh.read()


@celery.task(name="ocr.process_invoice", bind=True, max_retries=2)
def process_invoice(self, upload_id, vendor_id, filename, language="en"):
    job = OcrJob(upload_id, vendor_id, filename, language)
    os.makedirs(WORK, exist_ok=True)
    try:
        image = pdf_to_tiff(job) if job.filename.lower().endswith(".pdf") else job.source
        text = run_tesseract(job, image)
    except RuntimeError as exc:
        log.error("%s", exc)
        raise self.retry(exc=exc, countdown=60)
    fields = parse_invoice_text(text)
    CaptureStore().save(upload_id, vendor_id, fields, raw_text=text)
    log.info("captured upload %s: %d fields", upload_id, len(fields))
    return upload_id
