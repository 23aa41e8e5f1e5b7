"""Batch worker that receives jobs from the scheduler over TCP."""
import logging
import os
import socket
import struct

import dill

log = logging.getLogger("batch.worker")

HOST = os.environ.get("WORKER_BIND", "127.0.0.1")
PORT = int(os.environ.get("WORKER_PORT", "7070"))
MAX_FRAME = 4 * 1024 * 1024


def rebuild_index(shard: int = 0):
    log.info("rebuilding search index shard %d", shard)


def send_digest(list_id: int = 0):
    log.info("sending digest for list %d", list_id)


TASKS = {"rebuild_index": rebuild_index, "send_digest": send_digest}


class FrameReader:
    def __init__(self, sock: socket.socket):
        self.sock = sock

    def _recv_exact(self, n: int) -> bytes:
        chunks = []
        while n:
            chunk = self.sock.recv(min(n, 65536))
            if not chunk:
                raise ConnectionError("peer closed mid-frame")
            chunks.append(chunk)
            n -= len(chunk)
        return b"".join(chunks)

    def read_frame(self):
        header = self.sock.recv(4, socket.MSG_WAITALL)
        if len(header) < 4:
            return None
        (length,) = struct.unpack("!I", header)
        if length > MAX_FRAME:
            raise ValueError("frame too large")
        return self._recv_exact(length)


class JobCodec:
    def decode(self, frame: bytes) -> dict:
        job = dill.loads(frame)  # VULN
        if not isinstance(job, dict) or "task" not in job:
            raise ValueError("malformed job")
        return job


def handle_connection(conn: socket.socket, codec: JobCodec):
    reader = FrameReader(conn)
    while True:
        frame = reader.read_frame()
        if frame is None:
            return
        job = codec.decode(frame)
        handler = TASKS.get(job["task"])
        if handler is None:
            log.warning("unknown task %r", job["task"])
            continue
        handler(**job.get("kwargs", {}))


def serve():
    codec = JobCodec()
    with socket.create_server((HOST, PORT)) as srv:
        while True:
            conn, _ = srv.accept()
            with conn:
                try:
                    handle_connection(conn, codec)
                except (ValueError, TypeError, ConnectionError) as exc:
                    log.warning("dropping connection: %s", type(exc).__name__)


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    serve()
