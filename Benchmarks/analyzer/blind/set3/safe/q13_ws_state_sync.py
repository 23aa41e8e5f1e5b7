import asyncio
import json
import logging

import websockets

log = logging.getLogger("sync")
BOARDS = {}


async def handler(websocket):
    async for message in websocket:
        try:
            event = json.loads(message)
            board_id = int(event["board_id"])
        except (ValueError, KeyError, TypeError):
            await websocket.send(json.dumps({"ok": False, "error": "bad event"}))
            continue
        board = BOARDS.setdefault(board_id, [])
        board.append({"kind": str(event.get("kind", "note")), "text": str(event.get("text", ""))})
        log.info("board %d now has %d events", board_id, len(board))
        await websocket.send(json.dumps({"ok": True, "count": len(board)}))


async def main():
    async with websockets.serve(handler, "127.0.0.1", 8765):
        await asyncio.Future()


if __name__ == "__main__":
    asyncio.run(main())
