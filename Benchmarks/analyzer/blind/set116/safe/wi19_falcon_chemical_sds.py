"""Safety Data Sheet (SDS) service for technicians in the field.

Labels and SDS PDFs for every registered product we apply are mirrored
under SDS_ROOT/<lang>/; the mobile app lists them from the index and
downloads the sheet when a customer asks for it on site.
"""
import json
import logging
import os

import falcon

log = logging.getLogger("sds")

SDS_ROOT = os.environ.get("SDS_ROOT", "/srv/sds")
DEFAULT_LANG = "en"
LANGS = {"en", "es", "fr", "vi", "zh"}


def load_index(lang: str) -> list:
    index_file = os.path.join(SDS_ROOT, DEFAULT_LANG, "index.json")
    with open(index_file, encoding="utf-8") as fh:
        entries = json.load(fh)
    return [e for e in entries if lang in e.get("languages", [DEFAULT_LANG])]


class SheetLocator:
    def __init__(self, root: str):
        self.root = os.path.realpath(root)

    def resolve(self, lang: str, doc: str) -> str:
        lang = (lang or DEFAULT_LANG).lower()
        if lang not in LANGS:
            raise falcon.HTTPNotFound(description="unsupported language")
        base = os.path.join(self.root, lang)
        path = os.path.realpath(os.path.join(base, os.path.basename(doc)))
        if os.path.commonpath([base, path]) != base:
            raise falcon.HTTPNotFound(description="sheet not found")
        return path


class SdsIndexResource:
    def on_get(self, req: falcon.Request, resp: falcon.Response):
        lang = req.get_param("lang", default=DEFAULT_LANG)
        resp.media = {"lang": lang, "sheets": load_index(lang)}


class SdsSheetResource:
    def __init__(self, locator: SheetLocator):
        self.locator = locator

    def on_get(self, req: falcon.Request, resp: falcon.Response, lang: str):
        doc = req.get_param("doc", required=True)
        path = self.locator.resolve(lang, doc)
        if not os.path.isfile(path):
            raise falcon.HTTPNotFound(description="sheet not found")
        log.info("serving SDS %r for lang %r", doc, lang)
        resp.content_type = "application/pdf"
        resp.downloadable_as = os.path.basename(path)
        resp.stream = open(path, "rb")
        resp.content_length = os.path.getsize(path)


def create_app() -> falcon.App:
    app = falcon.App()
    app.add_route("/sds", SdsIndexResource())
    app.add_route("/sds/{lang}", SdsSheetResource(SheetLocator(SDS_ROOT)))
    return app


app = create_app()
