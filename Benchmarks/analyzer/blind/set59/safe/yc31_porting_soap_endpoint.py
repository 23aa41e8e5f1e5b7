"""Tornado SOAP endpoint receiving number-portability messages from the national clearinghouse."""
import logging
from datetime import datetime, timezone

import tornado.web
from lxml import etree

log = logging.getLogger("np.soap")

SOAP_NS = "http://schemas.xmlsoap.org/soap/envelope/"
NP_NS = "urn:example:numberportability:v2"
NS = {"soap": SOAP_NS, "np": NP_NS}

SOAP_PARSER = etree.XMLParser(resolve_entities=False, load_dtd=False, no_network=True,
                              remove_blank_text=True)


def build_envelope(op: str, fields: dict) -> bytes:
    env = etree.Element(f"{{{SOAP_NS}}}Envelope", nsmap={"soap": SOAP_NS, "np": NP_NS})
    body = etree.SubElement(env, f"{{{SOAP_NS}}}Body")
    msg = etree.SubElement(body, f"{{{NP_NS}}}{op}")
    for key, value in fields.items():
        etree.SubElement(msg, f"{{{NP_NS}}}{key}").text = "" if value is None else str(value)
    return etree.tostring(env, xml_declaration=True, encoding="UTF-8")


class PortingSoapHandler(tornado.web.RequestHandler):
    def initialize(self, repo):
        self.repo = repo

    def fault(self, code: int, reason: str):
        self.set_status(code)
        self.set_header("Content-Type", "text/xml; charset=utf-8")
        self.finish(build_envelope("Fault", {"Reason": reason}))

    def post(self):
        if "xml" not in self.request.headers.get("Content-Type", ""):
            return self.fault(415, "expected text/xml")
        try:
            envelope = etree.fromstring(self.request.body, SOAP_PARSER)
        except etree.XMLSyntaxError:
            return self.fault(400, "malformed envelope")
        body = envelope.find("soap:Body", NS)
        if body is None or len(body) == 0:
            return self.fault(400, "empty body")
        message = body[0]
        operation = etree.QName(message).localname
        msisdn = message.findtext("np:Msisdn", namespaces=NS)
        port_id = message.findtext("np:PortId", namespaces=NS)
        donor = message.findtext("np:DonorOperator", namespaces=NS)

        if operation == "PortRequest":
            self.repo.create_incoming(port_id=port_id, msisdn=msisdn, donor=donor)
        elif operation == "PortCancel":
            self.repo.cancel(port_id)
        else:
            return self.fault(400, "unsupported operation")

        log.info("np %r port_id=%r msisdn=%r", operation, port_id, msisdn)
        self.set_header("Content-Type", "text/xml; charset=utf-8")
        self.finish(build_envelope("Ack", {
            "PortId": port_id,
            "Msisdn": msisdn,
            "ReceivedAt": datetime.now(timezone.utc).isoformat(),
        }))


def make_app(repo) -> tornado.web.Application:
    return tornado.web.Application([(r"/np/soap", PortingSoapHandler, {"repo": repo})])
