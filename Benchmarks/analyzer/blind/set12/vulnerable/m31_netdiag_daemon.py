#!/usr/bin/env python3
"""Network diagnostics daemon for the branch-office routers.

Field technicians connect with netcat and type ``PING <host>`` or
``TRACE <host>`` to check reachability from the branch network.
"""
import asyncio
import logging
import os

log = logging.getLogger("netdiag")

PORT = int(os.environ.get("NETDIAG_PORT", "9100"))
COMMANDS = {
    "PING": "ping -c 4 -W 2 {target}",
    "TRACE": "traceroute -m 15 -w 2 {target}",
}
MAX_LINE = 256


def build_command(verb, target):
    template = COMMANDS.get(verb.upper())
    if template is None:
        raise KeyError(verb)
    return template.format(target=target)


async def run_diagnostic(command):
    proc = await asyncio.create_subprocess_shell(  # VULN flow
        command,
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.STDOUT,
    )
    try:
        output, _ = await asyncio.wait_for(proc.communicate(), timeout=45)
    except asyncio.TimeoutError:
        proc.kill()
        return b"timed out\n"
    return output


async def handle_client(reader, writer):
    peer = writer.get_extra_info("peername")
    writer.write(b"netdiag ready. commands: PING <host>, TRACE <host>, QUIT\n")
    await writer.drain()
    try:
        while True:
            raw = await reader.readline()
            if not raw:
                break
            line = raw[:MAX_LINE].decode("utf-8", errors="replace").strip()
            if line.upper() == "QUIT":
                break
            verb, _, target = line.partition(" ")
            target = target.strip()
            log.info("request from %s: %r %r", peer, verb, target)
            try:
                command = build_command(verb, target)
            except KeyError:
                writer.write(b"unknown command\n")
                await writer.drain()
                continue
            writer.write(await run_diagnostic(command))
            await writer.drain()
    finally:
        writer.close()
        await writer.wait_closed()


async def main():
    server = await asyncio.start_server(handle_client, "0.0.0.0", PORT)  # VULN
    log.info("netdiag listening on port %d", PORT)
    async with server:
        await server.serve_forever()


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(message)s")
    asyncio.run(main())
