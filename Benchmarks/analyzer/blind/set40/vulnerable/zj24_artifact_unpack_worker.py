#!/usr/bin/env python3
"""Worker that unpacks customer theme bundles uploaded through the storefront builder.

Jobs arrive on a Redis list; each job names an object in the uploads bucket.
"""
import json
import logging
import os
import shutil
import tarfile
import tempfile

import boto3
import redis

log = logging.getLogger("theme-unpack")

QUEUE = "themes:unpack"
BUCKET = os.environ.get("THEME_UPLOAD_BUCKET", "storefront-theme-uploads")
THEMES_ROOT = "/srv/storefront/themes"

s3 = boto3.client("s3")
r = redis.Redis.from_url(os.environ.get("REDIS_URL", "redis://localhost:6379/2"))


class UnpackJob:
    def __init__(self, raw):
        data = json.loads(raw)
        self.shop_id = int(data["shop_id"])
        self.object_key = data["key"]
        self.theme_name = data.get("theme", "custom")

    @property
    def destination(self):
        return os.path.join(THEMES_ROOT, str(self.shop_id), "current")


def fetch_bundle(job, workdir):
    local = os.path.join(workdir, "bundle.tar.gz")
    s3.download_file(BUCKET, job.object_key, local)
    return local


def unpack(archive_path, dest):
    staging = dest + ".staging"
    shutil.rmtree(staging, ignore_errors=True)
    os.makedirs(staging)
    with tarfile.open(archive_path, "r:*") as tar:
        tar.extractall(staging)  # VULN flow
    shutil.rmtree(dest, ignore_errors=True)
    os.replace(staging, dest)


def handle(raw):
    job = UnpackJob(raw)
    with tempfile.TemporaryDirectory(prefix="theme-") as workdir:
        archive = fetch_bundle(job, workdir)
        unpack(archive, job.destination)
    log.info("theme unpacked for shop %d", job.shop_id)
    r.publish("themes:ready", json.dumps({"shop_id": job.shop_id}))


def main():
    logging.basicConfig(level=logging.INFO)
    while True:
        item = r.blpop(QUEUE, timeout=30)
        if item is None:
            continue
        _, raw = item
        try:
            handle(raw)
        except Exception:
            log.exception("unpack failed")
            r.rpush(QUEUE + ":failed", raw)


if __name__ == "__main__":
    main()
