"""Tower crane monitoring: configurable alarm rules (Tornado).

Lift supervisors define simple threshold rules per crane, e.g. wind speed
above 20 m/s or load moment above 95%, which are evaluated against each
telemetry frame.
"""
import json
import logging
import operator
from dataclasses import dataclass, field
from typing import Callable, Dict, List

import tornado.ioloop
import tornado.web

log = logging.getLogger("crane.rules")

OPERATORS = {">": operator.gt, ">=": operator.ge, "<": operator.lt,
             "<=": operator.le, "==": operator.eq}
METRICS = {"wind_speed", "load_moment_pct", "hook_load_t", "slew_rate", "radius_m"}


@dataclass
class AlarmRule:
    metric: str
    op: str
    limit: str
    severity: str = "warning"
    check: Callable = field(default=None, repr=False)


RULES: Dict[str, List[AlarmRule]] = {}


def build_check(metric: str, op: str, limit: str) -> Callable:
    if metric not in METRICS or op not in OPERATORS:
        raise SyntaxError("unsupported metric or operator")
    try:
        threshold = float(limit)
    except ValueError:
        raise SyntaxError("limit must be numeric")
    compare = OPERATORS[op]

    def check(frame):
        return compare(frame.get(metric, 0), threshold)
    return check


class RuleHandler(tornado.web.RequestHandler):
    def post(self, crane_id: str) -> None:
        body = json.loads(self.request.body or b"{}")
        rule = AlarmRule(
            metric=str(body.get("metric", "")),
            op=str(body.get("op", ">")),
            limit=str(body.get("limit", "0")),
            severity=str(body.get("severity", "warning")),
        )
        try:
            rule.check = build_check(rule.metric, rule.op, rule.limit)
        except SyntaxError:
            raise tornado.web.HTTPError(400, "invalid rule")
        RULES.setdefault(crane_id, []).append(rule)
        self.set_status(201)
        self.write({"crane": crane_id, "rules": len(RULES[crane_id])})

    def get(self, crane_id: str) -> None:
        self.write({"crane": crane_id, "rules": [
            {"metric": r.metric, "op": r.op, "limit": r.limit, "severity": r.severity}
            for r in RULES.get(crane_id, [])
        ]})


class TelemetryHandler(tornado.web.RequestHandler):
    def post(self, crane_id: str) -> None:
        frame = json.loads(self.request.body or b"{}")
        fired = [
            {"metric": r.metric, "severity": r.severity}
            for r in RULES.get(crane_id, []) if r.check(frame)
        ]
        if fired:
            log.warning("crane %s: %d alarms fired", crane_id, len(fired))
        self.write({"alarms": fired})


def make_app() -> tornado.web.Application:
    return tornado.web.Application([
        (r"/cranes/([A-Za-z0-9-]+)/rules", RuleHandler),
        (r"/cranes/([A-Za-z0-9-]+)/telemetry", TelemetryHandler),
    ])


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    make_app().listen(8870, address="127.0.0.1")
    tornado.ioloop.IOLoop.current().start()
