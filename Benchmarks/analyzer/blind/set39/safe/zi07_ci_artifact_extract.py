import logging
import os
import tarfile
import tempfile

import boto3
from celery import shared_task

logger = logging.getLogger(__name__)

ARTIFACT_BUCKET = os.environ.get("ARTIFACT_BUCKET", "ci-artifacts")
WORKSPACE_ROOT = "/srv/ci/workspaces"

s3 = boto3.client("s3")


def download_artifact(key, dest_dir):
    local = os.path.join(dest_dir, "artifact.tar.gz")
    s3.download_file(ARTIFACT_BUCKET, key, local)
    return local


def _checked_members(tar, target):
    root = os.path.realpath(target)
    for member in tar.getmembers():
        if not (member.isfile() or member.isdir()):
            raise ValueError(f"unsupported archive entry {member.name!r}")
        dest = os.path.realpath(os.path.join(root, member.name))
        if os.path.commonpath([root, dest]) != root:
            raise ValueError(f"archive entry escapes workspace: {member.name!r}")
        member.mode &= 0o755
        yield member


def unpack(archive_path, target):
    with tarfile.open(archive_path, "r:*") as tar:
        tar.extractall(target, members=list(_checked_members(tar, target)))
    return target


def count_files(root):
    return sum(len(files) for _, _, files in os.walk(root))


@shared_task(bind=True, max_retries=3, acks_late=True)
def stage_build_artifact(self, pipeline_id, artifact_key):
    pipeline_id = int(pipeline_id)
    target = os.path.join(WORKSPACE_ROOT, str(pipeline_id))
    os.makedirs(target, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="artifact-") as tmp:
        try:
            archive = download_artifact(artifact_key, tmp)
        except Exception as exc:
            raise self.retry(exc=exc, countdown=30)
        unpack(archive, target)
    files = count_files(target)
    logger.info("staged pipeline=%s files=%d", pipeline_id, files)
    return {"pipeline_id": pipeline_id, "files": files}


@shared_task
def purge_workspace(pipeline_id):
    pipeline_id = int(pipeline_id)
    target = os.path.join(WORKSPACE_ROOT, str(pipeline_id))
    for root, dirs, files in os.walk(target, topdown=False):
        for name in files:
            os.unlink(os.path.join(root, name))
        for name in dirs:
            path = os.path.join(root, name)
            if os.path.islink(path):
                os.unlink(path)
            else:
                os.rmdir(path)
    if os.path.isdir(target):
        os.rmdir(target)
    logger.info("purged workspace pipeline=%s", pipeline_id)
