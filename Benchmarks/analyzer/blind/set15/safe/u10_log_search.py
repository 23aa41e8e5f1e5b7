"""Search API over archived application logs for the support console."""
import gzip
import logging
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterator

from flask import Flask, jsonify, request

logger = logging.getLogger("support.logsearch")
app = Flask(__name__)

ARCHIVE_DIR = Path("/var/log/archive")
SERVICES = {"api", "worker", "scheduler", "gateway"}
_AGENT_RE = re.compile(r"^[A-Za-z0-9._@-]{1,64}$")


@dataclass
class SearchSpec:
    service: str
    pattern: str
    case_sensitive: bool = False
    max_hits: int = 200
    hits: list = field(default_factory=list)


class LogArchive:
    def __init__(self, root: Path = ARCHIVE_DIR):
        self.root = root

    def files_for(self, service: str) -> Iterator[Path]:
        yield from sorted((self.root / service).glob("*.log.gz"), reverse=True)

    def lines(self, service: str) -> Iterator[str]:
        for path in self.files_for(service):
            with gzip.open(path, "rt", errors="replace") as fh:
                yield from fh


class LogSearcher:
    def __init__(self, archive: LogArchive):
        self.archive = archive

    def _compile(self, spec: SearchSpec) -> re.Pattern:
        flags = 0 if spec.case_sensitive else re.IGNORECASE
        return re.compile(re.escape(spec.pattern[:200]), flags)

    def run(self, spec: SearchSpec) -> SearchSpec:
        matcher = self._compile(spec)
        for line in self.archive.lines(spec.service):
            if matcher.search(line):
                spec.hits.append(line.rstrip("\n"))
                if len(spec.hits) >= spec.max_hits:
                    break
        return spec


searcher = LogSearcher(LogArchive())


def _agent_label(raw: str) -> str:
    return raw if _AGENT_RE.fullmatch(raw) else "invalid-agent"


@app.route("/api/logs/<service>/search")
def search_logs(service: str):
    if service not in SERVICES:
        return jsonify({"error": "unknown service"}), 404
    agent = _agent_label(request.headers.get("X-Support-Agent", "anonymous"))
    logger.info("log search by " + agent + " on " + service)
    spec = SearchSpec(
        service=service,
        pattern=request.args.get("q", ""),
        case_sensitive=request.args.get("cs") == "1",
        max_hits=min(int(request.args.get("limit", 200)), 1000),
    )
    try:
        result = searcher.run(spec)
    except re.error as exc:
        return jsonify({"error": f"bad pattern: {exc}"}), 400
    return jsonify({"service": service, "count": len(result.hits), "hits": result.hits})
