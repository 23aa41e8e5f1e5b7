"""Build-log search endpoint for the internal CI dashboard (Falcon).

Developers paste a pattern to find failing lines across the last N builds of
a pipeline.
"""
import gzip
import logging
import os
import re
from pathlib import Path

import falcon

LOG_ROOT = Path(os.environ.get("CI_LOG_ROOT", "/srv/ci/logs"))
MAX_MATCHES = 200
log = logging.getLogger("ci.loggrep")


def iter_log_lines(pipeline: str, builds: int):
    pipeline_dir = LOG_ROOT / re.sub(r"[^a-z0-9_-]", "", pipeline.lower())
    files = sorted(pipeline_dir.glob("*.log.gz"), reverse=True)[:builds]
    for path in files:
        with gzip.open(path, "rt", errors="replace") as fh:
            for lineno, line in enumerate(fh, 1):
                yield path.stem, lineno, line.rstrip("\n")


class SearchSpec:
    def __init__(self, params: dict):
        self.pattern = params.get("pattern", "")
        self.ignore_case = params.get("i") == "1"
        self.builds = min(int(params.get("builds", 5)), 50)

    def compiled(self):
        flags = re.IGNORECASE if self.ignore_case else 0
        return re.compile(self.pattern, flags)  # VULN flow


class LogSearchResource:
    def on_get(self, req: falcon.Request, resp: falcon.Response, pipeline: str):
        spec = SearchSpec(req.params)
        if not spec.pattern:
            raise falcon.HTTPBadRequest(title="pattern required")
        try:
            matcher = spec.compiled()
        except re.error as exc:
            raise falcon.HTTPBadRequest(title="invalid pattern", description=str(exc))

        matches = []
        for build, lineno, line in iter_log_lines(pipeline, spec.builds):
            if matcher.search(line):
                matches.append({"build": build, "line": lineno, "text": line[:500]})
                if len(matches) >= MAX_MATCHES:
                    break
        resp.media = {"pipeline": pipeline, "matches": matches, "truncated": len(matches) >= MAX_MATCHES}


app = falcon.App()
app.add_route("/api/pipelines/{pipeline}/logs/search", LogSearchResource())
