"""Falcon resource backing the employer 'My job postings' table, with
sortable columns and simple paging."""
import logging
import os

import falcon
import psycopg2
import psycopg2.extras
from psycopg2.pool import ThreadedConnectionPool

log = logging.getLogger("employer.jobs")

pool = ThreadedConnectionPool(1, 10, dsn=os.environ.get("JOBBOARD_DSN", "dbname=jobboard"))

BASE_QUERY = """
SELECT j.id, j.title, j.location, j.posted_at, j.status,
       COUNT(a.id) AS applicants, COALESCE(SUM(v.views), 0) AS views
  FROM jobs j
  LEFT JOIN applications a ON a.job_id = j.id
  LEFT JOIN job_view_stats v ON v.job_id = j.id
 WHERE j.employer_id = %s AND j.status = %s
 GROUP BY j.id
"""
SORT_COLUMNS = {
    "posted_at": "j.posted_at",
    "title": "j.title",
    "location": "j.location",
    "applicants": "applicants",
    "views": "views",
}
DIRECTIONS = {"asc": "ASC", "desc": "DESC"}


class ListingParams:
    def __init__(self, req: falcon.Request):
        self.status = req.get_param("status", default="open")
        self.sort = SORT_COLUMNS.get(req.get_param("sort", default="posted_at"), "j.posted_at")
        self.direction = DIRECTIONS.get(req.get_param("dir", default="desc").lower(), "DESC")
        self.page = max(req.get_param_as_int("page", default=1), 1)
        self.per_page = min(req.get_param_as_int("per_page", default=25), 100)

    def order_clause(self) -> str:
        return f" ORDER BY {self.sort} {self.direction}"


class EmployerJobsResource:
    def on_get(self, req: falcon.Request, resp: falcon.Response, employer_id: int):
        if req.context.user.employer_id != employer_id:
            raise falcon.HTTPForbidden()
        params = ListingParams(req)
        sql = BASE_QUERY + params.order_clause() + " LIMIT %s OFFSET %s"
        offset = (params.page - 1) * params.per_page

        conn = pool.getconn()
        try:
            with conn.cursor(cursor_factory=psycopg2.extras.RealDictCursor) as cur:
                cur.execute(sql, (employer_id, params.status, params.per_page, offset))
                rows = cur.fetchall()
        except psycopg2.Error as exc:
            conn.rollback()
            log.error("job listing query failed: %s", exc.pgerror)
            raise falcon.HTTPBadRequest(title="invalid listing parameters")
        finally:
            pool.putconn(conn)

        for row in rows:
            row["posted_at"] = row["posted_at"].isoformat() if row["posted_at"] else None
        resp.media = {"page": params.page, "per_page": params.per_page, "jobs": rows}


app = falcon.App()
app.add_route("/employers/{employer_id:int}/jobs", EmployerJobsResource())
