"""Pull pipeline artifacts from S3 and unpack them into the shared shard cache.

Artifacts are uploaded by every pipeline run, including merge requests from forks.
"""
import logging
import os
import shutil
import tarfile
import tempfile
from pathlib import Path
from typing import Iterator, Optional

import boto3

log = logging.getLogger("artifact-cache")


class ArtifactCache:
    def __init__(self, bucket: str, cache_root: str, s3_client=None):
        self.bucket = bucket
        self.cache_root = Path(cache_root)
        self.s3 = s3_client or boto3.client("s3")

    def _download(self, key: str) -> str:
        fd, local = tempfile.mkstemp(prefix="artifact-", suffix=".tar.gz")
        os.close(fd)
        self.s3.download_file(self.bucket, key, local)
        return local

    @staticmethod
    def _checked_members(tar: tarfile.TarFile, dest: Path) -> Iterator[tarfile.TarInfo]:
        root = dest.resolve()
        for member in tar.getmembers():
            if not (member.isfile() or member.isdir()):
                log.warning("skipping non-regular member %r", member.name)
                continue
            target = (root / member.name).resolve()
            if not target.is_relative_to(root):
                log.warning("skipping member outside cache %r", member.name)
                continue
            member.mode &= 0o755
            yield member

    def unpack(self, pipeline_id: int, key: str) -> Path:
        dest = self.cache_root / str(pipeline_id)
        if dest.exists():
            shutil.rmtree(dest)
        dest.mkdir(parents=True)
        archive = self._download(key)
        try:
            with tarfile.open(archive, "r:gz") as tar:
                tar.extractall(dest, members=self._checked_members(tar, dest))
        finally:
            os.unlink(archive)
        os.chmod(dest, 0o750)
        log.info("pipeline %d unpacked into %s", pipeline_id, dest)
        return dest

    def latest_key(self, project: str, ref: str) -> Optional[str]:
        resp = self.s3.list_objects_v2(Bucket=self.bucket, Prefix=f"{project}/{ref}/")
        objects = sorted(resp.get("Contents", []), key=lambda o: o["LastModified"])
        return objects[-1]["Key"] if objects else None


def warm_cache(project: str, ref: str, pipeline_id: int) -> None:
    cache = ArtifactCache(
        bucket=os.environ.get("ARTIFACT_BUCKET", "ci-artifacts"),
        cache_root=os.environ.get("SHARD_CACHE", "/var/cache/ci-shards"),
    )
    key = cache.latest_key(project, ref)
    if key is None:
        log.info("no artifacts for %s@%s", project, ref)
        return
    cache.unpack(pipeline_id, key)


if __name__ == "__main__":
    import sys

    logging.basicConfig(level=logging.INFO)
    warm_cache(sys.argv[1], sys.argv[2], int(sys.argv[3]))
