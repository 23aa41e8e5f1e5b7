"""Lambda handler that unpacks client document bundles dropped in the intake bucket."""
import json
import logging
import os
import tarfile
import tempfile
import urllib.parse

import boto3

log = logging.getLogger()
log.setLevel(logging.INFO)

s3 = boto3.client("s3")
WORK_ROOT = os.environ.get("BUNDLE_WORK_ROOT") or os.path.join(tempfile.gettempdir(), "bundles")
OUTPUT_BUCKET = os.environ["MATTER_DOCS_BUCKET"]
ALLOWED_SUFFIXES = (".pdf", ".docx", ".txt", ".eml")


def download_bundle(bucket, key):
    fd, local_path = tempfile.mkstemp(suffix=".tar.gz", dir=WORK_ROOT)
    os.close(fd)
    s3.download_file(bucket, key, local_path)
    return local_path


def _safe_members(bundle, dest):
    root = os.path.realpath(dest)
    for member in bundle.getmembers():
        target = os.path.realpath(os.path.join(root, member.name))
        if os.path.commonpath([root, target]) != root:
            raise tarfile.TarError("member escapes bundle root: %r" % member.name)
        if member.isfile() or member.isdir():
            yield member


def extract_bundle(archive_path, matter_id):
    dest = os.path.join(WORK_ROOT, matter_id)
    os.makedirs(dest, exist_ok=True)
    with tarfile.open(archive_path, "r:gz") as bundle:
        bundle.extractall(dest, members=list(_safe_members(bundle, dest)), filter="data")
    os.chmod(dest, 0o700)
    return dest


def publish_documents(dest, matter_id):
    uploaded = []
    for root, _dirs, files in os.walk(dest):
        for name in files:
            if not name.lower().endswith(ALLOWED_SUFFIXES):
                continue
            full = os.path.join(root, name)
            rel = os.path.relpath(full, dest)
            s3.upload_file(full, OUTPUT_BUCKET, "matters/%s/%s" % (matter_id, rel))
            uploaded.append(rel)
    return uploaded


def handler(event, context):
    os.makedirs(WORK_ROOT, exist_ok=True)
    results = []
    for record in event.get("Records", []):
        bucket = record["s3"]["bucket"]["name"]
        key = urllib.parse.unquote_plus(record["s3"]["object"]["key"])
        matter_id = key.split("/")[1] if key.count("/") >= 2 else "unfiled"
        if not matter_id.isalnum():
            log.warning("skipping object with odd matter id: %r", key)
            continue
        local = download_bundle(bucket, key)
        try:
            dest = extract_bundle(local, matter_id)
            docs = publish_documents(dest, matter_id)
            results.append({"matter": matter_id, "documents": len(docs)})
            log.info("matter %s: published %d documents", matter_id, len(docs))
        except tarfile.TarError:
            log.exception("corrupt bundle %r", key)
        finally:
            os.remove(local)
    return {"statusCode": 200, "body": json.dumps(results)}
