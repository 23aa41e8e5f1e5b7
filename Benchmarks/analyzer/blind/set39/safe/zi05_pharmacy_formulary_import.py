import logging
from decimal import Decimal, InvalidOperation
from xml.etree.ElementTree import ParseError

from defusedxml import DefusedXmlException
from defusedxml import ElementTree as etree
from flask import Flask, jsonify, request
from flask.views import MethodView

from .db import session_scope
from .models import FormularyItem

logger = logging.getLogger(__name__)

MAX_UPLOAD = 5 * 1024 * 1024
TIERS = {"1", "2", "3", "4", "specialty"}


def parse_formulary(raw: bytes):
    root = etree.fromstring(raw, forbid_dtd=True)
    for node in root.iter("drug"):
        ndc = (node.findtext("ndc") or "").strip()
        tier = (node.findtext("tier") or "").strip().lower()
        if not ndc or tier not in TIERS:
            continue
        try:
            copay = Decimal(node.findtext("copay") or "0")
        except InvalidOperation:
            continue
        yield {
            "ndc": ndc,
            "name": (node.findtext("name") or "").strip(),
            "tier": tier,
            "copay": copay,
            "prior_auth": node.get("priorAuth") == "true",
        }


class FormularyImportView(MethodView):
    def post(self):
        upload = request.files.get("file")
        if upload is None:
            return jsonify(error="file missing"), 400
        raw = upload.read(MAX_UPLOAD + 1)
        if len(raw) > MAX_UPLOAD:
            return jsonify(error="file too large"), 413
        imported = 0
        try:
            with session_scope() as session:
                for item in parse_formulary(raw):
                    session.merge(FormularyItem(**item))
                    imported += 1
        except (ParseError, DefusedXmlException):
            return jsonify(error="malformed formulary document"), 400
        logger.info("formulary import items=%d", imported)
        return jsonify(imported=imported)


def register(app: Flask):
    app.add_url_rule(
        "/pharmacy/formulary/import",
        view_func=FormularyImportView.as_view("formulary_import"),
    )
