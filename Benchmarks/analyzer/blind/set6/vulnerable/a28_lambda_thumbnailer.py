import os
import urllib.parse

import boto3

s3 = boto3.client("s3")
THUMB_BUCKET = os.environ.get("THUMB_BUCKET", "media-thumbnails")
SIZE = os.environ.get("THUMB_SIZE", "256x256")


def make_thumbnail(src, key):
    out = "/tmp/thumb_" + os.path.basename(key)
    cmd = f"convert {src} -auto-orient -thumbnail {SIZE} '{out}'"
    status = os.system(cmd)  # VULN flow
    if status != 0:
        raise RuntimeError(f"convert failed with status {status}")
    return out


def handler(event, context):
    done = []
    for record in event.get("Records", []):
        bucket = record["s3"]["bucket"]["name"]
        key = urllib.parse.unquote_plus(record["s3"]["object"]["key"])
        src = "/tmp/source_image"
        s3.download_file(bucket, key, src)
        thumb = make_thumbnail(src, key)
        s3.upload_file(thumb, THUMB_BUCKET, f"thumbs/{key}")
        os.remove(thumb)
        done.append(key)
    return {"processed": done}
