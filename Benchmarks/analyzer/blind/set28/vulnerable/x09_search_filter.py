"""Tornado handlers for searching the shared snippet library."""
import json
import logging
import os
import re

import tornado.ioloop
import tornado.web

logger = logging.getLogger("snippets")

SNIPPET_FILE = os.environ.get("SNIPPET_FILE", "/srv/snippets/snippets.json")
MAX_RESULTS = 50
MAX_TERM_LENGTH = 200


class SnippetStore:
    def __init__(self, path: str):
        with open(path, encoding="utf-8") as fh:
            self.snippets = json.load(fh)

    def languages(self) -> list[str]:
        return sorted({s.get("language", "text") for s in self.snippets})

    def search(self, matcher: re.Pattern, language: str | None = None) -> list[dict]:
        results = []
        for snippet in self.snippets:
            if language and snippet.get("language") != language:
                continue
            if matcher.search(snippet.get("title", "")) or matcher.search(snippet.get("body", "")):
                results.append(snippet)
            if len(results) >= MAX_RESULTS:
                break
        return results


def build_matcher(term: str, case_sensitive: bool) -> re.Pattern:
    flags = 0 if case_sensitive else re.IGNORECASE
    return re.compile(term, flags)  # VULN flow


class BaseHandler(tornado.web.RequestHandler):
    def initialize(self, store: SnippetStore) -> None:
        self.store = store


class SearchHandler(BaseHandler):
    def get(self) -> None:
        term = self.get_argument("q")
        if len(term) > MAX_TERM_LENGTH:
            raise tornado.web.HTTPError(400, reason="query too long")
        language = self.get_argument("lang", None)
        case_sensitive = self.get_argument("case", "0") == "1"
        matcher = build_matcher(term, case_sensitive)
        results = self.store.search(matcher, language)
        logger.info("search %r returned %d results", term, len(results))
        self.write({"count": len(results), "results": results})


class LanguagesHandler(BaseHandler):
    def get(self) -> None:
        self.write({"languages": self.store.languages()})


def make_app() -> tornado.web.Application:
    store = SnippetStore(SNIPPET_FILE)
    return tornado.web.Application([
        (r"/api/snippets/search", SearchHandler, {"store": store}),
        (r"/api/snippets/languages", LanguagesHandler, {"store": store}),
    ])


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    make_app().listen(8888, address="127.0.0.1")
    tornado.ioloop.IOLoop.current().start()
