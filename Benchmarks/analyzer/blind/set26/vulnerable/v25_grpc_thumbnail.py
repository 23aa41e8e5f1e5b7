"""gRPC service that renders thumbnails for images in the media store."""
import logging
import os
import subprocess as sp
from concurrent import futures

import grpc

import thumbnail_pb2
import thumbnail_pb2_grpc

log = logging.getLogger("thumbnailer")

MEDIA_ROOT = os.environ.get("MEDIA_ROOT", "/srv/media")
THUMB_ROOT = os.environ.get("THUMB_ROOT", "/srv/media/thumbs")
MAX_EDGE = 2048


class ThumbnailJob:
    def __init__(self, request):
        self.source = os.path.join(MEDIA_ROOT, request.source_name)
        self.width = request.width or 256
        self.height = request.height or 256
        self.fmt = request.format or "webp"

    @property
    def destination(self):
        stem = os.path.splitext(os.path.basename(self.source))[0]
        return os.path.join(THUMB_ROOT, f"{stem}_{self.width}x{self.height}.{self.fmt}")

    def command(self):
        geometry = f"{self.width}x{self.height}"
        return f"convert {self.source} -auto-orient -thumbnail {geometry}^ -gravity center -extent {geometry} {self.destination}"


class ThumbnailServicer(thumbnail_pb2_grpc.ThumbnailerServicer):
    def Render(self, request, context):
        job = ThumbnailJob(request)
        if job.width > MAX_EDGE or job.height > MAX_EDGE:
            context.abort(grpc.StatusCode.INVALID_ARGUMENT, "requested size too large")
        result = sp.run(job.command(), shell=True, capture_output=True, timeout=30)  # VULN flow
        if result.returncode != 0:
            log.warning("convert failed with code %d", result.returncode)
            context.abort(grpc.StatusCode.INTERNAL, "thumbnail rendering failed")
        return thumbnail_pb2.RenderReply(path=job.destination, bytes=os.path.getsize(job.destination))

    def Health(self, request, context):
        return thumbnail_pb2.HealthReply(ok=os.path.isdir(THUMB_ROOT))


def serve(port: int = 50051) -> None:
    server = grpc.server(futures.ThreadPoolExecutor(max_workers=4))
    thumbnail_pb2_grpc.add_ThumbnailerServicer_to_server(ThumbnailServicer(), server)
    server.add_insecure_port(f"127.0.0.1:{port}")
    server.start()
    log.info("thumbnailer listening on %d", port)
    server.wait_for_termination()


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    serve()
