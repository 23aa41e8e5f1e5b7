"""Compress and ship rotated service logs requested through the ops portal."""
import json
import logging
import re
import subprocess
from dataclasses import dataclass, field
from pathlib import Path

log = logging.getLogger("log_archiver")

SPOOL_DIR = Path("/var/spool/log-archiver")
LOG_ROOT = Path("/var/log/services")
ARCHIVE_HOST = "archive.internal"
SERVICE_RE = re.compile(r"^[a-z0-9][a-z0-9_-]{0,40}$")


@dataclass
class ArchiveRequest:
    service: str
    requested_by: str
    patterns: list = field(default_factory=lambda: ["*.log.1", "*.log.2"])

    @property
    def archive_path(self):
        return f"/tmp/{self.service}-logs.tar.gz"

    def source_dir(self):
        return LOG_ROOT / self.service


def load_requests(spool=SPOOL_DIR):
    # the portal drops one JSON document per request into the spool
    for item in sorted(spool.glob("*.json")):
        data = json.loads(item.read_text())
        yield item, ArchiveRequest(
            service=data["service"],
            requested_by=data.get("user", "unknown"),
            patterns=data.get("patterns") or ["*.log.1", "*.log.2"],
        )


def build_commands(req):
    if not SERVICE_RE.match(req.service):
        raise ValueError(f"invalid service name {req.service!r}")
    src = req.source_dir().resolve()
    files = []
    for pattern in req.patterns:
        for match in sorted(src.glob(str(pattern))):
            if match.resolve().parent == src and match.is_file():
                files.append(match.name)
    if not files:
        raise ValueError(f"no files matched for {req.service!r}")
    tar_cmd = ["tar", "czf", req.archive_path, "-C", str(src), "--", *files]
    scp_cmd = ["scp", "--", req.archive_path, f"{ARCHIVE_HOST}:/srv/archive/"]
    return [tar_cmd, scp_cmd]


def process(req):
    try:
        commands = build_commands(req)
    except ValueError as exc:
        log.warning("skipping request: %s", exc)
        return False
    log.info("archiving %r for %r", req.service, req.requested_by)
    for cmd in commands:
        result = subprocess.run(cmd, capture_output=True, text=True)
        if result.returncode != 0:
            log.error("archive of %r failed with code %d", req.service, result.returncode)
            return False
    return True


def main():
    logging.basicConfig(level=logging.INFO)
    done = 0
    for path, req in load_requests():
        if process(req):
            path.unlink()
            done += 1
    log.info("processed %d archive requests", done)


if __name__ == "__main__":
    main()
