"""TCP control channel used by render-farm agents to queue and cancel jobs."""
import json
import logging
import os
import socketserver
import struct
import threading
import time

logger = logging.getLogger("control")

FRAME_HEADER = struct.Struct("!I")
MAX_FRAME = 1 << 20


def read_frame(rfile) -> bytes:
    header = rfile.read(FRAME_HEADER.size)
    if len(header) < FRAME_HEADER.size:
        raise EOFError
    (length,) = FRAME_HEADER.unpack(header)
    if length > MAX_FRAME:
        raise ValueError("frame too large")
    return rfile.read(length)


def write_frame(wfile, payload: bytes) -> None:
    wfile.write(FRAME_HEADER.pack(len(payload)) + payload)


class AgentState:
    def __init__(self):
        self.started = time.time()
        self.jobs = {}
        self.lock = threading.Lock()


def op_status(state: AgentState, message: dict) -> dict:
    with state.lock:
        return {"jobs": len(state.jobs), "uptime": int(time.time() - state.started)}


def op_enqueue(state: AgentState, message: dict) -> dict:
    job_id = str(message["job_id"])[:64]
    frames = int(message["frames"])
    with state.lock:
        state.jobs[job_id] = frames
    return {"queued": job_id}


def op_cancel(state: AgentState, message: dict) -> dict:
    with state.lock:
        removed = state.jobs.pop(str(message["job_id"]), None)
    return {"cancelled": removed is not None}


OPS = {"status": op_status, "enqueue": op_enqueue, "cancel": op_cancel}


class ControlHandler(socketserver.StreamRequestHandler):
    def handle(self) -> None:
        logger.info("agent connected from %r", self.client_address[0])
        while True:
            try:
                frame = read_frame(self.rfile)
            except (EOFError, ValueError):
                return
            try:
                message = json.loads(frame.decode("utf-8"))
            except (UnicodeDecodeError, ValueError):
                message = None
            if not isinstance(message, dict) or message.get("op") not in OPS:
                write_frame(self.wfile, json.dumps({"error": "bad request"}).encode("utf-8"))
                continue
            try:
                reply = OPS[message["op"]](self.server.state, message)
            except (KeyError, ValueError, TypeError):
                reply = {"error": "invalid arguments"}
            write_frame(self.wfile, json.dumps(reply).encode("utf-8"))


class ControlServer(socketserver.ThreadingTCPServer):
    allow_reuse_address = True
    daemon_threads = True

    def __init__(self, address):
        super().__init__(address, ControlHandler)
        self.state = AgentState()


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    port = int(os.environ.get("CONTROL_PORT", "7070"))
    with ControlServer(("127.0.0.1", port)) as server:
        server.serve_forever()
