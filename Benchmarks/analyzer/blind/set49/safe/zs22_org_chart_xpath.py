"""Org-chart lookup service (Tornado).

The HRIS exports the reporting structure nightly as orgchart.xml; this
service loads it into memory and answers "who reports to X" queries for
the internal dashboards.
"""
import json
import logging
import os

import tornado.ioloop
import tornado.web
from lxml import etree

log = logging.getLogger("orgchart")

ORG_FILE = os.environ.get("ORG_CHART_XML", "/srv/hris/export/orgchart.xml")

ORG_QUERIES = {
    "direct_reports": "//employee[@manager=$value]",
    "by_department": "//employee[department=$value]",
    "by_location": "//employee[office/@city=$value]",
}


def employee_to_dict(node) -> dict:
    return {
        "id": node.get("id"),
        "name": node.findtext("name"),
        "title": node.findtext("title"),
        "department": node.findtext("department"),
        "manager": node.get("manager"),
    }


class OrgQueryHandler(tornado.web.RequestHandler):
    def initialize(self, holder):
        self.tree = holder["tree"]

    def get(self, kind: str):
        template = ORG_QUERIES.get(kind)
        if template is None:
            raise tornado.web.HTTPError(404)
        value = self.get_argument("value")
        expression = template
        try:
            nodes = self.tree.xpath(expression, value=value)
        except etree.XPathEvalError:
            raise tornado.web.HTTPError(400, reason="bad query")
        self.set_header("Content-Type", "application/json")
        self.write(json.dumps([employee_to_dict(n) for n in nodes]))


class ReloadHandler(tornado.web.RequestHandler):
    def initialize(self, holder):
        self.holder = holder

    def post(self):
        self.holder["tree"] = etree.parse(ORG_FILE)
        self.write({"status": "reloaded"})


def make_app() -> tornado.web.Application:
    holder = {"tree": etree.parse(ORG_FILE)}
    return tornado.web.Application([
        (r"/org/(\w+)", OrgQueryHandler, {"holder": holder}),
        (r"/org-admin/reload", ReloadHandler, {"holder": holder}),
    ])


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    make_app().listen(int(os.environ.get("PORT", "8890")), address="127.0.0.1")
    tornado.ioloop.IOLoop.current().start()
