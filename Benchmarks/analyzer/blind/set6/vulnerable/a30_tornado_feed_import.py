import io
import xml.sax
from xml.sax.handler import feature_external_ges

import tornado.ioloop
import tornado.web


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
    parser = xml.sax.make_parser()
    parser.setFeature(feature_external_ges, True)
    parser.setContentHandler(handler)
    parser.parse(io.BytesIO(data))  # VULN flow
    return handler.items


class ImportHandler(tornado.web.RequestHandler):
    def post(self):
        items = parse_feed(self.request.body)
        self.write({"imported": len(items), "items": items[:10]})


if __name__ == "__main__":
    tornado.web.Application([(r"/feeds/import", ImportHandler)]).listen(8890, address="127.0.0.1")
    tornado.ioloop.IOLoop.current().start()
