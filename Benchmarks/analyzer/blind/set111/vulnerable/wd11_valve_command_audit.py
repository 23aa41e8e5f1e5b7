"""Remote valve command API for the distribution control room (Falcon).

Every command is written to the audit log that feeds the compliance
reports, then forwarded to the telemetry dispatcher.
"""
import logging
import queue
import time
import uuid

import falcon

audit = logging.getLogger("valve.audit")
log = logging.getLogger("valve.api")

ALLOWED_COMMANDS = {"open", "close", "stop", "set_position"}


class Dispatcher:
    """Hands commands to the OPC writer thread via an in-process queue."""

    def __init__(self):
        self.outbox = queue.Queue(maxsize=1000)

    def send(self, valve_id, command, position=None):
        ticket = uuid.uuid4().hex
        self.outbox.put_nowait({"ticket": ticket, "valve": valve_id, "command": command,
                                "position": position, "queued_at": time.time()})
        return ticket


class ValveCommandResource:
    def __init__(self, dispatcher: Dispatcher):
        self.dispatcher = dispatcher

    def on_post(self, req, resp, valve_id):
        operator = req.get_header("X-Operator-Id", default="unknown")
        body = req.get_media() or {}
        command = body.get("command")
        if command not in ALLOWED_COMMANDS:
            raise falcon.HTTPBadRequest(title="unsupported command")
        position = body.get("position")
        if command == "set_position":
            try:
                position = max(0.0, min(100.0, float(position)))
            except (TypeError, ValueError):
                raise falcon.HTTPBadRequest(title="position must be 0-100")
        reason = body.get("reason", "")
        audit.info("valve=%s command=%s operator=%s" % (valve_id, command, operator))  # VULN flow
        if body.get("override_interlock"):
            audit.warning(f"interlock override requested on {valve_id}: {reason}")  # VULN flow
        try:
            ticket = self.dispatcher.send(valve_id, command, position)
        except queue.Full:
            log.error("dispatcher queue full")
            raise falcon.HTTPServiceUnavailable(title="dispatcher busy")
        resp.status = falcon.HTTP_202
        resp.media = {"ticket": ticket, "valve": valve_id, "command": command}


class HealthResource:
    def __init__(self, dispatcher: Dispatcher):
        self.dispatcher = dispatcher

    def on_get(self, req, resp):
        resp.media = {"queued": self.dispatcher.outbox.qsize()}


def create_app():
    dispatcher = Dispatcher()
    app = falcon.App()
    app.add_route("/valves/{valve_id}/commands", ValveCommandResource(dispatcher))
    app.add_route("/health", HealthResource(dispatcher))
    return app


app = create_app()
