"""S3-triggered Lambda that renders thumbnails for newly uploaded images."""
import logging
import os
import urllib.parse
import uuid
from subprocess import check_call as run_cmd

import boto3

log = logging.getLogger()
log.setLevel(logging.INFO)

s3 = boto3.client("s3")
THUMB_BUCKET = os.environ.get("THUMB_BUCKET", "media-thumbs")
SIZES = {"small": "128x128", "medium": "512x512"}
IMAGE_EXTS = {".jpg", ".jpeg", ".png", ".gif", ".webp"}


def _object_refs(event):
    for record in event.get("Records", []):
        bucket = record["s3"]["bucket"]["name"]
        key = urllib.parse.unquote_plus(record["s3"]["object"]["key"])
        yield bucket, key


def local_copy(bucket, key):
    ext = os.path.splitext(key)[1].lower()
    if ext not in IMAGE_EXTS:
        raise ValueError("unsupported image type")
    path = os.path.join("/tmp", uuid.uuid4().hex + ext)
    s3.download_file(bucket, key, path)
    return path


def make_thumbnail(src, size):
    base, ext = os.path.splitext(src)
    dst = f"{base}_{size}{ext}"
    cmd = ["convert", src, "-auto-orient", "-thumbnail", SIZES[size], dst]
    run_cmd(cmd)
    return dst


def handler(event, context):
    produced = []
    for bucket, key in _object_refs(event):
        try:
            src = local_copy(bucket, key)
        except ValueError:
            log.info("skipping non-image object %r", key)
            continue
        try:
            for size in SIZES:
                out = make_thumbnail(src, size)
                dest_key = f"{size}/{os.path.basename(key)}"
                s3.upload_file(out, THUMB_BUCKET, dest_key)
                os.remove(out)
                produced.append(dest_key)
        finally:
            os.remove(src)
    log.info("generated %d thumbnails", len(produced))
    return {"thumbnails": produced}
