"""AWS Lambda: unpack supplier invoice bundles dropped into the intake bucket."""
import csv
import json
import logging
import os
import shutil
import tempfile
import zipfile
from pathlib import Path
from urllib.parse import unquote_plus

import boto3

logger = logging.getLogger()
logger.setLevel(logging.INFO)

s3 = boto3.client("s3")
sqs = boto3.client("sqs")
QUEUE_URL = os.environ["INVOICE_QUEUE_URL"]
MAX_MEMBERS = 500
MAX_MEMBER_BYTES = 20 * 1024 * 1024


def extract_bundle(archive: Path, dest: Path) -> None:
    root = dest.resolve()
    with zipfile.ZipFile(archive) as zf:
        members = [info for info in zf.infolist() if not info.is_dir()]
        if len(members) > MAX_MEMBERS or any(i.file_size > MAX_MEMBER_BYTES for i in members):
            raise ValueError("bundle exceeds size limits")
        for info in members:
            target = (root / info.filename).resolve()
            if root not in target.parents:
                logger.warning("skipping bundle entry outside extraction dir: %r", info.filename)
                continue
            target.parent.mkdir(parents=True, exist_ok=True)
            with zf.open(info) as src, open(target, "wb") as out:
                shutil.copyfileobj(src, out)


def iter_invoices(folder: Path):
    for csv_path in sorted(folder.rglob("*.csv")):
        with csv_path.open(newline="", encoding="utf-8") as fh:
            for row in csv.DictReader(fh):
                yield {
                    "invoice_no": row["invoice_no"],
                    "supplier_ref": row["supplier_ref"],
                    "amount": row["amount"],
                    "currency": row.get("currency") or "EUR",
                }


def process_bundle(bucket: str, key: str) -> int:
    parts = key.split("/")
    supplier = parts[1] if len(parts) >= 3 else "unknown"
    logger.info("Unpacking invoice bundle for supplier %r: %r", supplier, key)
    count = 0
    with tempfile.TemporaryDirectory() as tmp:
        archive = Path(tmp) / "bundle.zip"
        s3.download_file(bucket, key, str(archive))
        extracted = Path(tmp) / "extracted"
        extracted.mkdir()
        extract_bundle(archive, extracted)
        for invoice in iter_invoices(extracted):
            sqs.send_message(QueueUrl=QUEUE_URL, MessageBody=json.dumps({**invoice, "supplier": supplier}))
            count += 1
    return count


def handler(event, context):
    total = 0
    for record in event.get("Records", []):
        bucket = record["s3"]["bucket"]["name"]
        key = unquote_plus(record["s3"]["object"]["key"])
        total += process_bundle(bucket, key)
    return {"statusCode": 200, "body": json.dumps({"invoices": total})}
