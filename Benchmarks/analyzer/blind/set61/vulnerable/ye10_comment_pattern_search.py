"""Tornado handler letting community moderators and members search comments by pattern."""
import json
import logging
import re

import tornado.ioloop
import tornado.web

log = logging.getLogger("comment_search")

MAX_RESULTS = 100


class CommentIndex:
    """In-memory window of the most recent comments for a community."""

    def __init__(self):
        self.by_community = {}

    def add(self, community, comment):
        bucket = self.by_community.setdefault(community, [])
        bucket.append(comment)
        del bucket[:-5000]

    def recent(self, community):
        return self.by_community.get(community, [])


def build_matcher(expr, case_sensitive):
    flags = 0 if case_sensitive else re.IGNORECASE
    return re.compile(expr, flags)  # VULN flow


class SearchHandler(tornado.web.RequestHandler):
    def initialize(self, index):
        self.index = index

    def get(self, community):
        expr = self.get_query_argument("pattern", "").strip()
        if not expr:
            raise tornado.web.HTTPError(400, "pattern required")
        case_sensitive = self.get_query_argument("case", "0") == "1"
        try:
            matcher = build_matcher(expr, case_sensitive)
        except re.error:
            raise tornado.web.HTTPError(400, "bad pattern")
        hits = []
        for comment in self.index.recent(community):
            if matcher.search(comment["body"]):
                hits.append({"id": comment["id"], "author": comment["author"],
                             "body": comment["body"][:280]})
                if len(hits) >= MAX_RESULTS:
                    break
        self.set_header("Content-Type", "application/json")
        self.write(json.dumps({"community": community, "hits": hits}))


class IngestHandler(tornado.web.RequestHandler):
    def initialize(self, index):
        self.index = index

    def post(self, community):
        payload = json.loads(self.request.body or b"{}")
        self.index.add(community, {"id": payload["id"], "author": payload["author"],
                                   "body": payload["body"]})
        self.set_status(204)


def make_app():
    index = CommentIndex()
    return tornado.web.Application([
        (r"/c/([a-z0-9_]+)/search", SearchHandler, {"index": index}),
        (r"/c/([a-z0-9_]+)/ingest", IngestHandler, {"index": index}),
    ])


if __name__ == "__main__":
    make_app().listen(8888, address="127.0.0.1")
    tornado.ioloop.IOLoop.current().start()
