import hashlib
import re

import falcon

LOG_FILES = {
    "api": "/var/log/platform/api.log",
    "worker": "/var/log/platform/worker.log",
    "scheduler": "/var/log/platform/scheduler.log",
}
_CACHE = {}


def cache_key(*parts):
    return hashlib.md5("\x1f".join(parts).encode(), usedforsecurity=False).hexdigest()


class LogSearchResource:
    def __init__(self, files):
        self.files = files

    def on_get(self, req, resp, source):
        path = self.files.get(source)
        if path is None:
            raise falcon.HTTPNotFound(description="unknown log source")
        term = req.get_param("q", required=True)
        if len(term) > 200:
            raise falcon.HTTPBadRequest(description="search term too long")
        limit = req.get_param_as_int("limit", default=200, min_value=1, max_value=2000)
        key = cache_key(source, term, str(limit))
        if key not in _CACHE:
            matcher = re.compile(re.escape(term), re.IGNORECASE)
            hits = []
            with open(path, encoding="utf-8", errors="replace") as fh:
                for lineno, line in enumerate(fh, 1):
                    if matcher.search(line):
                        hits.append({"line": lineno, "text": line.rstrip("\n")})
                        if len(hits) >= limit:
                            break
            if len(_CACHE) > 256:
                _CACHE.clear()
            _CACHE[key] = hits
        hits = _CACHE[key]
        resp.media = {"source": source, "count": len(hits), "hits": hits}


class SourcesResource:
    def on_get(self, req, resp):
        resp.media = {"sources": sorted(LOG_FILES)}


app = falcon.App()
app.add_route("/logs", SourcesResource())
app.add_route("/logs/{source}/search", LogSearchResource(LOG_FILES))
