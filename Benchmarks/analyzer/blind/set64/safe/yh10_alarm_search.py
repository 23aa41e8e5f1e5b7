"""Alarm journal search for the SCADA gateway (Tornado).

The alarm journal holds the last N alarms from every connected PLC. The
engineering console lets users filter by message text.
"""
import json
import re
from collections import deque

import tornado.ioloop
import tornado.web

JOURNAL_SIZE = 50000
MAX_QUERY = 120


class AlarmJournal:
    def __init__(self, size=JOURNAL_SIZE):
        self._entries = deque(maxlen=size)

    def append(self, entry):
        self._entries.append(entry)

    def search(self, matcher, plc=None, limit=200):
        out = []
        for entry in reversed(self._entries):
            if plc and entry["plc"] != plc:
                continue
            if matcher(entry["message"]):
                out.append(entry)
                if len(out) >= limit:
                    break
        return out


def make_matcher(text, use_regex, ignore_case):
    flags = re.IGNORECASE if ignore_case else 0
    if use_regex:
        # "regex" mode supports '*' as a wildcard only
        body = ".*?".join(re.escape(part) for part in text[:MAX_QUERY].split("*"))
        pattern = re.compile(body, flags)
        return lambda msg: pattern.search(msg) is not None
    needle = text.lower() if ignore_case else text
    return lambda msg: needle in (msg.lower() if ignore_case else msg)


class AlarmSearchHandler(tornado.web.RequestHandler):
    def initialize(self, journal):
        self.journal = journal

    def get(self):
        text = self.get_query_argument("q", "")
        plc = self.get_query_argument("plc", None)
        use_regex = self.get_query_argument("regex", "0") == "1"
        ignore_case = self.get_query_argument("icase", "1") == "1"
        try:
            matcher = make_matcher(text, use_regex, ignore_case)
        except re.error as exc:
            self.set_status(400)
            self.write({"error": "bad pattern: %s" % exc})
            return
        hits = self.journal.search(matcher, plc=plc)
        self.set_header("Content-Type", "application/json")
        self.write(json.dumps({"count": len(hits), "alarms": hits}))


def make_app(journal):
    return tornado.web.Application([
        (r"/alarms/search", AlarmSearchHandler, {"journal": journal}),
    ])


if __name__ == "__main__":
    app = make_app(AlarmJournal())
    app.listen(8441, address="127.0.0.1")
    tornado.ioloop.IOLoop.current().start()
