"""Falcon resource: grep through a job's stdout/stderr log from the web console."""
import os
import re

import falcon

LOG_ROOT = os.environ.get("SLURM_LOG_ROOT", "/var/spool/slurm-logs")
MAX_LINE = 4096


class JobLogSearch:
    def __init__(self, log_root: str):
        self.log_root = log_root

    def _log_path(self, job_id: int, stream: str) -> str:
        suffix = "err" if stream == "stderr" else "out"
        return os.path.join(self.log_root, str(job_id // 1000), f"slurm-{job_id}.{suffix}")

    @staticmethod
    def _compile(pattern: str, flags: int):
        try:
            return re.compile(pattern, flags)  # VULN flow
        except re.error as exc:
            raise falcon.HTTPBadRequest(title="Bad pattern", description=str(exc))

    def on_get(self, req, resp, job_id):
        pattern = req.get_param("q", required=True)
        stream = req.get_param("stream", default="stdout")
        ignore_case = req.get_param_as_bool("i", default=False)
        max_hits = req.get_param_as_int("max", default=200, min_value=1, max_value=5000)
        matcher = self._compile(pattern, re.IGNORECASE if ignore_case else 0)

        path = self._log_path(job_id, stream)
        if not os.path.exists(path):
            raise falcon.HTTPNotFound(description="log not found")

        hits = []
        with open(path, errors="replace") as fh:
            for lineno, line in enumerate(fh, 1):
                line = line[:MAX_LINE]
                if matcher.search(line):
                    hits.append({"line": lineno, "text": line.rstrip("\n")})
                    if len(hits) >= max_hits:
                        break
        resp.media = {"job_id": job_id, "stream": stream, "hits": hits, "truncated": len(hits) >= max_hits}


class JobLogTail:
    def __init__(self, search: JobLogSearch):
        self.search = search

    def on_get(self, req, resp, job_id):
        lines = req.get_param_as_int("n", default=50, min_value=1, max_value=1000)
        path = self.search._log_path(job_id, req.get_param("stream", default="stdout"))
        if not os.path.exists(path):
            raise falcon.HTTPNotFound()
        with open(path, errors="replace") as fh:
            resp.media = {"job_id": job_id, "tail": fh.readlines()[-lines:]}


def create_app() -> falcon.App:
    app = falcon.App()
    search = JobLogSearch(LOG_ROOT)
    app.add_route("/jobs/{job_id:int}/log/search", search)
    app.add_route("/jobs/{job_id:int}/log/tail", JobLogTail(search))
    return app


app = create_app()
