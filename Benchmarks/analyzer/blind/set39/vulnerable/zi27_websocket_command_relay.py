import asyncio
import hmac
import json
import logging
import os

import websockets

logger = logging.getLogger("dock.diagnostics")

DIAG_TOKEN = os.environ["DIAG_WS_TOKEN"].encode()
TOOLS = {"ping": "ping -c 3 -W 2", "traceroute": "traceroute -m 12 -w 2"}


def _authorized(message):
    raw = message if isinstance(message, bytes) else str(message).encode()
    return hmac.compare_digest(raw, DIAG_TOKEN)


async def run_diagnostic(action, target):
    proc = await asyncio.create_subprocess_shell(  # VULN flow
        f"{TOOLS[action]} {target}",
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.STDOUT,
    )
    try:
        out, _ = await asyncio.wait_for(proc.communicate(), timeout=60)
    except asyncio.TimeoutError:
        proc.kill()
        return -1, "timed out"
    return proc.returncode, out.decode(errors="replace")


async def handler(websocket):
    if not _authorized(await websocket.recv()):
        await websocket.close(code=4401, reason="unauthorized")
        return
    async for raw in websocket:
        try:
            msg = json.loads(raw)
        except ValueError:
            await websocket.send(json.dumps({"error": "invalid json"}))
            continue
        action = msg.get("action")
        target = str(msg.get("target", "")).strip()
        if action not in TOOLS or not target:
            await websocket.send(json.dumps({"error": "unsupported request"}))
            continue
        logger.info("diagnostic action=%s target=%r", action, target)
        code, output = await run_diagnostic(action, target)
        await websocket.send(
            json.dumps({"action": action, "target": target, "exit_code": code, "output": output})
        )


async def main():
    async with websockets.serve(handler, "127.0.0.1", 8765, max_size=2 ** 16):
        await asyncio.Future()


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    asyncio.run(main())
