"""Lambda consumer: renders video thumbnails for messages from the uploads queue."""
import json
import logging
import os
import re
import subprocess
import tempfile

import boto3

logger = logging.getLogger()
logger.setLevel(logging.INFO)

s3 = boto3.client("s3")
OUTPUT_BUCKET = os.environ["THUMBNAIL_BUCKET"]
FFMPEG = os.environ.get("FFMPEG_PATH", "/opt/bin/ffmpeg")
OFFSET_RE = re.compile(r"\d{2}:\d{2}:\d{2}(\.\d{1,3})?")


def parse_record(record):
    body = json.loads(record["body"])
    offset = str(body.get("offset", "00:00:01"))
    if not OFFSET_RE.fullmatch(offset):
        raise ValueError("invalid offset")
    return body["bucket"], body["key"], offset


def render_thumbnail(local_path, out_path, offset):
    command = [FFMPEG, "-y", "-loglevel", "error", "-ss", offset, "-i", local_path, "-frames:v", "1", "-vf", "scale=320:-1", out_path]
    subprocess.check_call(command, timeout=120)


def handle_record(record):
    bucket, key, offset = parse_record(record)
    with tempfile.TemporaryDirectory() as workdir:
        local_path = os.path.join(workdir, "input" + os.path.splitext(key)[1][:8])
        out_path = os.path.join(workdir, "thumb.jpg")
        s3.download_file(bucket, key, local_path)
        render_thumbnail(local_path, out_path, offset)
        thumb_key = f"thumbs/{os.path.splitext(key)[0]}.jpg"
        s3.upload_file(out_path, OUTPUT_BUCKET, thumb_key, ExtraArgs={"ContentType": "image/jpeg"})
    return thumb_key


def lambda_handler(event, context):
    failures = []
    for record in event.get("Records", []):
        try:
            thumb_key = handle_record(record)
            logger.info("thumbnail written: %r", thumb_key)
        except Exception:
            logger.exception("failed to process message %r", record.get("messageId"))
            failures.append({"itemIdentifier": record["messageId"]})
    return {"batchItemFailures": failures}
