"""SQS consumer that evicts rendered assets from the local edge cache.

The CMS publishes an eviction message whenever an editor replaces an asset;
the message body carries the asset key exactly as the editor uploaded it.
"""
import json
import logging
import os
from dataclasses import dataclass

import boto3

log = logging.getLogger("cache_eviction")

QUEUE_URL = os.environ["EVICTION_QUEUE_URL"]
CACHE_ROOT = os.environ.get("EDGE_CACHE_ROOT", "/var/cache/edge")
VARIANTS = ("", ".webp", ".avif", ".gz")


@dataclass
class Eviction:
    site: str
    asset_key: str
    receipt: str

    @classmethod
    def from_message(cls, message: dict) -> "Eviction":
        body = json.loads(message["Body"])
        return cls(site=str(body["site"]), asset_key=str(body["key"]), receipt=message["ReceiptHandle"])


class EdgeCache:
    def __init__(self, root: str):
        self.root = os.path.realpath(root)

    def cached_files(self, eviction: Eviction):
        base = os.path.join(self.root, eviction.site, eviction.asset_key)
        paths = []
        for suffix in VARIANTS:
            resolved = os.path.realpath(base + suffix)
            if not resolved.startswith(self.root + os.sep):
                raise ValueError("asset key escapes the cache root")
            paths.append(resolved)
        return paths

    def evict(self, eviction: Eviction) -> int:
        removed = 0
        for path in self.cached_files(eviction):
            if os.path.exists(path):
                os.remove(path)
                removed += 1
        return removed


def poll(sqs, cache: EdgeCache) -> None:
    resp = sqs.receive_message(QueueUrl=QUEUE_URL, MaxNumberOfMessages=10, WaitTimeSeconds=20)
    for message in resp.get("Messages", []):
        try:
            eviction = Eviction.from_message(message)
            removed = cache.evict(eviction)
            log.info("evicted %d files for %r", removed, eviction.asset_key)
        except (KeyError, ValueError) as exc:
            log.warning("discarding malformed eviction: %r", exc)
        sqs.delete_message(QueueUrl=QUEUE_URL, ReceiptHandle=message["ReceiptHandle"])


def main() -> None:
    sqs = boto3.client("sqs")
    cache = EdgeCache(CACHE_ROOT)
    while True:
        poll(sqs, cache)


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    main()
