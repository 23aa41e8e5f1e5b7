"""Remote action-cache client shared by every CI runner.

Each build step's output is cached under a digest of its inputs so that
merge-request pipelines (including those from forks) can reuse results.
"""
import hashlib
import hmac
import json
import logging
import os
from typing import Any, Callable, Dict, Optional

import requests

log = logging.getLogger("buildcache")

SIGNATURE_LEN = 32


class CacheKey:
    def __init__(self, target: str, inputs: Dict[str, Any]):
        self.target = target
        self.inputs = inputs

    def digest(self) -> str:
        h = hashlib.sha256(self.target.encode())
        for name in sorted(self.inputs):
            h.update(name.encode())
            h.update(repr(self.inputs[name]).encode())
        return h.hexdigest()


class RemoteCache:
    def __init__(self, base_url: str, signing_key: bytes, token: Optional[str] = None):
        self.base_url = base_url.rstrip("/")
        self.signing_key = signing_key
        self.session = requests.Session()
        if token:
            self.session.headers["Authorization"] = f"Bearer {token}"

    def _fetch(self, digest: str) -> Optional[bytes]:
        resp = self.session.get(f"{self.base_url}/ac/{digest}", timeout=15)
        if resp.status_code == 404:
            return None
        resp.raise_for_status()
        return resp.content

    def load(self, key: CacheKey) -> Optional[Any]:
        blob = self._fetch(key.digest())
        if blob is None:
            log.debug("cache miss for %s", key.target)
            return None
        sig, body = blob[:SIGNATURE_LEN], blob[SIGNATURE_LEN:]
        expected = hmac.new(self.signing_key, body, hashlib.sha256).digest()
        if not hmac.compare_digest(sig, expected):
            log.warning("discarding cache entry with bad signature for %s", key.target)
            return None
        result = json.loads(body.decode("utf-8"))
        log.debug("cache hit for %s (%d bytes)", key.target, len(blob))
        return result

    def store(self, key: CacheKey, value: Any) -> None:
        body = json.dumps(value, sort_keys=True).encode("utf-8")
        payload = hmac.new(self.signing_key, body, hashlib.sha256).digest() + body
        resp = self.session.put(f"{self.base_url}/ac/{key.digest()}", data=payload, timeout=30)
        resp.raise_for_status()


def cached_step(cache: RemoteCache, target: str, inputs: Dict[str, Any],
                build_fn: Callable[[], Any]) -> Any:
    key = CacheKey(target, inputs)
    try:
        hit = cache.load(key)
    except requests.RequestException as exc:
        log.warning("cache unavailable: %s", exc)
        hit = None
    if hit is not None:
        return hit
    value = build_fn()
    try:
        cache.store(key, value)
    except requests.RequestException as exc:
        log.warning("could not upload cache entry: %s", exc)
    return value


def default_cache() -> RemoteCache:
    return RemoteCache(
        os.environ.get("BUILD_CACHE_URL", "https://buildcache.ci.internal"),
        os.environ["BUILD_CACHE_SIGNING_KEY"].encode(),
        os.environ.get("BUILD_CACHE_TOKEN"),
    )
