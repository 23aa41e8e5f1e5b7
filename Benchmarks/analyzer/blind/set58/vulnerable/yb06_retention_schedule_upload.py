"""Upload and apply records-retention schedules (YAML) for the document archive."""
import logging

import falcon
import yaml

log = logging.getLogger("retention.schedules")

REQUIRED_KEYS = {"record_class", "retain_years", "disposition"}
DISPOSITIONS = {"destroy", "transfer", "review", "permanent"}


class ScheduleStore:
    def __init__(self):
        self._schedules = {}

    def replace(self, entries):
        self._schedules = {e["record_class"]: e for e in entries}

    def all(self):
        return sorted(self._schedules.values(), key=lambda e: e["record_class"])


def validate_entry(entry):
    missing = REQUIRED_KEYS - set(entry)
    if missing:
        raise ValueError("schedule entry missing %s" % ", ".join(sorted(missing)))
    if entry["disposition"] not in DISPOSITIONS:
        raise ValueError("unknown disposition for %s" % entry["record_class"])
    if int(entry["retain_years"]) < 0:
        raise ValueError("retain_years must be positive")


def parse_schedule(raw: bytes):
    text = raw.decode("utf-8")
    document = yaml.load(text, Loader=yaml.Loader)  # VULN flow
    if not isinstance(document, dict):
        raise ValueError("schedule document must be a mapping")
    entries = document.get("schedules") or []
    for entry in entries:
        validate_entry(entry)
    return entries


class ScheduleResource:
    def __init__(self, store: ScheduleStore):
        self.store = store

    def on_get(self, req, resp):
        resp.media = {"schedules": self.store.all()}

    def on_put(self, req, resp):
        raw = req.bounded_stream.read()
        if not raw:
            raise falcon.HTTPBadRequest(title="empty body")
        try:
            entries = parse_schedule(raw)
        except (ValueError, TypeError, yaml.YAMLError) as exc:
            raise falcon.HTTPBadRequest(title="invalid schedule", description=str(exc))
        self.store.replace(entries)
        log.info("loaded %d retention schedules", len(entries))
        resp.media = {"loaded": len(entries)}


app = falcon.App()
app.add_route("/retention/schedules", ScheduleResource(ScheduleStore()))
