"""gRPC servicer exposing warehouse stock levels from the nightly XML snapshot."""
import logging
import os
import threading
from concurrent import futures

import grpc
from lxml import etree

import inventory_pb2
import inventory_pb2_grpc

SNAPSHOT_PATH = os.environ.get("STOCK_SNAPSHOT", "/var/lib/inventory/stock.xml")
logger = logging.getLogger("inventory")


class SnapshotCache:
    def __init__(self, path):
        self.path = path
        self._lock = threading.Lock()
        self._mtime = None
        self._doc = None

    def document(self):
        mtime = os.path.getmtime(self.path)
        with self._lock:
            if self._doc is None or mtime != self._mtime:
                parser = etree.XMLParser(resolve_entities=False, no_network=True)
                self._doc = etree.parse(self.path, parser)
                self._mtime = mtime
            return self._doc


class InventoryServicer(inventory_pb2_grpc.InventoryServicer):
    def __init__(self, cache):
        self.cache = cache

    def _stock_nodes(self, warehouse, sku):
        expression = "/stock/warehouse[@code=$warehouse]/item[@sku=$sku]"
        return self.cache.document().xpath(expression, warehouse=warehouse, sku=sku)

    def GetStock(self, request, context):
        nodes = self._stock_nodes(request.warehouse, request.sku)
        if not nodes:
            context.abort(grpc.StatusCode.NOT_FOUND, "item not found")
        item = nodes[0]
        return inventory_pb2.StockReply(
            sku=item.get("sku"),
            quantity=int(item.findtext("quantity", "0")),
            bin=item.findtext("bin", ""),
        )

    def ListLowStock(self, request, context):
        items = self.cache.document().xpath(
            "/stock/warehouse[@code=$code]/item[number(quantity) < $limit]",
            code=request.warehouse,
            limit=int(request.threshold),
        )
        for item in items:
            yield inventory_pb2.StockReply(
                sku=item.get("sku"),
                quantity=int(item.findtext("quantity", "0")),
                bin=item.findtext("bin", ""),
            )


def serve():
    with open(os.environ["GRPC_TLS_CERT"], "rb") as fh:
        cert = fh.read()
    with open(os.environ["GRPC_TLS_KEY"], "rb") as fh:
        key = fh.read()
    server = grpc.server(futures.ThreadPoolExecutor(max_workers=8))
    inventory_pb2_grpc.add_InventoryServicer_to_server(InventoryServicer(SnapshotCache(SNAPSHOT_PATH)), server)
    server.add_secure_port(os.environ.get("INVENTORY_BIND", "127.0.0.1:50051"), grpc.ssl_server_credentials([(key, cert)]))
    server.start()
    logger.info("inventory service started")
    server.wait_for_termination()


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    serve()
