"""Tiny length-prefixed RPC server used by the metrics sidecar."""
import asyncio
import logging
import marshal
import os
import struct
import time

log = logging.getLogger("sidecar.rpc")

HEADER = struct.Struct("!I")
MAX_FRAME = 1 << 20
HOST = os.environ.get("SIDECAR_HOST", "127.0.0.1")
PORT = int(os.environ.get("SIDECAR_PORT", "7420"))


class MetricsRegistry:
    def __init__(self) -> None:
        self.counters: dict[str, int] = {}
        self.gauges: dict[str, float] = {}
        self.started = time.time()

    def incr(self, name: str, value: int = 1) -> None:
        self.counters[name] = self.counters.get(name, 0) + value

    def gauge(self, name: str, value: float) -> None:
        self.gauges[name] = value

    def snapshot(self) -> dict:
        return {"uptime": time.time() - self.started, "counters": dict(self.counters), "gauges": dict(self.gauges)}


def decode_frame(payload: bytes):
    return marshal.loads(payload)  # VULN flow


def encode_frame(message: dict) -> bytes:
    data = marshal.dumps(message)
    return HEADER.pack(len(data)) + data


def dispatch(registry: MetricsRegistry, request) -> dict:
    if not isinstance(request, dict):
        return {"ok": False, "error": "request must be a mapping"}
    op = request.get("op")
    try:
        if op == "incr":
            registry.incr(str(request["name"]), int(request.get("value", 1)))
        elif op == "gauge":
            registry.gauge(str(request["name"]), float(request["value"]))
        elif op == "snapshot":
            return {"ok": True, "data": registry.snapshot()}
        else:
            return {"ok": False, "error": "unknown op"}
    except (KeyError, TypeError, ValueError):
        return {"ok": False, "error": "invalid arguments"}
    return {"ok": True}


async def handle_client(reader: asyncio.StreamReader, writer: asyncio.StreamWriter, registry: MetricsRegistry) -> None:
    peer = writer.get_extra_info("peername")
    try:
        while True:
            (length,) = HEADER.unpack(await reader.readexactly(HEADER.size))
            if length > MAX_FRAME:
                log.warning("oversized frame from %r", peer)
                break
            payload = await reader.readexactly(length)
            request = decode_frame(payload)
            writer.write(encode_frame(dispatch(registry, request)))
            await writer.drain()
    except asyncio.IncompleteReadError:
        pass
    finally:
        writer.close()
        await writer.wait_closed()


async def main() -> None:
    registry = MetricsRegistry()
    server = await asyncio.start_server(lambda r, w: handle_client(r, w, registry), HOST, PORT)
    log.info("sidecar RPC listening on %s:%d", HOST, PORT)
    async with server:
        await server.serve_forever()


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    asyncio.run(main())
