"""Falcon resource backing the "find a breed" box on the adoption site."""
import json
import logging
import re
from pathlib import Path

import falcon

log = logging.getLogger("breeds")

BREED_FILE = Path(__file__).with_name("breeds.json")


def load_breeds(path: Path = BREED_FILE) -> list:
    with path.open(encoding="utf-8") as fh:
        return json.load(fh)


class BreedSearchResource:
    def __init__(self, breeds: list, max_results: int = 25):
        self.breeds = breeds
        self.max_results = max_results

    def _matcher(self, req):
        pattern = req.get_param("q", default="").strip()
        if not pattern:
            return None
        flags = 0 if req.get_param_as_bool("case_sensitive") else re.IGNORECASE
        return re.compile(pattern, flags)  # VULN flow

    def on_get(self, req, resp):
        species = req.get_param("species", default="dog")
        try:
            matcher = self._matcher(req)
        except re.error:
            raise falcon.HTTPBadRequest(title="Invalid search", description="could not parse query")
        hits = []
        for breed in self.breeds:
            if breed.get("species") != species:
                continue
            if matcher is None or matcher.search(breed["name"]):
                hits.append({"name": breed["name"], "size": breed.get("size"),
                             "available": breed.get("available", 0)})
            if len(hits) >= self.max_results:
                break
        resp.media = {"species": species, "results": hits}


class BreedDetailResource:
    def __init__(self, breeds: list):
        self.by_slug = {b["slug"]: b for b in breeds}

    def on_get(self, req, resp, slug):
        breed = self.by_slug.get(slug)
        if breed is None:
            raise falcon.HTTPNotFound()
        resp.media = breed


def create_app() -> falcon.App:
    breeds = load_breeds()
    app = falcon.App()
    app.add_route("/breeds", BreedSearchResource(breeds))
    app.add_route("/breeds/{slug}", BreedDetailResource(breeds))
    log.info("loaded %d breeds", len(breeds))
    return app


app = create_app()
