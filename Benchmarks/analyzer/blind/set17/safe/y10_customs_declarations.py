"""Falcon resource accepting customs declarations (CUSDEC-style XML) from brokers."""
import logging
import os
import uuid
from decimal import Decimal, InvalidOperation
from xml.etree.ElementTree import ParseError

import falcon
from defusedxml import DefusedXmlException
from defusedxml import ElementTree as etree

log = logging.getLogger("customs.declarations")

MAX_BODY = int(os.environ.get("DECLARATION_MAX_BYTES", str(2 * 1024 * 1024)))


class DeclarationError(ValueError):
    pass


def _text(root, path):
    value = root.findtext(path)
    if value is None or not value.strip():
        raise DeclarationError("missing %s" % path)
    return value.strip()


def parse_declaration(raw):
    root = etree.fromstring(raw, forbid_dtd=True)
    items = []
    for item in root.iterfind("Goods/Item"):
        try:
            value = Decimal(_text(item, "CustomsValue"))
        except InvalidOperation:
            raise DeclarationError("bad customs value")
        items.append(
            {
                "hs_code": _text(item, "HSCode"),
                "description": _text(item, "Description"),
                "origin": _text(item, "OriginCountry"),
                "value": str(value),
            }
        )
    return {
        "declarant": _text(root, "Declarant/EORI"),
        "procedure": _text(root, "ProcedureCode"),
        "items": items,
    }


class DeclarationResource:
    def __init__(self, store):
        self.store = store

    def on_post(self, req, resp):
        if req.content_length and req.content_length > MAX_BODY:
            raise falcon.HTTPPayloadTooLarge()
        raw = req.bounded_stream.read(MAX_BODY)
        try:
            declaration = parse_declaration(raw)
        except (ParseError, DefusedXmlException, DeclarationError) as exc:
            raise falcon.HTTPBadRequest(title="invalid declaration", description=str(exc))
        ref = uuid.uuid4().hex
        self.store[ref] = declaration
        log.info("declaration %s accepted with %d items", ref, len(declaration["items"]))
        resp.status = falcon.HTTP_201
        resp.media = {"reference": ref, "items": len(declaration["items"])}

    def on_get(self, req, resp):
        resp.media = {"pending": len(self.store)}


def create_app():
    app = falcon.App()
    app.add_route("/declarations", DeclarationResource(store={}))
    return app


app = create_app()
