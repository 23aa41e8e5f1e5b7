"""gRPC service that ingests e-invoices (UBL XML) from partner systems."""
import logging
import os
import xml.sax
from concurrent import futures
from decimal import Decimal, InvalidOperation

import grpc
from defusedxml import DefusedXmlException
from defusedxml.sax import parseString

import invoices_pb2
import invoices_pb2_grpc

log = logging.getLogger("invoice-ingest")
MAX_DOCUMENT_BYTES = 2 * 1024 * 1024


class UblHandler(xml.sax.ContentHandler):
    def __init__(self):
        super().__init__()
        self.fields = {}
        self._buffer = []

    def startElement(self, name, attrs):
        self._buffer = []

    def characters(self, content):
        self._buffer.append(content)

    def endElement(self, name):
        local = name.split(":")[-1]
        if local in {"ID", "IssueDate", "PayableAmount", "Note"}:
            self.fields.setdefault(local, "".join(self._buffer).strip())


class InvoiceIngestServicer(invoices_pb2_grpc.InvoiceIngestServicer):
    def _parse(self, payload: bytes) -> dict:
        handler = UblHandler()
        parseString(payload, handler)
        return handler.fields

    def Submit(self, request, context):
        if len(request.ubl_document) > MAX_DOCUMENT_BYTES:
            context.abort(grpc.StatusCode.RESOURCE_EXHAUSTED, "document too large")
        try:
            fields = self._parse(request.ubl_document)
            amount = Decimal(fields.get("PayableAmount", "0"))
        except (xml.sax.SAXParseException, DefusedXmlException, InvalidOperation):
            context.abort(grpc.StatusCode.INVALID_ARGUMENT, "malformed invoice document")
        log.info("invoice accepted with %d header fields", len(fields))
        return invoices_pb2.SubmitReply(
            invoice_id=fields.get("ID", ""),
            amount=str(amount),
            note=fields.get("Note", ""),
        )


def serve() -> None:
    server = grpc.server(futures.ThreadPoolExecutor(max_workers=8))
    invoices_pb2_grpc.add_InvoiceIngestServicer_to_server(InvoiceIngestServicer(), server)
    with open("/etc/ingest/tls.key", "rb") as key, open("/etc/ingest/tls.crt", "rb") as crt:
        credentials = grpc.ssl_server_credentials([(key.read(), crt.read())])
    server.add_secure_port(os.environ.get("INGEST_BIND", "127.0.0.1:50051"), credentials)
    server.start()
    server.wait_for_termination()


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    serve()
