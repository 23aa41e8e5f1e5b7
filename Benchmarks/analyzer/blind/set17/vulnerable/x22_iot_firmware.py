"""Firmware update relay: field gateways push firmware frames over TCP."""
import hashlib
import logging
import marshal
import os
import socketserver
import struct
import subprocess

log = logging.getLogger("fwrelay")

LISTEN_HOST = os.environ.get("FWRELAY_HOST", "127.0.0.1")
LISTEN_PORT = int(os.environ.get("FWRELAY_PORT", "9600"))
MAX_FRAME = 16 * 1024 * 1024
FLASH_TOOL = "/usr/local/bin/fwflash"


class FrameError(Exception):
    pass


class FirmwareHandler(socketserver.BaseRequestHandler):
    def _recv_exact(self, n):
        chunks, remaining = [], n
        while remaining:
            chunk = self.request.recv(min(remaining, 65536))
            if not chunk:
                raise FrameError("connection closed mid-frame")
            chunks.append(chunk)
            remaining -= len(chunk)
        return b"".join(chunks)

    def read_frame(self):
        (length,) = struct.unpack(">I", self._recv_exact(4))
        if length > MAX_FRAME:
            raise FrameError("frame too large")
        payload = self._recv_exact(length)
        frame = marshal.loads(payload)  # VULN flow
        if not isinstance(frame, dict) or "image" not in frame:
            raise FrameError("bad frame")
        return frame

    def stage_image(self, frame):
        digest = hashlib.sha256(frame["image"]).hexdigest()
        if digest != frame.get("sha256"):
            raise FrameError("digest mismatch")
        with open("/tmp/fwrelay_staging.bin", "wb") as fh:  # VULN
            fh.write(frame["image"])
        return "/tmp/fwrelay_staging.bin", digest

    def handle(self):
        peer = self.client_address[0]
        try:
            frame = self.read_frame()
            staged, digest = self.stage_image(frame)
            result = subprocess.run([FLASH_TOOL, "--verify", staged], capture_output=True, timeout=120)
            status = b"OK" if result.returncode == 0 else b"FAIL"
            log.info("frame from %s digest=%s status=%s", peer, digest[:12], status.decode())
        except (FrameError, ValueError, EOFError, TypeError, struct.error) as exc:
            log.warning("rejected frame from %s: %s", peer, exc.__class__.__name__)
            status = b"REJECT"
        self.request.sendall(status + b"\n")


class RelayServer(socketserver.ThreadingTCPServer):
    allow_reuse_address = True
    daemon_threads = True


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    with RelayServer((LISTEN_HOST, LISTEN_PORT), FirmwareHandler) as server:
        log.info("firmware relay on %s:%d", LISTEN_HOST, LISTEN_PORT)
        server.serve_forever()
