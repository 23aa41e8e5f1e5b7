"""S3-triggered Lambda that renders first-page previews of uploaded PDFs."""
import logging
import os
import subprocess
import tempfile
import urllib.parse
import uuid

import boto3

s3 = boto3.client("s3")
PREVIEW_BUCKET = os.environ["PREVIEW_BUCKET"]
PREVIEW_PREFIX = os.environ.get("PREVIEW_PREFIX", "previews/")

logger = logging.getLogger()
logger.setLevel(logging.INFO)


def render_preview(local_pdf, local_png, density=110, width=800):
    command = [
        "convert", "-density", str(int(density)), f"{local_pdf}[0]",
        "-background", "white", "-alpha", "remove", "-resize", f"{int(width)}x", local_png,
    ]
    subprocess.check_call(command, timeout=60)


def preview_key(source_key):
    stem, _ = os.path.splitext(source_key)
    return f"{PREVIEW_PREFIX}{stem}.png"


def process_record(record, workdir):
    bucket = record["s3"]["bucket"]["name"]
    key = urllib.parse.unquote_plus(record["s3"]["object"]["key"])
    if not key.lower().endswith(".pdf"):
        return None
    filename = f"{uuid.uuid4().hex}.pdf"
    local_pdf = os.path.join(workdir, filename)
    local_png = os.path.splitext(local_pdf)[0] + ".png"
    s3.download_file(bucket, key, local_pdf)
    render_preview(local_pdf, local_png)
    target = preview_key(key)
    s3.upload_file(local_png, PREVIEW_BUCKET, target, ExtraArgs={"ContentType": "image/png"})
    return target


def handler(event, context):
    created = []
    with tempfile.TemporaryDirectory() as workdir:
        for record in event.get("Records", []):
            try:
                target = process_record(record, workdir)
            except subprocess.CalledProcessError as exc:
                logger.error("conversion failed with exit code %d", exc.returncode)
                continue
            if target:
                created.append(target)
    logger.info("created %d previews", len(created))
    return {"previews": created}
