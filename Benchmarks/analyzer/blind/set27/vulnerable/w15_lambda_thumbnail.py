"""S3-triggered Lambda that renders thumbnails for newly uploaded images."""
import logging
import os
import urllib.parse
from subprocess import check_call as run_cmd

import boto3

log = logging.getLogger()
log.setLevel(logging.INFO)

s3 = boto3.client("s3")
THUMB_BUCKET = os.environ.get("THUMB_BUCKET", "media-thumbs")
SIZES = {"small": "128x128", "medium": "512x512"}


def _object_refs(event):
    for record in event.get("Records", []):
        bucket = record["s3"]["bucket"]["name"]
        key = urllib.parse.unquote_plus(record["s3"]["object"]["key"])
        yield bucket, key


def local_copy(bucket, key):
    path = os.path.join("/tmp", os.path.basename(key))
    s3.download_file(bucket, key, path)
    return path


def make_thumbnail(src, size):
    base, ext = os.path.splitext(src)
    dst = f"{base}_{size}{ext}"
    cmd = "convert '%s' -auto-orient -thumbnail %s '%s'" % (src, SIZES[size], dst)
    run_cmd(cmd, shell=True)  # VULN flow
    return dst


def handler(event, context):
    produced = []
    for bucket, key in _object_refs(event):
        src = local_copy(bucket, key)
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
