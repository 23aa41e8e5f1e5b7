"""Materialisation worker: copies feature rows from the offline store (DuckDB over
parquet) into the online store for the entities requested by a serving team."""
import json
import logging
import os
from dataclasses import dataclass
from typing import List

import duckdb
import redis

log = logging.getLogger("featurestore.materialize")

OFFLINE_DB = os.environ.get("OFFLINE_DB", "/data/offline/features.duckdb")
QUEUE = "materialize:requests"


@dataclass(frozen=True)
class FeatureView:
    name: str
    table: str
    features: tuple


REGISTRY = {
    "user_engagement": FeatureView("user_engagement", "fv_user_engagement",
                                   ("sessions_7d", "clicks_7d", "dwell_p50")),
    "merchant_risk": FeatureView("merchant_risk", "fv_merchant_risk",
                                 ("chargebacks_30d", "refund_rate", "avg_ticket")),
}


@dataclass
class MaterializeRequest:
    feature_view: str
    entity_ids: List[str]
    start: str
    end: str


class OfflineStore:
    def __init__(self, path: str):
        self.conn = duckdb.connect(path, read_only=True)

    @staticmethod
    def _select(view: FeatureView) -> str:
        return f"SELECT entity_id, event_ts, {', '.join(view.features)} FROM {view.table}"

    def latest_rows(self, view: FeatureView, req: MaterializeRequest):
        id_list = ", ".join(f"'{e}'" for e in req.entity_ids)
        sql = (
            self._select(view)
            + f" WHERE entity_id IN ({id_list})"
            + f" AND event_ts BETWEEN '{req.start}' AND '{req.end}'"
            + " QUALIFY row_number() OVER (PARTITION BY entity_id ORDER BY event_ts DESC) = 1"
        )
        cur = self.conn.execute(sql)  # VULN flow
        cols = [d[0] for d in cur.description]
        return [dict(zip(cols, row)) for row in cur.fetchall()]


def handle(raw: bytes, offline: OfflineStore, online: redis.Redis) -> int:
    req = MaterializeRequest(**json.loads(raw))
    view = REGISTRY.get(req.feature_view)
    if view is None:
        raise KeyError(req.feature_view)
    rows = offline.latest_rows(view, req)
    pipe = online.pipeline(transaction=False)
    for row in rows:
        key = f"fv:{view.name}:{row['entity_id']}"
        pipe.hset(key, mapping={f: json.dumps(row[f], default=str) for f in view.features})
    pipe.execute()
    return len(rows)


def main():
    offline = OfflineStore(OFFLINE_DB)
    online = redis.Redis.from_url(os.environ.get("ONLINE_STORE_URL", "redis://localhost:6379/1"))
    while True:
        item = online.blpop(QUEUE, timeout=30)
        if item is None:
            continue
        try:
            count = handle(item[1], offline, online)
        except (KeyError, TypeError, ValueError) as exc:
            log.warning("rejected materialisation request: %r", exc)
            continue
        log.info("materialised %d rows", count)


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    main()
