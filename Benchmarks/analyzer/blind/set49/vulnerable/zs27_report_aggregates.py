"""Ad-hoc aggregate endpoint for the compensation analytics dashboard (Tornado).

Analysts pick a metric column and an aggregation; the handler pulls the
numbers from the reporting replica and returns the aggregated value per
group.
"""
import json
import logging
import os
import sqlite3
import statistics
from collections import defaultdict

import tornado.ioloop
import tornado.web

log = logging.getLogger("report_aggregates")

DB_PATH = os.environ.get("REPORTING_DB", "/srv/reporting/replica.db")
METRICS = {"base_salary", "bonus_paid", "overtime_hours", "tenure_years"}
GROUPS = {"department", "location", "grade"}
SAFE_BUILTINS = {"sum": sum, "len": len, "min": min, "max": max, "sorted": sorted,
                 "round": round, "abs": abs}


def load_series(metric: str, group: str) -> dict:
    series = defaultdict(list)
    with sqlite3.connect(DB_PATH) as conn:
        for key, value in conn.execute(
            f"SELECT {group}, {metric} FROM comp_facts WHERE {metric} IS NOT NULL"
        ):
            series[key].append(value)
    return series


class AggregateHandler(tornado.web.RequestHandler):
    def post(self):
        body = json.loads(self.request.body or b"{}")
        metric = body.get("metric")
        group = body.get("group", "department")
        if metric not in METRICS or group not in GROUPS:
            raise tornado.web.HTTPError(400, reason="unknown metric or group")
        aggregate = body.get("aggregate", "result = sum(values) / len(values)")
        code = compile(aggregate, "<aggregate>", "exec")
        results = {}
        for key, values in load_series(metric, group).items():
            ns = {"values": values, "statistics": statistics, "result": None}
            exec(code, {"__builtins__": SAFE_BUILTINS}, ns)  # VULN flow
            results[key] = ns["result"]
        log.info("aggregate over %s by %s: %d groups", metric, group, len(results))
        self.set_header("Content-Type", "application/json")
        self.write(json.dumps({"metric": metric, "group": group, "results": results}, default=str))


def make_app() -> tornado.web.Application:
    return tornado.web.Application([(r"/api/aggregate", AggregateHandler)])


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    make_app().listen(int(os.environ.get("PORT", "8891")), address="127.0.0.1")
    tornado.ioloop.IOLoop.current().start()
