import os
import shutil
import subprocess
import tempfile
import uuid
from urllib.parse import unquote_plus

import boto3

s3 = boto3.client("s3")
OUTPUT_BUCKET = os.environ["THUMBNAIL_BUCKET"]
EXTENSIONS = {".mp4": "mp4", ".mov": "mov", ".webm": "webm"}


def make_thumbnail(src, dest, demuxer):
    subprocess.run(
        ["ffmpeg", "-nostdin", "-loglevel", "error", "-protocol_whitelist", "file",
         "-f", demuxer, "-i", src, "-ss", "00:00:01", "-vframes", "1", "-vf", "scale=320:-1", "-y", dest],
        check=True,
        timeout=120,
    )


def handler(event, context):
    produced = []
    for record in event.get("Records", []):
        bucket = record["s3"]["bucket"]["name"]
        key = unquote_plus(record["s3"]["object"]["key"])
        ext = os.path.splitext(key)[1].lower()
        if ext not in EXTENSIONS:
            continue
        workdir = tempfile.mkdtemp()
        try:
            local = os.path.join(workdir, uuid.uuid4().hex + ext)
            thumb = os.path.join(workdir, "thumb.jpg")
            s3.download_file(bucket, key, local)
            make_thumbnail(local, thumb, EXTENSIONS[ext])
            out_key = "thumbs/" + os.path.splitext(key)[0] + ".jpg"
            s3.upload_file(thumb, OUTPUT_BUCKET, out_key, ExtraArgs={"ContentType": "image/jpeg"})
            produced.append(out_key)
        finally:
            shutil.rmtree(workdir, ignore_errors=True)
    return {"thumbnails": produced}
