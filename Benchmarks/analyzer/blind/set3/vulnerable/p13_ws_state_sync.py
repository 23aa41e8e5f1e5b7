import asyncio
import logging

import jsonpickle
import websockets

log = logging.getLogger("sync")
BOARDS = {}


async def handler(websocket):
    async for message in websocket:
        event = jsonpickle.decode(message)  # VULN flow
        board = BOARDS.setdefault(event.board_id, [])
        board.append(event)
        log.info("board %s now has %d events", event.board_id, len(board))
        await websocket.send(jsonpickle.encode({"ok": True, "count": len(board)}))


async def main():
    async with websockets.serve(handler, "127.0.0.1", 8765):
        await asyncio.Future()


if __name__ == "__main__":
    asyncio.run(main())
