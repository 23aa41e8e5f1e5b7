"""Streaming import of enterprise SIM orders (B2B XML feed).

Large corporate accounts submit bulk SIM/line orders as XML through the
B2B portal; files can contain tens of thousands of lines, so we use SAX.
"""
import logging
import sys
from xml.sax.handler import ContentHandler, feature_external_ges, feature_namespaces

import defusedxml.sax

log = logging.getLogger("b2b.orders")


class OrderLine:
    __slots__ = ("cost_centre", "plan", "quantity", "sim_type", "delivery_site")

    def __init__(self):
        self.cost_centre = self.plan = self.sim_type = self.delivery_site = ""
        self.quantity = 0


class OrderHandler(ContentHandler):
    FIELDS = {"CostCentre": "cost_centre", "Plan": "plan", "SimType": "sim_type",
              "DeliverySite": "delivery_site", "Quantity": "quantity"}

    def __init__(self):
        super().__init__()
        self.account = None
        self.lines = []
        self._current = None
        self._field = None
        self._buf = []

    def startElement(self, name, attrs):
        if name == "Order":
            self.account = attrs.get("account")
        elif name == "Line":
            self._current = OrderLine()
        elif self._current is not None and name in self.FIELDS:
            self._field = self.FIELDS[name]
            self._buf = []

    def characters(self, content):
        if self._field:
            self._buf.append(content)

    def endElement(self, name):
        if self._field and name in self.FIELDS:
            value = "".join(self._buf).strip()
            setattr(self._current, self._field, int(value) if self._field == "quantity" else value)
            self._field = None
        elif name == "Line":
            self.lines.append(self._current)
            self._current = None


def parse_order_file(path):
    parser = defusedxml.sax.make_parser()
    parser.setFeature(feature_namespaces, False)
    parser.setFeature(feature_external_ges, False)
    handler = OrderHandler()
    parser.setContentHandler(handler)
    parser.parse(path)
    return handler


def main(paths):
    logging.basicConfig(level=logging.INFO)
    for path in paths:
        handler = parse_order_file(path)
        total = sum(line.quantity for line in handler.lines)
        log.info("order from account %r: %d lines, %d SIMs", handler.account, len(handler.lines), total)
        for line in handler.lines:
            print(f"{handler.account};{line.cost_centre};{line.plan};{line.sim_type};"
                  f"{line.quantity};{line.delivery_site}")


if __name__ == "__main__":
    main(sys.argv[1:])
