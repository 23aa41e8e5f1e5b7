import json
import os
import subprocess
import urllib.parse

import boto3

s3 = boto3.client("s3")
THUMB_BUCKET = os.environ.get("THUMB_BUCKET", "media-thumbs")
SIZES = {"small": "128x128", "medium": "512x512"}


def _local_path(key):
    return os.path.join("/tmp", os.path.basename(key))


def _resize_cmd(src, dst, size):
    return f"convert '{src}' -strip -resize {size} '{dst}'"


def handler(event, context):
    results = []
    for record in event.get("Records", []):
        bucket = record["s3"]["bucket"]["name"]
        key = urllib.parse.unquote_plus(record["s3"]["object"]["key"])
        src = _local_path(key)
        s3.download_file(bucket, key, src)
        for label, size in SIZES.items():
            dst = f"/tmp/{label}-{os.path.basename(key)}"
            cmd = _resize_cmd(src, dst, size)
            proc = subprocess.run(cmd, shell=True, capture_output=True)  # VULN flow
            if proc.returncode != 0:
                print(json.dumps({"key": key, "label": label, "rc": proc.returncode}))
                continue
            s3.upload_file(dst, THUMB_BUCKET, f"{label}/{key}")
            results.append(f"{label}/{key}")
    return {"statusCode": 200, "body": json.dumps({"thumbnails": results})}
