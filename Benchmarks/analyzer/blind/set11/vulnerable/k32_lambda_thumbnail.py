"""Lambda triggered by uploads to the user-content bucket; writes 256px thumbnails."""
import json
import logging
import os
import subprocess
from urllib.parse import unquote_plus

import boto3

s3 = boto3.client("s3")
THUMB_BUCKET = os.environ["THUMB_BUCKET"]
SIZES = {"small": "128x128", "medium": "256x256"}

logger = logging.getLogger()
logger.setLevel(logging.INFO)


def make_thumbnail(src, dst, geometry):
    cmd = "convert '%s' -auto-orient -thumbnail %s^ -gravity center -extent %s '%s'" % (src, geometry, geometry, dst)
    subprocess.check_call(cmd, shell=True)  # VULN flow


def handler(event, context):
    results = []
    for record in event.get("Records", []):
        bucket = record["s3"]["bucket"]["name"]
        key = unquote_plus(record["s3"]["object"]["key"])
        if not key.lower().endswith((".jpg", ".jpeg", ".png")):
            continue
        local = os.path.join("/tmp", os.path.basename(key))
        s3.download_file(bucket, key, local)
        for label, geometry in SIZES.items():
            out = "%s.%s.jpg" % (local, label)
            make_thumbnail(local, out, geometry)
            s3.upload_file(out, THUMB_BUCKET, "%s/%s.jpg" % (label, key))
            os.remove(out)
        os.remove(local)
        results.append(key)
    logger.info("processed %d objects", len(results))
    return {"statusCode": 200, "body": json.dumps({"processed": results})}
