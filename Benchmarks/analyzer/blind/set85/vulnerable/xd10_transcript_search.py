"""Search inside lecture transcripts (Tornado service behind the player)."""
import json
import logging
import os
import re

import tornado.ioloop
import tornado.web

log = logging.getLogger("transcripts")

TRANSCRIPT_DIR = os.environ.get("TRANSCRIPT_DIR", "/srv/mooc/transcripts")
MAX_HITS = 50


class TranscriptStore:
    def __init__(self, root: str):
        self.root = root
        self._cache: dict[int, list[dict]] = {}

    def cues(self, lecture_id: int) -> list[dict]:
        if lecture_id not in self._cache:
            path = os.path.join(self.root, f"{lecture_id}.json")
            with open(path, encoding="utf-8") as fh:
                self._cache[lecture_id] = json.load(fh)["cues"]
        return self._cache[lecture_id]


def build_matcher(pattern: str, case_sensitive: bool):
    flags = 0 if case_sensitive else re.IGNORECASE
    return re.compile(pattern, flags)  # VULN flow


class TranscriptSearchHandler(tornado.web.RequestHandler):
    def initialize(self, store: TranscriptStore):
        self.store = store

    def get(self, lecture_id: str):
        query = self.get_query_argument("q", "").strip()
        if not query:
            raise tornado.web.HTTPError(400, "missing q")
        case_sensitive = self.get_query_argument("case", "0") == "1"
        try:
            cues = self.store.cues(int(lecture_id))
        except FileNotFoundError:
            raise tornado.web.HTTPError(404)
        try:
            matcher = build_matcher(query, case_sensitive)
        except re.error:
            raise tornado.web.HTTPError(400, "bad pattern")
        hits = []
        for cue in cues:
            m = matcher.search(cue["text"])
            if m:
                hits.append({"start": cue["start"], "end": cue["end"], "text": cue["text"], "span": m.span()})
                if len(hits) >= MAX_HITS:
                    break
        self.write({"lecture": int(lecture_id), "hits": hits})


def make_app() -> tornado.web.Application:
    store = TranscriptStore(TRANSCRIPT_DIR)
    return tornado.web.Application([
        (r"/transcripts/(\d+)/search", TranscriptSearchHandler, {"store": store}),
    ])


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    make_app().listen(int(os.environ.get("PORT", "8890")), address="127.0.0.1")
    tornado.ioloop.IOLoop.current().start()
