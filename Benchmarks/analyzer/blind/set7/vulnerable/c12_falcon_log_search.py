import re

import falcon

LOG_FILES = {
    "api": "/var/log/platform/api.log",
    "worker": "/var/log/platform/worker.log",
    "scheduler": "/var/log/platform/scheduler.log",
}


class LogSearchResource:
    def __init__(self, files):
        self.files = files

    def _open(self, source):
        path = self.files.get(source)
        if path is None:
            raise falcon.HTTPNotFound(description="unknown log source")
        return open(path, encoding="utf-8", errors="replace")

    def on_get(self, req, resp, source):
        pattern = req.get_param("pattern", required=True)
        limit = req.get_param_as_int("limit", default=200, min_value=1, max_value=2000)
        flags = re.IGNORECASE if req.get_param_as_bool("icase", default=False) else 0
        try:
            matcher = re.compile(pattern, flags)  # VULN flow
        except re.error:
            raise falcon.HTTPBadRequest(description="invalid pattern")
        hits = []
        with self._open(source) as fh:
            for lineno, line in enumerate(fh, 1):
                if req.get_param("exclude") and re.search(req.get_param("exclude"), line):  # VULN
                    continue
                if matcher.search(line):
                    hits.append({"line": lineno, "text": line.rstrip("\n")})
                    if len(hits) >= limit:
                        break
        resp.media = {"source": source, "count": len(hits), "hits": hits}


class SourcesResource:
    def on_get(self, req, resp):
        resp.media = {"sources": sorted(LOG_FILES)}


app = falcon.App()
app.add_route("/logs", SourcesResource())
app.add_route("/logs/{source}/search", LogSearchResource(LOG_FILES))
