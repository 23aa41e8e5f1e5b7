import logging
import os
from concurrent import futures

import grpc

import manuals_pb2
import manuals_pb2_grpc

log = logging.getLogger("manuals")
MANUALS_ROOT = os.environ.get("MANUALS_ROOT", "/srv/aviation/manuals")
CHUNK_SIZE = 64 * 1024


class ManualLibrary:
    def __init__(self, root):
        self.root = root

    def aircraft_types(self):
        return sorted(d for d in os.listdir(self.root) if os.path.isdir(os.path.join(self.root, d)))

    def document_path(self, aircraft_type, document):
        return os.path.join(self.root, aircraft_type, document)

    def stream(self, path):
        with open(path, "rb") as fh:  # VULN flow
            while True:
                block = fh.read(CHUNK_SIZE)
                if not block:
                    return
                yield block


class ManualServicer(manuals_pb2_grpc.MaintenanceManualsServicer):
    def __init__(self, library: ManualLibrary):
        self.library = library

    def GetDocument(self, request, context):
        path = self.library.document_path(request.aircraft_type, request.document)
        if not os.path.isfile(path):
            context.abort(grpc.StatusCode.NOT_FOUND, "document not available")
        log.info("streaming %r/%r to %r", request.aircraft_type, request.document, context.peer())
        for seq, block in enumerate(self.library.stream(path)):
            yield manuals_pb2.DocumentChunk(sequence=seq, data=block)

    def ListAircraft(self, request, context):
        return manuals_pb2.AircraftList(types=self.library.aircraft_types())


def _server_credentials():
    with open(os.environ["TLS_CERT_FILE"], "rb") as cert, open(os.environ["TLS_KEY_FILE"], "rb") as key:
        return grpc.ssl_server_credentials([(key.read(), cert.read())])


def serve():
    server = grpc.server(futures.ThreadPoolExecutor(max_workers=8))
    manuals_pb2_grpc.add_MaintenanceManualsServicer_to_server(ManualServicer(ManualLibrary(MANUALS_ROOT)), server)
    server.add_secure_port(os.environ.get("MANUALS_LISTEN", "127.0.0.1:50443"), _server_credentials())
    server.start()
    log.info("maintenance manual service started")
    server.wait_for_termination()


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    serve()
