"""TCP bridge exposing the thermal cycler's serial driver to lab workstations.

Protocol: one ASCII command per line, e.g. ``SETPOINT 95.0`` or ``RAMP 2.5``.
"""
import asyncio
import logging
import math
import os

log = logging.getLogger("cycler.bridge")

HOST = os.environ.get("CYCLER_HOST", "127.0.0.1")
PORT = int(os.environ.get("CYCLER_PORT", "5025"))
TEMP_LIMITS = (4.0, 105.0)


class ThermalCycler:
    """Thin wrapper around the instrument's serial protocol."""

    def __init__(self, device="/dev/ttyUSB0"):
        self.device = device
        self.setpoint = 25.0
        self.ramp_rate = 1.0

    def set_temperature(self, value):
        lo, hi = TEMP_LIMITS
        if not lo <= value <= hi:
            raise ValueError(f"setpoint {value} outside {lo}-{hi}")
        self.setpoint = value
        log.info("%s: setpoint -> %.2f", self.device, value)

    def set_ramp(self, rate):
        self.ramp_rate = max(0.1, min(float(rate), 5.0))

    def status(self):
        return f"SP={self.setpoint:.2f} RAMP={self.ramp_rate:.2f}"


CYCLER = ThermalCycler(os.environ.get("CYCLER_DEVICE", "/dev/ttyUSB0"))


def parse_value(arg):
    value = float(arg)
    if not math.isfinite(value):
        raise ValueError("value must be finite")
    return value


async def handle_client(reader, writer):
    peer = writer.get_extra_info("peername")
    log.info("client connected: %s", peer)
    try:
        while True:
            line = await reader.readline()
            if not line:
                break
            cmd, _, arg = line.decode("ascii", "replace").strip().partition(" ")
            try:
                if cmd == "SETPOINT":
                    CYCLER.set_temperature(parse_value(arg))
                    reply = "OK"
                elif cmd == "RAMP":
                    CYCLER.set_ramp(parse_value(arg))
                    reply = "OK"
                elif cmd == "STATUS?":
                    reply = CYCLER.status()
                else:
                    reply = "ERR unknown command"
            except ValueError as exc:
                reply = f"ERR {exc}"
            writer.write((reply + "\n").encode())
            await writer.drain()
    finally:
        writer.close()
        await writer.wait_closed()


async def main():
    server = await asyncio.start_server(handle_client, HOST, PORT)
    async with server:
        await server.serve_forever()


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    asyncio.run(main())
