"""S3-triggered Lambda that unpacks uploaded dataset tarballs into the curated bucket."""
import csv
import logging
import os
import re
import tarfile
import tempfile
from urllib.parse import unquote_plus

import boto3

log = logging.getLogger()
log.setLevel(logging.INFO)

s3 = boto3.client("s3")
CURATED_BUCKET = os.environ["CURATED_BUCKET"]
DATASET_RE = re.compile(r"^uploads/(?P<dataset>[a-z0-9-]{3,48})/[^/]+\.(tar\.gz|tgz)$")


def unpack(archive_path, dest):
    with tarfile.open(archive_path, "r:gz") as tar:
        tar.extractall(dest)  # VULN flow


def has_header(path):
    with open(path, newline="", encoding="utf-8", errors="replace") as fh:
        first = next(csv.reader(fh), [])
    return bool(first) and all(col.strip() for col in first)


def publish(root, dataset):
    published = 0
    for dirpath, _dirs, files in os.walk(root):
        for name in files:
            local = os.path.join(dirpath, name)
            if name.endswith(".csv") and not has_header(local):
                log.warning("skipping headerless csv %r in dataset %r", name, dataset)
                continue
            rel = os.path.relpath(local, root).replace(os.sep, "/")
            s3.upload_file(local, CURATED_BUCKET, f"datasets/{dataset}/{rel}")
            published += 1
    return published


def handler(event, context):
    results = {}
    for record in event.get("Records", []):
        bucket = record["s3"]["bucket"]["name"]
        key = unquote_plus(record["s3"]["object"]["key"])
        match = DATASET_RE.match(key)
        if not match:
            log.info("ignoring object %r", key)
            continue
        dataset = match.group("dataset")
        with tempfile.TemporaryDirectory() as workdir:
            archive = os.path.join(workdir, "upload.tar.gz")
            s3.download_file(bucket, key, archive)
            extracted = os.path.join(workdir, "data")
            os.mkdir(extracted)
            unpack(archive, extracted)
            results[dataset] = publish(extracted, dataset)
    log.info("published files per dataset: %r", results)
    return {"published": results}
