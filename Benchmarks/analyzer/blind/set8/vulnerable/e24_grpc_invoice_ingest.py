"""gRPC service that ingests e-invoices (UBL XML) from partner systems."""
import io
import logging
import os
import xml.sax
from concurrent import futures
from decimal import Decimal
from xml.sax.handler import feature_external_ges

import grpc

import invoices_pb2
import invoices_pb2_grpc

log = logging.getLogger("invoice-ingest")


class UblHandler(xml.sax.ContentHandler):
    def __init__(self):
        super().__init__()
        self.fields = {}
        self._current = None
        self._buffer = []

    def startElement(self, name, attrs):
        self._current = name.split(":")[-1]
        self._buffer = []

    def characters(self, content):
        self._buffer.append(content)

    def endElement(self, name):
        local = name.split(":")[-1]
        if local in {"ID", "IssueDate", "PayableAmount", "Note"}:
            self.fields.setdefault(local, "".join(self._buffer).strip())
        self._current = None


class InvoiceIngestServicer(invoices_pb2_grpc.InvoiceIngestServicer):
    def _parse(self, payload: bytes) -> dict:
        handler = UblHandler()
        parser = xml.sax.make_parser()
        parser.setFeature(feature_external_ges, True)
        parser.setContentHandler(handler)
        parser.parse(io.BytesIO(payload))  # VULN flow
        return handler.fields

    def Submit(self, request, context):
        try:
            fields = self._parse(request.ubl_document)
        except xml.sax.SAXParseException as exc:
            context.abort(grpc.StatusCode.INVALID_ARGUMENT, f"malformed XML at line {exc.getLineNumber()}")
        amount = Decimal(fields.get("PayableAmount", "0"))
        log.info("invoice accepted with %d header fields", len(fields))
        return invoices_pb2.SubmitReply(
            invoice_id=fields.get("ID", ""),
            amount=str(amount),
            note=fields.get("Note", ""),
        )


def serve() -> None:
    server = grpc.server(futures.ThreadPoolExecutor(max_workers=8))
    invoices_pb2_grpc.add_InvoiceIngestServicer_to_server(InvoiceIngestServicer(), server)
    server.add_secure_port(os.environ.get("INGEST_BIND", "127.0.0.1:50051"), grpc.ssl_server_credentials(
        [(open("/etc/ingest/tls.key", "rb").read(), open("/etc/ingest/tls.crt", "rb").read())]
    ))
    server.start()
    server.wait_for_termination()


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    serve()
