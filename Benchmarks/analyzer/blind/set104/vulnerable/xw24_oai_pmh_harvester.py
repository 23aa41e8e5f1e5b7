"""On-demand OAI-PMH harvesting for the aggregation admin console (Tornado).

Partner-repository managers paste their OAI endpoint into the console to test
a harvest before it is scheduled.
"""
import json
import logging

import requests
import tornado.ioloop
import tornado.web
from lxml import etree

log = logging.getLogger("oai.harvest")

NS = {"oai": "http://www.openarchives.org/OAI/2.0/", "dc": "http://purl.org/dc/elements/1.1/"}
HTTP_TIMEOUT = 30
_PARSER = etree.XMLParser(resolve_entities=True, no_network=False, recover=True)


def list_records(endpoint: str, metadata_prefix: str, set_spec=None, max_pages: int = 3):
    params = {"verb": "ListRecords", "metadataPrefix": metadata_prefix}
    if set_spec:
        params["set"] = set_spec
    for _ in range(max_pages):
        resp = requests.get(endpoint, params=params, timeout=HTTP_TIMEOUT)  # VULN flow
        resp.raise_for_status()
        root = etree.fromstring(resp.content, _PARSER)  # VULN flow
        yield from root.iterfind(".//oai:record", NS)
        token = root.findtext(".//oai:resumptionToken", namespaces=NS)
        if not token:
            break
        params = {"verb": "ListRecords", "resumptionToken": token}


def summarise(record) -> dict:
    return {
        "identifier": record.findtext("oai:header/oai:identifier", namespaces=NS),
        "datestamp": record.findtext("oai:header/oai:datestamp", namespaces=NS),
        "title": record.findtext(".//dc:title", namespaces=NS),
        "creator": record.findtext(".//dc:creator", namespaces=NS),
    }


class TestHarvestHandler(tornado.web.RequestHandler):
    def post(self):
        try:
            body = json.loads(self.request.body or b"{}")
            endpoint = body["endpoint"].strip()
        except (ValueError, KeyError, AttributeError):
            raise tornado.web.HTTPError(400, "endpoint is required")
        prefix = body.get("metadataPrefix", "oai_dc")
        try:
            records = [summarise(r) for r in list_records(endpoint, prefix, body.get("set"))]
        except (requests.RequestException, etree.XMLSyntaxError) as exc:
            log.info("test harvest of %r failed: %r", endpoint, exc)
            self.set_status(502)
            self.write({"error": str(exc)})
            return
        self.write({"endpoint": endpoint, "count": len(records), "sample": records[:20]})


def make_app() -> tornado.web.Application:
    return tornado.web.Application([(r"/admin/harvest/test", TestHarvestHandler)])


if __name__ == "__main__":
    make_app().listen(8890, address="127.0.0.1")
    tornado.ioloop.IOLoop.current().start()
