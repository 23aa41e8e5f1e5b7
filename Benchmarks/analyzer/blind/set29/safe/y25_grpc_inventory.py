"""gRPC servicer exposing warehouse inventory operations."""
import logging
import os
from concurrent import futures
from contextlib import contextmanager

import grpc
from psycopg2.pool import ThreadedConnectionPool

import inventory_pb2
import inventory_pb2_grpc

logger = logging.getLogger(__name__)
ITEM_COLUMNS = "sku, name, quantity, warehouse"


def escape_like(value: str) -> str:
    return value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def to_item(row) -> "inventory_pb2.Item":
    sku, name, quantity, warehouse = row
    return inventory_pb2.Item(sku=sku, name=name, quantity=quantity, warehouse=warehouse)


class InventoryServicer(inventory_pb2_grpc.InventoryServicer):
    def __init__(self, pool: ThreadedConnectionPool):
        self.pool = pool

    @contextmanager
    def cursor(self, commit: bool = False):
        conn = self.pool.getconn()
        try:
            with conn.cursor() as cur:
                yield cur
            if commit:
                conn.commit()
            else:
                conn.rollback()
        finally:
            self.pool.putconn(conn)

    def GetItem(self, request, context):
        with self.cursor() as cur:
            cur.execute(f"SELECT {ITEM_COLUMNS} FROM stock WHERE sku = %s", (request.sku,))
            row = cur.fetchone()
        if row is None:
            context.abort(grpc.StatusCode.NOT_FOUND, "unknown sku")
        return to_item(row)

    def Search(self, request, context):
        clauses, params = [], []
        if request.warehouse:
            clauses.append("warehouse = %s")
            params.append(request.warehouse)
        if request.name_prefix:
            clauses.append("name ILIKE %s")
            params.append(escape_like(request.name_prefix) + "%")
        sql = f"SELECT {ITEM_COLUMNS} FROM stock"
        if clauses:
            sql += " WHERE " + " AND ".join(clauses)
        sql += " ORDER BY sku LIMIT 500"
        with self.cursor() as cur:
            cur.execute(sql, params)
            rows = cur.fetchall()
        for row in rows:
            yield to_item(row)

    def Reserve(self, request, context):
        if request.quantity <= 0:
            context.abort(grpc.StatusCode.INVALID_ARGUMENT, "quantity must be positive")
        with self.cursor(commit=True) as cur:
            cur.execute(
                "UPDATE stock SET quantity = quantity - %s "
                "WHERE sku = %s AND quantity >= %s RETURNING quantity",
                (request.quantity, request.sku, request.quantity),
            )
            row = cur.fetchone()
        if row is None:
            context.abort(grpc.StatusCode.FAILED_PRECONDITION, "insufficient stock")
        logger.info("reserved %d of %r", request.quantity, request.sku)
        return inventory_pb2.ReserveReply(sku=request.sku, remaining=row[0])


def serve() -> None:
    pool = ThreadedConnectionPool(1, 10, dsn=os.environ["INVENTORY_DSN"])
    server = grpc.server(futures.ThreadPoolExecutor(max_workers=8))
    inventory_pb2_grpc.add_InventoryServicer_to_server(InventoryServicer(pool), server)
    server.add_insecure_port(os.environ.get("INVENTORY_LISTEN", "127.0.0.1:50051"))
    server.start()
    server.wait_for_termination()


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    serve()
