"""AWS Lambda: create thumbnails for images uploaded to the user-content bucket."""
import json
import logging
import os
import shutil
import subprocess
import tempfile
import uuid
from urllib.parse import unquote_plus

import boto3

logger = logging.getLogger()
logger.setLevel(logging.INFO)

s3 = boto3.client("s3")
THUMB_BUCKET = os.environ.get("THUMB_BUCKET", "user-content-thumbs")
SIZES = {"small": "128x128", "medium": "512x512"}
ALLOWED_EXT = {".jpg", ".jpeg", ".png", ".webp"}


def records(event):
    for record in event.get("Records", []):
        bucket = record["s3"]["bucket"]["name"]
        key = unquote_plus(record["s3"]["object"]["key"])
        yield bucket, key


def make_thumbnail(src_path, dest_path, geometry):
    command = ["convert", src_path, "-auto-orient", "-thumbnail", geometry, "-strip", dest_path]
    subprocess.check_call(command, shell=False, timeout=25)


def handle_object(bucket, key, workdir):
    base = os.path.basename(key)
    stem, ext = os.path.splitext(base)
    ext = ext.lower()
    if ext not in ALLOWED_EXT:
        logger.info("skipping %r: unsupported extension", key)
        return []
    # local names are generated, never derived from the uploader's key
    local = os.path.join(workdir, f"{uuid.uuid4().hex}{ext}")
    s3.download_file(bucket, key, local)
    written = []
    for label, geometry in SIZES.items():
        out = os.path.join(workdir, f"{uuid.uuid4().hex}-{label}{ext}")
        make_thumbnail(local, out, geometry)
        thumb_key = f"{os.path.dirname(key)}/{label}/{stem}{ext}".lstrip("/")
        s3.upload_file(out, THUMB_BUCKET, thumb_key)
        written.append(thumb_key)
    return written


def lambda_handler(event, context):
    workdir = tempfile.mkdtemp(prefix="thumbs-")
    produced = []
    try:
        for bucket, key in records(event):
            produced.extend(handle_object(bucket, key, workdir))
    finally:
        shutil.rmtree(workdir, ignore_errors=True)
    return {"statusCode": 200, "body": json.dumps({"thumbnails": produced})}
