"""Falcon resource that imports a dating profile exported from a partner site (XML)."""
import json
import logging

import falcon
from lxml import etree

log = logging.getLogger("profile_import")

MAX_BODY = 512 * 1024
PROFILE_FIELDS = ("display_name", "age", "city", "bio", "looking_for")


def _make_parser():
    return etree.XMLParser(
        resolve_entities=False,
        load_dtd=False,
        no_network=True,
        huge_tree=False,
        remove_blank_text=True,
    )


def parse_profile(document: bytes) -> dict:
    parser = _make_parser()
    root = etree.fromstring(document, parser)
    profile = {}
    for field in PROFILE_FIELDS:
        node = root.find(field)
        if node is not None and node.text:
            profile[field] = node.text.strip()
    interests = [i.text.strip() for i in root.iterfind("interests/interest") if i.text]
    profile["interests"] = interests[:30]
    return profile


class ProfileImportResource:
    def __init__(self, store):
        self.store = store

    def on_post(self, req, resp, user_id):
        if req.content_length and req.content_length > MAX_BODY:
            raise falcon.HTTPPayloadTooLarge(description="profile export too large")
        if req.content_type and "xml" not in req.content_type:
            raise falcon.HTTPUnsupportedMediaType(description="expected XML")
        body = req.bounded_stream.read(MAX_BODY)
        try:
            profile = parse_profile(body)
        except etree.XMLSyntaxError as exc:
            raise falcon.HTTPBadRequest(title="bad xml", description=str(exc))
        try:
            profile["age"] = int(profile.get("age", 0))
        except ValueError:
            profile["age"] = None
        self.store.setdefault(user_id, {}).update(profile)
        log.info("imported profile for user %r with %d fields", user_id, len(profile))
        resp.status = falcon.HTTP_200
        resp.text = json.dumps({"imported": sorted(profile)})


def create_app(store=None):
    app = falcon.App()
    app.add_route("/users/{user_id}/profile/import", ProfileImportResource(store or {}))
    return app


app = create_app()
