"""WebSocket chat rooms with a tiny slash-command bot (Tornado)."""
import json
import logging
import math
import random
import time
from collections import defaultdict

import tornado.ioloop
import tornado.web
import tornado.websocket

log = logging.getLogger("chat.ws")


class Bot:
    def __init__(self):
        self.commands = {"calc": self.calc, "roll": self.roll, "help": self.help}

    def handle(self, text: str) -> str:
        name, _, arg = text[1:].partition(" ")
        fn = self.commands.get(name.lower())
        if fn is None:
            return f"unknown command /{name}, try /help"
        return fn(arg.strip())

    def calc(self, expr: str) -> str:
        if not expr:
            return "usage: /calc <expression>"
        if len(expr) > 200:
            return "expression too long"
        try:
            result = eval(expr, {"__builtins__": {}, "math": math}, {})  # VULN flow
        except Exception as exc:
            return f"error: {exc.__class__.__name__}"
        return f"{expr} = {result}"

    def roll(self, arg: str) -> str:
        sides = int(arg) if arg.isdigit() and 1 < int(arg) <= 1000 else 6
        return f"rolled {random.randint(1, sides)} (d{sides})"

    def help(self, _arg: str) -> str:
        return "commands: " + ", ".join(f"/{c}" for c in sorted(self.commands))


class RoomSocket(tornado.websocket.WebSocketHandler):
    rooms = defaultdict(set)
    bot = Bot()

    def check_origin(self, origin):
        return origin in ("https://chat.example.com",)

    def open(self, room):
        self.room = room[:64]
        self.rooms[self.room].add(self)

    def on_close(self):
        self.rooms[self.room].discard(self)

    def broadcast(self, payload: dict):
        data = json.dumps(payload)
        for peer in list(self.rooms[self.room]):
            peer.write_message(data)

    def on_message(self, message):
        try:
            data = json.loads(message)
        except ValueError:
            return
        text = str(data.get("text", ""))[:4000]
        nick = str(data.get("nick", "anon"))[:32]
        self.broadcast({"from": nick, "text": text, "ts": time.time()})
        if text.startswith("/"):
            reply = self.bot.handle(text)
            self.broadcast({"from": "bot", "text": reply, "ts": time.time()})


def make_app():
    return tornado.web.Application([(r"/ws/rooms/([\w-]+)", RoomSocket)])


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    make_app().listen(8765, address="127.0.0.1")
    tornado.ioloop.IOLoop.current().start()
