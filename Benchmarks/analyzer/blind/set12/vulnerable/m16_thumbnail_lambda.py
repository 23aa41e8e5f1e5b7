"""AWS Lambda: generate a poster-frame thumbnail for videos uploaded to S3."""
import json
import logging
import os
import subprocess
import urllib.parse

import boto3

logger = logging.getLogger()
logger.setLevel(logging.INFO)

s3 = boto3.client("s3")
OUTPUT_BUCKET = os.environ.get("THUMBNAIL_BUCKET", "media-thumbnails-prod")
FFMPEG = os.environ.get("FFMPEG_PATH", "/opt/bin/ffmpeg")
WORK_DIR = "/tmp/thumbs"


def local_paths(key):
    base = os.path.basename(key)
    src = os.path.join(WORK_DIR, base)
    dst = os.path.join(WORK_DIR, os.path.splitext(base)[0] + ".jpg")
    return src, dst


def render_thumbnail(src, dst, at_second=3):
    cmd = f"{FFMPEG} -y -ss {at_second} -i {src} -frames:v 1 -vf scale=480:-2 {dst}"
    logger.info("running ffmpeg for %r", os.path.basename(src))
    subprocess.run(cmd, shell=True, check=True, capture_output=True, timeout=60)  # VULN flow
    os.chmod(dst, 0o777)  # VULN


def handle_record(record):
    bucket = record["s3"]["bucket"]["name"]
    key = urllib.parse.unquote_plus(record["s3"]["object"]["key"])
    if not key.lower().endswith((".mp4", ".mov", ".mkv")):
        logger.info("skipping non-video object")
        return None
    src, dst = local_paths(key)
    s3.download_file(bucket, key, src)
    render_thumbnail(src, dst)
    out_key = "thumbs/" + os.path.basename(dst)
    s3.upload_file(dst, OUTPUT_BUCKET, out_key, ExtraArgs={"ContentType": "image/jpeg"})
    for path in (src, dst):
        try:
            os.remove(path)
        except FileNotFoundError:
            pass
    return out_key


def lambda_handler(event, context):
    os.makedirs(WORK_DIR, exist_ok=True)
    produced, failed = [], 0
    for record in event.get("Records", []):
        try:
            out = handle_record(record)
        except (subprocess.CalledProcessError, subprocess.TimeoutExpired) as exc:
            failed += 1
            logger.error("thumbnail generation failed: %s", exc)
            continue
        if out:
            produced.append(out)
    return {"statusCode": 200, "body": json.dumps({"thumbnails": produced, "failed": failed})}
