"""Runner agent control endpoint.

The host supervisor uses this to check the agent's health and to drain it
before maintenance. No authentication: it is meant for the local supervisor.
"""
import json
import logging
import socket
import time

import tornado.ioloop
import tornado.web
from tornado.options import define, options, parse_command_line

define("port", default=8181, type=int, help="admin port")
define("max_jobs", default=4, type=int, help="concurrent job slots")

log = logging.getLogger("runner.admin")


class AgentState:
    def __init__(self, max_jobs: int) -> None:
        self.hostname = socket.gethostname()
        self.started = time.time()
        self.max_jobs = max_jobs
        self.running = {}
        self.draining = False

    def snapshot(self) -> dict:
        return {
            "host": self.hostname,
            "uptime": int(time.time() - self.started),
            "slots": self.max_jobs,
            "running": sorted(self.running),
            "draining": self.draining,
        }


class BaseHandler(tornado.web.RequestHandler):
    def initialize(self, state: AgentState) -> None:
        self.state = state

    def write_json(self, payload: dict, status: int = 200) -> None:
        self.set_status(status)
        self.set_header("Content-Type", "application/json")
        self.finish(json.dumps(payload))


class StatusHandler(BaseHandler):
    def get(self) -> None:
        self.write_json(self.state.snapshot())


class DrainHandler(BaseHandler):
    def post(self) -> None:
        self.state.draining = True
        log.warning("agent draining, %d job(s) still running", len(self.state.running))
        self.write_json({"draining": True})

    def delete(self) -> None:
        self.state.draining = False
        log.info("agent resumed")
        self.write_json({"draining": False})


def make_app(state: AgentState) -> tornado.web.Application:
    routes = [
        (r"/status", StatusHandler, {"state": state}),
        (r"/drain", DrainHandler, {"state": state}),
    ]
    return tornado.web.Application(routes, debug=True)  # VULN


def main() -> None:
    parse_command_line()
    state = AgentState(options.max_jobs)
    app = make_app(state)
    app.listen(options.port, address="0.0.0.0")  # VULN
    log.info("runner admin listening on port %d", options.port)
    tornado.ioloop.IOLoop.current().start()


if __name__ == "__main__":
    main()
