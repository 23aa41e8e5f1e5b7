import logging
import os
from concurrent import futures

import grpc

import artifacts_pb2
import artifacts_pb2_grpc

ARTIFACT_ROOT = os.path.realpath(os.environ.get("ARTIFACT_ROOT", "/srv/artifacts"))
CHUNK = 64 * 1024
log = logging.getLogger("artifact-store")


class ArtifactService(artifacts_pb2_grpc.ArtifactStoreServicer):
    def __init__(self, root=ARTIFACT_ROOT):
        self.root = root

    def _resolve(self, project, name, context):
        candidate = os.path.realpath(os.path.join(self.root, project, name))
        if os.path.commonpath([self.root, candidate]) != self.root or candidate == self.root:
            context.abort(grpc.StatusCode.INVALID_ARGUMENT, "invalid artifact path")
        return candidate

    def Download(self, request, context):
        path = self._resolve(request.project, request.name, context)
        try:
            fh = open(path, "rb")
        except (FileNotFoundError, IsADirectoryError):
            context.abort(grpc.StatusCode.NOT_FOUND, "artifact not found")
        with fh:
            while True:
                chunk = fh.read(CHUNK)
                if not chunk:
                    break
                yield artifacts_pb2.Chunk(data=chunk)

    def Delete(self, request, context):
        path = self._resolve(request.project, request.name, context)
        try:
            os.remove(path)
        except (FileNotFoundError, IsADirectoryError):
            context.abort(grpc.StatusCode.NOT_FOUND, "artifact not found")
        return artifacts_pb2.DeleteReply(ok=True)


def serve(port=50051):
    server = grpc.server(futures.ThreadPoolExecutor(max_workers=8))
    artifacts_pb2_grpc.add_ArtifactStoreServicer_to_server(ArtifactService(), server)
    server.add_insecure_port(f"127.0.0.1:{port}")
    server.start()
    log.info("artifact store listening on %d", port)
    server.wait_for_termination()


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    serve()
