"""Worker that materialises user-submitted conda environment specs on the shared software tree."""
import json
import logging
import os
import re
import subprocess
import time
from dataclasses import dataclass, field
from typing import List

import redis
import yaml

QUEUE = "envbuild:requests"
RESULTS = "envbuild:results"
ENV_ROOT = os.environ.get("ENV_ROOT", "/sw/envs/user")
BUILD_DIR = os.environ.get("ENV_BUILD_DIR", "/var/tmp/envbuild")
NAME_RE = re.compile(r"^[a-z0-9][a-z0-9_.-]{0,62}$")

log = logging.getLogger("envbuild")


@dataclass
class EnvSpec:
    name: str
    owner: str
    channels: List[str] = field(default_factory=lambda: ["conda-forge"])
    dependencies: List[str] = field(default_factory=list)


def parse_spec(text: str, owner: str) -> EnvSpec:
    doc = yaml.safe_load(text)
    if not isinstance(doc, dict):
        raise ValueError("spec must be a mapping")
    name = str(doc.get("name", "")).lower()
    if not NAME_RE.match(name):
        raise ValueError(f"invalid environment name {name!r}")
    return EnvSpec(
        name=name,
        owner=owner,
        channels=list(doc.get("channels") or ["conda-forge"]),
        dependencies=[str(d) for d in doc.get("dependencies") or []],
    )


def build(spec: EnvSpec) -> str:
    os.makedirs(BUILD_DIR, exist_ok=True)
    env_file = os.path.join(BUILD_DIR, f"{spec.owner}-{spec.name}.yml")
    with open(env_file, "w") as fh:
        yaml.safe_dump({"channels": spec.channels, "dependencies": spec.dependencies}, fh)
    prefix = os.path.join(ENV_ROOT, spec.owner, spec.name)
    subprocess.run(["conda", "env", "create", "--yes", "-f", env_file, "-p", prefix], check=True, capture_output=True)
    return prefix


def handle(raw: bytes, conn: redis.Redis) -> None:
    msg = json.loads(raw)
    owner = msg["owner"]
    try:
        spec = parse_spec(msg["spec"], owner)
        prefix = build(spec)
        result = {"id": msg["id"], "status": "ok", "prefix": prefix}
    except (ValueError, subprocess.CalledProcessError) as exc:
        log.warning("build %r failed: %r", msg.get("id"), exc)
        result = {"id": msg["id"], "status": "failed", "error": str(exc)}
    conn.rpush(RESULTS, json.dumps(result))


def main() -> None:
    logging.basicConfig(level=logging.INFO)
    conn = redis.Redis.from_url(os.environ.get("REDIS_URL", "redis://localhost:6379/2"))
    log.info("waiting for requests on %s", QUEUE)
    while True:
        item = conn.blpop(QUEUE, timeout=30)
        if item is None:
            continue
        _, raw = item
        try:
            handle(raw, conn)
        except Exception:
            log.exception("unexpected failure")
            time.sleep(1)


if __name__ == "__main__":
    main()
