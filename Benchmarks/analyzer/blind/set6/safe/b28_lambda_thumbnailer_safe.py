import os
import subprocess
import urllib.parse
import uuid

import boto3

s3 = boto3.client("s3")
THUMB_BUCKET = os.environ.get("THUMB_BUCKET", "media-thumbnails")
SIZE = "256x256"


def make_thumbnail(src):
    out = f"/tmp/thumb_{uuid.uuid4().hex}.jpg"
    result = subprocess.run(
        ["convert", src, "-auto-orient", "-thumbnail", SIZE, out],
        capture_output=True, timeout=60,
    )
    if result.returncode != 0:
        raise RuntimeError(f"convert failed with status {result.returncode}")
    return out


def handler(event, context):
    done = []
    for record in event.get("Records", []):
        bucket = record["s3"]["bucket"]["name"]
        key = urllib.parse.unquote_plus(record["s3"]["object"]["key"])
        src = f"/tmp/src_{uuid.uuid4().hex}"
        s3.download_file(bucket, key, src)
        try:
            thumb = make_thumbnail(src)
            s3.upload_file(thumb, THUMB_BUCKET, f"thumbs/{key}")
            os.remove(thumb)
        finally:
            os.remove(src)
        done.append(key)
    return {"processed": done}
