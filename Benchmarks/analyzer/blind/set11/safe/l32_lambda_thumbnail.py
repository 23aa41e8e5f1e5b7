"""Lambda triggered by uploads to the user-content bucket; writes 256px thumbnails."""
import json
import logging
import os
import subprocess
import tempfile
from urllib.parse import unquote_plus

import boto3

s3 = boto3.client("s3")
THUMB_BUCKET = os.environ["THUMB_BUCKET"]
SIZES = {"small": "128x128", "medium": "256x256"}
CODERS = {".jpg": "jpeg", ".jpeg": "jpeg", ".png": "png"}

logger = logging.getLogger()
logger.setLevel(logging.INFO)


def make_thumbnail(src, coder, dst, geometry):
    argv = [
        "convert", f"{coder}:{src}", "-auto-orient", "-thumbnail", geometry + "^",
        "-gravity", "center", "-extent", geometry, f"jpeg:{dst}",
    ]
    subprocess.run(argv, check=True, timeout=60)


def handler(event, context):
    results = []
    for record in event.get("Records", []):
        bucket = record["s3"]["bucket"]["name"]
        key = unquote_plus(record["s3"]["object"]["key"])
        coder = CODERS.get(os.path.splitext(key)[1].lower())
        if coder is None:
            continue
        with tempfile.TemporaryDirectory() as workdir:
            local = os.path.join(workdir, "source")
            s3.download_file(bucket, key, local)
            for label, geometry in SIZES.items():
                out = os.path.join(workdir, f"{label}.jpg")
                make_thumbnail(local, coder, out, geometry)
                s3.upload_file(out, THUMB_BUCKET, "%s/%s.jpg" % (label, key))
        results.append(key)
    logger.info("processed %d objects", len(results))
    return {"statusCode": 200, "body": json.dumps({"processed": results})}
