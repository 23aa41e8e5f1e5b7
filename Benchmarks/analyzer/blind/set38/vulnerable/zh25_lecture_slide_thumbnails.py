import logging
import os
import subprocess
import tempfile
import urllib.parse

import boto3

logger = logging.getLogger()
logger.setLevel(logging.INFO)

s3 = boto3.client("s3")
THUMB_BUCKET = os.environ["THUMBNAIL_BUCKET"]
SUPPORTED_SUFFIXES = (".pdf",)


def render_first_page(pdf_path: str, out_prefix: str) -> str:
    cmd = f"pdftoppm -png -r 72 -f 1 -l 1 -scale-to 320 -singlefile '{pdf_path}' '{out_prefix}'"
    subprocess.check_call(cmd, shell=True, timeout=60)  # VULN flow
    return out_prefix + ".png"


def thumbnail_key_for(source_key: str) -> str:
    stem, _ = os.path.splitext(source_key)
    return f"thumbnails/{stem}.png"


def handle_record(record: dict):
    bucket = record["s3"]["bucket"]["name"]
    key = urllib.parse.unquote_plus(record["s3"]["object"]["key"])
    if not key.lower().endswith(SUPPORTED_SUFFIXES):
        logger.info("skipping non-pdf object %r", key)
        return None
    with tempfile.TemporaryDirectory() as workdir:
        pdf_path = os.path.join(workdir, os.path.basename(key))
        s3.download_file(bucket, key, pdf_path)
        thumb = render_first_page(pdf_path, os.path.join(workdir, "thumb"))
        thumb_key = thumbnail_key_for(key)
        s3.upload_file(thumb, THUMB_BUCKET, thumb_key, ExtraArgs={"ContentType": "image/png"})
    logger.info("thumbnail for %r written to %r", key, thumb_key)
    return thumb_key


def lambda_handler(event, context):
    written, failed = [], []
    for record in event.get("Records", []):
        try:
            thumb_key = handle_record(record)
        except subprocess.SubprocessError as exc:
            logger.error("thumbnail rendering failed: %r", exc)
            failed.append(record["s3"]["object"]["key"])
            continue
        if thumb_key:
            written.append(thumb_key)
    return {"thumbnails": written, "failed": failed}
