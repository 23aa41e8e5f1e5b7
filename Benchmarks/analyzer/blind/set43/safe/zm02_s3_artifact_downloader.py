#!/usr/bin/env python3
"""Pull a build's artifacts from the shared S3 bucket according to its manifest.

The manifest (artifacts/<build>/manifest.json) is written by the CI job that
produced the build and lists each object key and where it should be placed
relative to the install root.
"""
import argparse
import json
import logging
import os
import sys

import boto3

log = logging.getLogger("artifact-pull")


class ArtifactFetcher:
    def __init__(self, bucket: str, build_id: str, dest: str, region: str = "eu-west-1"):
        self.bucket = bucket
        self.build_id = build_id
        self.dest = os.path.realpath(dest)
        self.s3 = boto3.client("s3", region_name=region)

    @property
    def prefix(self) -> str:
        return f"artifacts/{self.build_id}/"

    def load_manifest(self) -> list:
        obj = self.s3.get_object(Bucket=self.bucket, Key=self.prefix + "manifest.json")
        doc = json.loads(obj["Body"].read())
        return doc.get("files", [])

    def _target_for(self, entry: dict) -> str:
        rel = entry.get("install_path") or entry["key"].rsplit("/", 1)[-1]
        target = os.path.realpath(os.path.join(self.dest, rel))
        if os.path.commonpath([self.dest, target]) != self.dest:
            raise ValueError(f"manifest entry escapes install root: {rel!r}")
        return target

    def fetch(self, entry: dict) -> str:
        key = self.prefix + entry["key"]
        target = self._target_for(entry)
        os.makedirs(os.path.dirname(target), exist_ok=True)
        log.info("downloading s3://%s/%r -> %r", self.bucket, key, target)
        self.s3.download_file(self.bucket, key, target)
        mode = entry.get("mode")
        if mode == "exec":
            os.chmod(target, 0o755)
        return target

    def run(self) -> int:
        entries = self.load_manifest()
        if not entries:
            log.warning("manifest for build %s is empty", self.build_id)
            return 1
        for entry in entries:
            self.fetch(entry)
        return 0


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("build_id")
    parser.add_argument("--bucket", default=os.environ.get("ARTIFACT_BUCKET", "ci-artifacts"))
    parser.add_argument("--dest", default="/opt/app/current")
    parser.add_argument("-v", "--verbose", action="store_true")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.DEBUG if args.verbose else logging.INFO)

    fetcher = ArtifactFetcher(args.bucket, args.build_id, args.dest)
    return fetcher.run()


if __name__ == "__main__":
    sys.exit(main())
