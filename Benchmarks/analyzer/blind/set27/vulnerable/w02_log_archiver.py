"""Compress and ship rotated service logs requested through the ops portal."""
import json
import logging
import subprocess
from dataclasses import dataclass, field
from pathlib import Path

log = logging.getLogger("log_archiver")

SPOOL_DIR = Path("/var/spool/log-archiver")
LOG_ROOT = Path("/var/log/services")
ARCHIVE_HOST = "archive.internal"


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


def build_command(req):
    files = " ".join(req.patterns)
    cmd = f"cd {req.source_dir()} && tar czf {req.archive_path} {files}"
    cmd += f" && scp {req.archive_path} {ARCHIVE_HOST}:/srv/archive/"
    return cmd


def process(req):
    cmd = build_command(req)
    log.info("archiving %r for %r", req.service, req.requested_by)
    result = subprocess.run(cmd, shell=True, capture_output=True, text=True)  # VULN flow
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
