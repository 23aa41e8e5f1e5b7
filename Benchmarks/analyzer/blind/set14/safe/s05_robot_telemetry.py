"""Telemetry collector for the warehouse robot fleet."""
import asyncio
import json
import logging
import os
import struct
import time
from collections import defaultdict, deque

log = logging.getLogger("fleet.telemetry")

LISTEN_HOST = os.environ.get("TELEMETRY_BIND", "127.0.0.1")
LISTEN_PORT = 9400
HEADER = struct.Struct("!HI")  # robot id, payload length
MAX_FRAME = 256 * 1024
STALE_AFTER = 120


class FleetState:
    def __init__(self):
        self.last_seen = {}
        self.battery = defaultdict(lambda: deque(maxlen=50))
        self.faults = deque(maxlen=1000)

    def apply(self, robot_id, frame):
        now = time.time()
        self.last_seen[robot_id] = now
        self.battery[robot_id].append(float(frame.get("battery", 0.0)))
        for code in frame.get("faults", []):
            self.faults.append((robot_id, str(code), now))


STATE = FleetState()


def decode_frame(payload):
    return json.loads(payload.decode("utf-8"))


async def handle_robot(reader, writer):
    peer = writer.get_extra_info("peername")
    log.info("robot connection from %s", peer)
    try:
        while True:
            header = await reader.readexactly(HEADER.size)
            robot_id, length = HEADER.unpack(header)
            if length > MAX_FRAME:
                log.warning("oversized frame (%d bytes) from robot %d", length, robot_id)
                break
            payload = await reader.readexactly(length)
            try:
                frame = decode_frame(payload)
            except (UnicodeDecodeError, json.JSONDecodeError):
                log.warning("malformed frame from robot %d", robot_id)
                continue
            if not isinstance(frame, dict):
                continue
            STATE.apply(robot_id, frame)
            writer.write(b"\x06")
            await writer.drain()
    except (asyncio.IncompleteReadError, ValueError, TypeError):
        pass
    finally:
        writer.close()
        await writer.wait_closed()


async def report_stale(interval=30):
    while True:
        await asyncio.sleep(interval)
        cutoff = time.time() - STALE_AFTER
        stale = sorted(rid for rid, seen in STATE.last_seen.items() if seen < cutoff)
        if stale:
            log.warning("robots silent for more than %ds: %s", STALE_AFTER, stale)


async def main():
    server = await asyncio.start_server(handle_robot, LISTEN_HOST, LISTEN_PORT)
    log.info("telemetry collector listening on %s:%d", LISTEN_HOST, LISTEN_PORT)
    async with server:
        await asyncio.gather(server.serve_forever(), report_stale())


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    asyncio.run(main())
