import xml.sax

import defusedxml.sax
import tornado.ioloop
import tornado.web
from defusedxml.common import DefusedXmlException


class FeedHandler(xml.sax.ContentHandler):
    def __init__(self):
        super().__init__()
        self.items = []
        self._field = None
        self._current = {}

    def startElement(self, name, attrs):
        if name == "item":
            self._current = {}
        self._field = name

    def characters(self, content):
        if self._field in ("title", "link"):
            self._current[self._field] = self._current.get(self._field, "") + content

    def endElement(self, name):
        if name == "item":
            self.items.append(self._current)
        self._field = None


def parse_feed(data):
    handler = FeedHandler()
    # defusedxml forbids DTDs with entities and never fetches external resources
    defusedxml.sax.parseString(data, handler)
    return handler.items


class ImportHandler(tornado.web.RequestHandler):
    def post(self):
        try:
            items = parse_feed(self.request.body)
        except (xml.sax.SAXParseException, DefusedXmlException):
            raise tornado.web.HTTPError(400, "invalid feed")
        self.write({"imported": len(items), "items": items[:10]})


if __name__ == "__main__":
    tornado.web.Application([(r"/feeds/import", ImportHandler)]).listen(8890, address="127.0.0.1")
    tornado.ioloop.IOLoop.current().start()
