"""Call-intake API used by the 911 call-taker softphone plugin."""
import json
import logging
import uuid
from datetime import datetime, timezone

import tornado.ioloop
import tornado.web

audit = logging.getLogger("psap.audit")
log = logging.getLogger("psap.intake")

REQUIRED = ("caller_name", "callback_number", "nature")


class CallRecord:
    def __init__(self, caller_name, callback_number, nature, location=None):
        self.call_id = uuid.uuid4().hex[:12]
        self.caller_name = caller_name
        self.callback_number = callback_number
        self.nature = nature
        self.location = location
        self.received_at = datetime.now(timezone.utc)

    def summary(self):
        return "call %s from %s callback=%s nature=%s" % (
            self.call_id, self.caller_name, self.callback_number, self.nature,
        )


class CallIntakeHandler(tornado.web.RequestHandler):
    def initialize(self, queue):
        self.queue = queue

    def post(self):
        try:
            data = json.loads(self.request.body or b"{}")
        except ValueError:
            raise tornado.web.HTTPError(400, "invalid JSON")
        missing = [k for k in REQUIRED if not data.get(k)]
        if missing:
            ani = self.request.headers.get("X-Caller-ANI", "unknown")
            log.warning(f"rejected intake from ANI {ani}: missing {missing}")  # VULN
            raise tornado.web.HTTPError(422)

        record = CallRecord(
            data["caller_name"], data["callback_number"], data["nature"],
            data.get("location"),
        )
        line = record.summary()
        audit.info(line)  # VULN flow
        self.queue.append(record)
        self.set_status(201)
        self.write({"call_id": record.call_id})


class QueueHandler(tornado.web.RequestHandler):
    def initialize(self, queue):
        self.queue = queue

    def get(self):
        self.write({"pending": [r.call_id for r in self.queue]})


def make_app():
    queue = []
    return tornado.web.Application([
        (r"/intake", CallIntakeHandler, {"queue": queue}),
        (r"/intake/queue", QueueHandler, {"queue": queue}),
    ])


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    make_app().listen(8890, address="127.0.0.1")
    tornado.ioloop.IOLoop.current().start()
