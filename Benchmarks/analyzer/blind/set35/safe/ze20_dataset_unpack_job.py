"""RQ jobs that unpack uploaded training datasets onto the shared volume."""
import hashlib
import json
import logging
import os
import re
import tarfile

from redis import Redis
from rq import Queue

log = logging.getLogger(__name__)

STAGING_DIR = os.environ.get("DATASET_STAGING", "/srv/uploads/staging")
DATASET_ROOT = os.environ.get("DATASET_ROOT", "/mnt/datasets")
NAME_RE = re.compile(r"[a-z0-9][a-z0-9_-]{0,62}")
UPLOAD_ID_RE = re.compile(r"[0-9a-f]{32}")

queue = Queue("datasets", connection=Redis.from_url(os.environ.get("REDIS_URL", "redis://localhost:6379/0")))


def sha256_of(path, chunk=1 << 20):
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(chunk), b""):
            digest.update(block)
    return digest.hexdigest()


def checked_members(tar, target_dir):
    base = os.path.realpath(target_dir)
    for member in tar.getmembers():
        if not (member.isfile() or member.isdir()):
            raise ValueError(f"unsupported archive member {member.name!r}")
        dest = os.path.realpath(os.path.join(base, member.name))
        if os.path.commonpath([base, dest]) != base:
            raise ValueError(f"archive member escapes target: {member.name!r}")
        member.mode &= 0o755
        yield member


def unpack(archive_path, target_dir):
    os.makedirs(target_dir, exist_ok=True)
    with tarfile.open(archive_path, "r:*") as tar:
        members = list(checked_members(tar, target_dir))
        tar.extractall(target_dir, members=members)
    return [m.name for m in members if m.isfile()]


def process_upload(upload_id, dataset_name, owner):
    if not UPLOAD_ID_RE.fullmatch(upload_id) or not NAME_RE.fullmatch(dataset_name):
        raise ValueError("invalid upload id or dataset name")
    archive_path = os.path.join(STAGING_DIR, f"{upload_id}.tar.gz")
    target_dir = os.path.join(DATASET_ROOT, dataset_name)
    checksum = sha256_of(archive_path)
    files = unpack(archive_path, target_dir)
    manifest = {"name": dataset_name, "owner": owner, "sha256": checksum, "files": sorted(files)}
    with open(os.path.join(target_dir, "MANIFEST.json"), "w", encoding="utf-8") as fh:
        json.dump(manifest, fh, indent=2)
    os.remove(archive_path)
    log.info("dataset %r unpacked (%d files) for %r", dataset_name, len(files), owner)
    return manifest


def enqueue_upload(upload_id, dataset_name, owner):
    return queue.enqueue(process_upload, upload_id, dataset_name, owner, job_timeout=1800)
