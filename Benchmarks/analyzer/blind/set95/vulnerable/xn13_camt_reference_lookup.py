"""Reconciliation helper: find camt.053 entries by end-to-end reference.

The pooled client account statement contains one <Stmt> per client
sub-account; each caller is only allowed to see its own IBAN.
"""
import json
import logging
import os

import tornado.ioloop
import tornado.web
from lxml import etree

log = logging.getLogger("camt")

NS = {"c": "urn:iso:std:iso:20022:tech:xsd:camt.053.001.02"}
STATEMENT_DIR = os.environ.get("CAMT_DIR", "/srv/camt/current")


class StatementIndex:
    def __init__(self, path: str):
        parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)
        self.tree = etree.parse(path, parser)

    def entries_for(self, iban: str, reference: str):
        expr = (
            "//c:Stmt[c:Acct/c:Id/c:IBAN='" + iban + "']"
            "/c:Ntry[c:NtryDtls/c:TxDtls/c:Refs/c:EndToEndId='" + reference + "']"
        )
        return self.tree.xpath(expr, namespaces=NS)  # VULN flow


def entry_to_dict(entry) -> dict:
    def text(path):
        found = entry.xpath(path, namespaces=NS)
        return found[0].text if found else None

    return {
        "amount": text("c:Amt"),
        "currency": entry.xpath("string(c:Amt/@Ccy)", namespaces=NS),
        "direction": text("c:CdtDbtInd"),
        "booked": text("c:BookgDt/c:Dt"),
        "remittance": text("c:NtryDtls/c:TxDtls/c:RmtInf/c:Ustrd"),
    }


class LookupHandler(tornado.web.RequestHandler):
    def initialize(self, index: StatementIndex):
        self.index = index

    def get(self):
        iban = self.request.headers.get("X-Client-IBAN")
        reference = self.get_argument("ref")
        if not iban:
            raise tornado.web.HTTPError(403)
        matches = [entry_to_dict(e) for e in self.index.entries_for(iban, reference)]
        self.set_header("Content-Type", "application/json")
        self.write(json.dumps({"reference": reference, "entries": matches}))


def make_app() -> tornado.web.Application:
    index = StatementIndex(os.path.join(STATEMENT_DIR, "pooled.xml"))
    return tornado.web.Application([(r"/camt/lookup", LookupHandler, {"index": index})])


if __name__ == "__main__":
    make_app().listen(8891, address="127.0.0.1")
    tornado.ioloop.IOLoop.current().start()
