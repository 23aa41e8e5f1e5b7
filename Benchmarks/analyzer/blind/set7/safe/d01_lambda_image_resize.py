import json
import os
import subprocess
import urllib.parse
import uuid

import boto3

s3 = boto3.client("s3")
THUMB_BUCKET = os.environ.get("THUMB_BUCKET", "media-thumbs")
SIZES = {"small": "128x128", "medium": "512x512"}
ALLOWED_EXT = {".jpg", ".jpeg", ".png", ".webp"}


def _scratch(ext, label=""):
    return os.path.join("/tmp", f"{uuid.uuid4().hex}{label}{ext}")


def handler(event, context):
    results = []
    for record in event.get("Records", []):
        bucket = record["s3"]["bucket"]["name"]
        key = urllib.parse.unquote_plus(record["s3"]["object"]["key"])
        ext = os.path.splitext(key)[1].lower()
        if ext not in ALLOWED_EXT:
            print(json.dumps({"skipped": key, "reason": "unsupported extension"}))
            continue
        src = _scratch(ext)
        s3.download_file(bucket, key, src)
        try:
            for label, size in SIZES.items():
                dst = _scratch(ext, f"-{label}")
                proc = subprocess.run(["convert", src, "-strip", "-resize", size, dst], capture_output=True, timeout=60)
                if proc.returncode != 0:
                    print(json.dumps({"key": key, "label": label, "rc": proc.returncode}))
                    continue
                s3.upload_file(dst, THUMB_BUCKET, f"{label}/{key}")
                os.remove(dst)
                results.append(f"{label}/{key}")
        finally:
            os.remove(src)
    return {"statusCode": 200, "body": json.dumps({"thumbnails": results})}
