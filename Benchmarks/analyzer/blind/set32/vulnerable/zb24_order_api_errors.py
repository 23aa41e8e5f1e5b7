"""Order status API consumed by the retail mobile app (Tornado)."""
import asyncio
import json
import logging
import os
import traceback

import aiomysql
import tornado.web

logger = logging.getLogger("orders.api")


class JsonHandler(tornado.web.RequestHandler):
    def set_default_headers(self):
        self.set_header("Content-Type", "application/json")

    def write_error(self, status_code, **kwargs):
        body = {"status": status_code, "error": self._reason}
        exc_info = kwargs.get("exc_info")
        if exc_info is not None and not isinstance(exc_info[1], tornado.web.HTTPError):
            body["exception"] = repr(exc_info[1])
            body["trace"] = traceback.format_exception(*exc_info)
        self.finish(json.dumps(body))  # VULN flow

    def get_current_user(self):
        raw = self.get_signed_cookie("customer_id", max_age_days=30)
        return int(raw) if raw else None

    @property
    def pool(self):
        return self.application.settings["db_pool"]


class OrderHandler(JsonHandler):
    async def get(self, order_ref):
        customer_id = self.current_user
        if customer_id is None:
            raise tornado.web.HTTPError(401)
        async with self.pool.acquire() as conn, conn.cursor(aiomysql.DictCursor) as cur:
            await cur.execute(
                "SELECT reference, status, total_cents, currency, updated_at FROM orders "
                "WHERE reference = %s AND customer_id = %s",
                (order_ref, customer_id),
            )
            row = await cur.fetchone()
        if row is None:
            raise tornado.web.HTTPError(404)
        row["updated_at"] = row["updated_at"].isoformat()
        self.write(json.dumps(row))


async def main():
    pool = await aiomysql.create_pool(
        host=os.environ["ORDERS_DB_HOST"],
        user=os.environ["ORDERS_DB_USER"],
        password=os.environ["ORDERS_DB_PASSWORD"],
        db="orders",
        maxsize=10,
    )
    app = tornado.web.Application(
        [(r"/v1/orders/([A-Z0-9-]{6,32})", OrderHandler)],
        db_pool=pool,
        cookie_secret=os.environ["ORDERS_COOKIE_SECRET"],
    )
    app.listen(int(os.environ.get("PORT", "8088")), address="127.0.0.1")
    logger.info("order api listening")
    await asyncio.Event().wait()


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    asyncio.run(main())
