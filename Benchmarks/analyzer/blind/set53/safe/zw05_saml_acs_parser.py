"""SAML 2.0 assertion consumer service for the SSO gateway."""
import base64
import logging
import zlib

from flask import Blueprint, abort, current_app, redirect, request, session
from lxml import etree

from gateway.saml.signature import SignatureError, verify_xml_signature

bp = Blueprint("saml", __name__, url_prefix="/saml")
log = logging.getLogger("sso.saml")

NS = {
    "samlp": "urn:oasis:names:tc:SAML:2.0:protocol",
    "saml": "urn:oasis:names:tc:SAML:2.0:assertion",
}
GROUP_ATTRIBUTE = "http://schemas.xmlsoap.org/claims/Group"

_PARSER = etree.XMLParser(
    resolve_entities=False,
    load_dtd=False,
    no_network=True,
    remove_blank_text=True,
)


def decode_saml_response(encoded):
    raw = base64.b64decode(encoded)
    if not raw.lstrip().startswith(b"<"):
        # HTTP-Redirect binding payloads arrive deflated
        raw = zlib.decompress(raw, -15)
    return raw


def parse_response(raw):
    if b"<!DOCTYPE" in raw.upper():
        raise ValueError("DTDs are not accepted in SAML responses")
    return etree.fromstring(raw, parser=_PARSER)


def extract_identity(root):
    name_id = root.findtext(".//saml:Subject/saml:NameID", namespaces=NS)
    attributes = {}
    for attr in root.iterfind(".//saml:Attribute", namespaces=NS):
        values = [v.text for v in attr.iterfind("saml:AttributeValue", namespaces=NS)]
        attributes[attr.get("Name")] = values
    return name_id, attributes


@bp.route("/acs", methods=["POST"])
def assertion_consumer():
    payload = request.form.get("SAMLResponse")
    if not payload:
        abort(400)
    try:
        root = parse_response(decode_saml_response(payload))
        verify_xml_signature(root, current_app.config["IDP_SIGNING_CERT"])
    except (ValueError, zlib.error, etree.XMLSyntaxError, SignatureError) as exc:
        log.warning("rejected SAML response: %s", type(exc).__name__)
        abort(400)

    name_id, attributes = extract_identity(root)
    if not name_id:
        abort(400)
    session["user"] = name_id
    session["groups"] = attributes.get(GROUP_ATTRIBUTE, [])
    log.info("saml login user=%r groups=%d", name_id, len(session["groups"]))
    return redirect(current_app.config.get("SSO_LANDING", "/portal/"))
