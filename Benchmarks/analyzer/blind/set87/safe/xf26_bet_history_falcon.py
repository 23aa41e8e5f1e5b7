"""Bet history API (Falcon + PostgreSQL) with sorting and paging for the account page."""
import json
import logging
import os

import falcon
import psycopg2
import psycopg2.extras

log = logging.getLogger("bethistory")

DSN = os.environ.get("BETS_DSN", "dbname=bets user=bets_ro host=localhost")
BASE_SQL = """
    SELECT b.id, b.placed_at, b.market_name, b.selection_name, b.stake_cents, b.price, b.status, b.return_cents
    FROM bets b
    WHERE b.account_id = %s
"""
SORT_COLUMNS = {"placed_at": "placed_at", "stake": "stake_cents", "price": "price", "return": "return_cents"}
DIRECTIONS = {"asc": "ASC", "desc": "DESC"}


class BetHistoryQuery:
    def __init__(self, account_id: int, params: dict):
        self.account_id = account_id
        self.sort = SORT_COLUMNS.get(params.get("sort", "placed_at"), "placed_at")
        self.direction = DIRECTIONS.get(str(params.get("dir", "desc")).lower(), "DESC")
        self.status = params.get("status")
        self.limit = min(int(params.get("limit", 50)), 200)
        self.offset = max(int(params.get("offset", 0)), 0)

    def build(self):
        sql = BASE_SQL
        args = [self.account_id]
        if self.status:
            sql += " AND b.status = %s"
            args.append(self.status)
        sql += f" ORDER BY b.{self.sort} {self.direction} LIMIT %s OFFSET %s"
        args += [self.limit, self.offset]
        return sql, args


class BetHistoryResource:
    def __init__(self, dsn: str):
        self.dsn = dsn

    def on_get(self, req: falcon.Request, resp: falcon.Response, account_id: int):
        if req.context.get("account_id") != account_id:
            raise falcon.HTTPForbidden()
        try:
            query = BetHistoryQuery(account_id, req.params)
        except ValueError:
            raise falcon.HTTPBadRequest(title="invalid paging parameters")
        sql, args = query.build()
        with psycopg2.connect(self.dsn) as conn, conn.cursor(cursor_factory=psycopg2.extras.RealDictCursor) as cur:
            cur.execute(sql, args)
            rows = cur.fetchall()
        resp.text = json.dumps(rows, default=str)
        resp.content_type = falcon.MEDIA_JSON


class AuthMiddleware:
    def process_request(self, req, resp):
        header = req.get_header("X-Account-Id")
        req.context["account_id"] = int(header) if header and header.isdigit() else None


app = falcon.App(middleware=[AuthMiddleware()])
app.add_route("/accounts/{account_id:int}/bets", BetHistoryResource(DSN))
