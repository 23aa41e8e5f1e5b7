"""Line-based diagnostics service for the lab's instrument controllers."""
import asyncio
import logging
import re
import time
from asyncio.subprocess import PIPE, STDOUT

log = logging.getLogger("diagnostics")
STARTED = time.monotonic()
TARGET_PATTERN = re.compile(r"^[A-Za-z0-9][A-Za-z0-9.-]{0,252}$")


class DiagnosticsServer:
    def __init__(self, port=9400):
        self.port = port
        self.handlers = {
            "PING": self.ping,
            "TRACE": self.trace,
            "UPTIME": self.uptime,
            "HELP": self.help,
        }

    async def _run(self, proc, timeout):
        try:
            out, _ = await asyncio.wait_for(proc.communicate(), timeout=timeout)
        except asyncio.TimeoutError:
            proc.kill()
            return "ERR timed out"
        return out.decode(errors="replace").rstrip()

    async def ping(self, args):
        target = args[0] if args else "127.0.0.1"
        if not TARGET_PATTERN.match(target):
            return "ERR invalid target"
        proc = await asyncio.create_subprocess_exec("ping", "-c", "3", "-W", "2", target, stdout=PIPE, stderr=STDOUT)
        return await self._run(proc, 15)

    async def trace(self, args):
        proc = await asyncio.create_subprocess_exec("ip", "-brief", "addr", stdout=PIPE, stderr=STDOUT)
        return await self._run(proc, 5)

    async def uptime(self, args):
        return f"OK {int(time.monotonic() - STARTED)}s"

    async def help(self, args):
        return "OK commands: " + " ".join(sorted(self.handlers))

    async def handle(self, reader, writer):
        peer = writer.get_extra_info("peername")
        log.info("client connected from %r", peer)
        try:
            while line := await reader.readline():
                parts = line.decode(errors="replace").strip().split()
                if not parts:
                    continue
                command, args = parts[0].upper(), parts[1:]
                handler = self.handlers.get(command)
                reply = await handler(args) if handler else "ERR unknown command"
                writer.write(reply.encode() + b"\n.\n")
                await writer.drain()
        finally:
            writer.close()
            await writer.wait_closed()

    async def serve(self):
        server = await asyncio.start_server(self.handle, "127.0.0.1", self.port)
        async with server:
            await server.serve_forever()


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    asyncio.run(DiagnosticsServer().serve())
