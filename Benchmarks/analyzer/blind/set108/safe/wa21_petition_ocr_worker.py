"""RabbitMQ consumer: OCRs scanned petition sheets uploaded by circulators
and stores the extracted text for the signature-matching stage."""
import json
import logging
import os
import subprocess
import uuid
from dataclasses import dataclass

import pika
import psycopg2

log = logging.getLogger("petition_ocr")

INBOX = os.environ.get("PETITION_SCAN_INBOX", "/srv/petitions/scans")
WORK_DIR = os.environ.get("PETITION_OCR_WORKDIR", "/srv/petitions/ocr")
QUEUE = "petition.scans.uploaded"


@dataclass
class ScanJob:
    scan_id: str
    petition_code: str
    scan_path: str

    @classmethod
    def from_message(cls, msg: dict) -> "ScanJob":
        filename = os.path.basename(msg["filename"])
        return cls(
            scan_id=str(uuid.UUID(msg["scan_id"])),
            petition_code=msg["petition_code"],
            scan_path=os.path.join(INBOX, filename),
        )


def extract_text(job: ScanJob) -> str:
    out_txt = os.path.join(WORK_DIR, f"{job.scan_id}.txt")
    rc = subprocess.run(["pdftotext", "-layout", job.scan_path, out_txt], check=False).returncode
    if rc != 0:
        raise RuntimeError(f"pdftotext exited with {rc}")
    with open(out_txt, encoding="utf-8", errors="replace") as fh:
        return fh.read()


def record_result(conn, job: ScanJob, text: str) -> None:
    sql = (
        "UPDATE petition_scans SET ocr_text = %s, status = 'ocr_done' "
        "WHERE scan_id = %s AND petition_code = %s"
    )
    with conn.cursor() as cur:
        cur.execute(sql, (text, job.scan_id, job.petition_code))
    conn.commit()


def make_handler(conn):
    def on_message(ch, method, properties, body):
        try:
            job = ScanJob.from_message(json.loads(body))
            text = extract_text(job)
            record_result(conn, job, text)
        except Exception:
            log.exception("failed to OCR scan message")
            ch.basic_nack(delivery_tag=method.delivery_tag, requeue=False)
            return
        ch.basic_ack(delivery_tag=method.delivery_tag)
        log.info("OCR complete for scan %s (%d chars)", job.scan_id, len(text))

    return on_message


def main() -> None:
    logging.basicConfig(level=logging.INFO)
    conn = psycopg2.connect(os.environ["PETITION_DB_DSN"])
    params = pika.URLParameters(os.environ.get("AMQP_URL", "amqp://guest:guest@localhost:5672/%2F"))
    channel = pika.BlockingConnection(params).channel()
    channel.queue_declare(queue=QUEUE, durable=True)
    channel.basic_qos(prefetch_count=1)
    channel.basic_consume(queue=QUEUE, on_message_callback=make_handler(conn))
    channel.start_consuming()


if __name__ == "__main__":
    main()
