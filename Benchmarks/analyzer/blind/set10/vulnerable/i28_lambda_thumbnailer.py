import os
import shutil
import tempfile
from urllib.parse import unquote_plus

import boto3

s3 = boto3.client("s3")
OUTPUT_BUCKET = os.environ["THUMBNAIL_BUCKET"]


def make_thumbnail(src, dest):
    status = os.system(f"ffmpeg -loglevel error -y -i '{src}' -ss 00:00:01 -vframes 1 -vf scale=320:-1 '{dest}'")  # VULN flow
    if status != 0:
        raise RuntimeError(f"ffmpeg exited with status {status}")


def handler(event, context):
    produced = []
    for record in event.get("Records", []):
        bucket = record["s3"]["bucket"]["name"]
        key = unquote_plus(record["s3"]["object"]["key"])
        if not key.lower().endswith((".mp4", ".mov", ".webm")):
            continue
        workdir = tempfile.mkdtemp()
        try:
            local = os.path.join(workdir, os.path.basename(key))
            thumb = os.path.splitext(local)[0] + ".jpg"
            s3.download_file(bucket, key, local)
            make_thumbnail(local, thumb)
            out_key = "thumbs/" + os.path.splitext(key)[0] + ".jpg"
            s3.upload_file(thumb, OUTPUT_BUCKET, out_key, ExtraArgs={"ContentType": "image/jpeg"})
            produced.append(out_key)
        finally:
            shutil.rmtree(workdir, ignore_errors=True)
    return {"thumbnails": produced}
