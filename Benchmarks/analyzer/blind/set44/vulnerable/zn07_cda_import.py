"""Tornado endpoint that accepts HL7 CDA (C-CDA) documents from partner clinics."""
import json
import logging
import os

import tornado.ioloop
import tornado.web
from lxml import etree

log = logging.getLogger("ehr.cda")

NS = {"hl7": "urn:hl7-org:v3"}
CDA_PARSER = etree.XMLParser(load_dtd=True, resolve_entities=True, no_network=False)
MAX_DOC_BYTES = 5 * 1024 * 1024


def extract_summary(root) -> dict:
    def first(path):
        hits = root.xpath(path, namespaces=NS)
        return hits[0].strip() if hits else None

    return {
        "document_id": first("/hl7:ClinicalDocument/hl7:id/@root"),
        "title": first("/hl7:ClinicalDocument/hl7:title/text()"),
        "patient_given": first("//hl7:recordTarget//hl7:name/hl7:given/text()"),
        "patient_family": first("//hl7:recordTarget//hl7:name/hl7:family/text()"),
        "birth_time": first("//hl7:recordTarget//hl7:birthTime/@value"),
        "author_org": first("//hl7:author//hl7:representedOrganization/hl7:name/text()"),
    }


class BaseHandler(tornado.web.RequestHandler):
    def prepare(self):
        token = self.request.headers.get("X-Partner-Token", "")
        partner = self.application.settings["partners"].get(token)
        if partner is None:
            raise tornado.web.HTTPError(401)
        self.partner = partner


class CdaImportHandler(BaseHandler):
    def post(self):
        body = self.request.body
        if len(body) > MAX_DOC_BYTES:
            raise tornado.web.HTTPError(413)
        try:
            root = etree.fromstring(body, CDA_PARSER)  # VULN flow
        except etree.XMLSyntaxError as exc:
            log.info("partner %s sent malformed CDA: %r", self.partner, exc.msg)
            raise tornado.web.HTTPError(400, reason="malformed CDA")

        summary = extract_summary(root)
        if not summary["document_id"]:
            raise tornado.web.HTTPError(422, reason="missing document id")
        self.application.settings["inbox"].enqueue(self.partner, summary, body)
        self.set_header("Content-Type", "application/json")
        self.write(json.dumps({"accepted": True, "summary": summary}))


def make_app(inbox) -> tornado.web.Application:
    partners = json.loads(os.environ.get("CDA_PARTNERS", "{}"))
    return tornado.web.Application(
        [(r"/cda/import", CdaImportHandler)],
        partners=partners,
        inbox=inbox,
    )


if __name__ == "__main__":
    from ehr.inbox import DocumentInbox

    logging.basicConfig(level=logging.INFO)
    make_app(DocumentInbox()).listen(8890, address="127.0.0.1")
    tornado.ioloop.IOLoop.current().start()
