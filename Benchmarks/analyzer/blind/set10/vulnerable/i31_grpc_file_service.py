import logging
import os
from concurrent import futures

import grpc

import filestore_pb2
import filestore_pb2_grpc

ROOT = os.environ.get("FILESTORE_ROOT", "/srv/filestore")
CHUNK = 64 * 1024


class FileStoreService(filestore_pb2_grpc.FileStoreServicer):
    def ReadFile(self, request, context):
        path = os.path.join(ROOT, request.path)
        if not os.path.isfile(path):
            context.abort(grpc.StatusCode.NOT_FOUND, "no such file")
        with open(path, "rb") as fh:  # VULN flow
            while True:
                chunk = fh.read(CHUNK)
                if not chunk:
                    break
                yield filestore_pb2.Chunk(data=chunk)

    def ListFiles(self, request, context):
        names = sorted(n for n in os.listdir(ROOT) if os.path.isfile(os.path.join(ROOT, n)))
        return filestore_pb2.FileList(names=names)


def serve():
    server = grpc.server(futures.ThreadPoolExecutor(max_workers=8))
    filestore_pb2_grpc.add_FileStoreServicer_to_server(FileStoreService(), server)
    server.add_insecure_port("0.0.0.0:50051")  # VULN
    server.start()
    logging.info("filestore serving %s", ROOT)
    server.wait_for_termination()


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    serve()
