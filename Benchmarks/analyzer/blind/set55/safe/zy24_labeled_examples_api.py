"""Falcon API over the labeled-examples warehouse used by the annotation tool."""
import os

import falcon
from psycopg2 import sql
from psycopg2.pool import ThreadedConnectionPool

DSN = os.environ.get("EXAMPLES_DSN", "dbname=labels user=labels_ro host=pg-labels")
SPLITS = ("train", "validation", "test")
SORTABLE = ("id", "label", "annotator", "created_at")


class ExampleStore:
    def __init__(self, dsn: str):
        self.pool = ThreadedConnectionPool(1, 8, dsn)

    def page(self, dataset: str, split: str, sort: str, limit: int, offset: int):
        if split not in SPLITS or sort not in SORTABLE:
            raise falcon.HTTPBadRequest(description="unknown split or sort column")
        query = sql.SQL(
            "SELECT id, text, label, annotator, created_at FROM examples "
            "WHERE dataset = %s AND split = %s "
            "ORDER BY {} LIMIT %s OFFSET %s"
        ).format(sql.Identifier(sort))
        conn = self.pool.getconn()
        try:
            with conn.cursor() as cur:
                cur.execute(query, (dataset, split, limit, offset))
                cols = [d[0] for d in cur.description]
                return [dict(zip(cols, row)) for row in cur.fetchall()]
        finally:
            self.pool.putconn(conn)

    def label_counts(self, dataset: str):
        conn = self.pool.getconn()
        try:
            with conn.cursor() as cur:
                cur.execute(
                    "SELECT label, count(*) FROM examples WHERE dataset = %s GROUP BY label",
                    (dataset,),
                )
                return dict(cur.fetchall())
        finally:
            self.pool.putconn(conn)


class ExamplesResource:
    def __init__(self, store: ExampleStore):
        self.store = store

    def on_get(self, req, resp, dataset):
        split = req.get_param("split", default="train")
        sort = req.get_param("sort", default="created_at")
        limit = req.get_param_as_int("limit", default=100, min_value=1, max_value=1000)
        offset = req.get_param_as_int("offset", default=0, min_value=0)
        rows = self.store.page(dataset, split, sort, limit, offset)
        for row in rows:
            row["created_at"] = row["created_at"].isoformat()
        resp.media = {"dataset": dataset, "split": split, "examples": rows}


class LabelStatsResource:
    def __init__(self, store: ExampleStore):
        self.store = store

    def on_get(self, req, resp, dataset):
        resp.media = {"dataset": dataset, "labels": self.store.label_counts(dataset)}


store = ExampleStore(DSN)
app = falcon.App()
app.add_route("/datasets/{dataset}/examples", ExamplesResource(store))
app.add_route("/datasets/{dataset}/labels", LabelStatsResource(store))
