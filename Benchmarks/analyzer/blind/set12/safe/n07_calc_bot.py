"""Team chat bot (Telegram long-polling) with a few utility commands."""
import ast
import logging
import math
import operator
import os
import time

import requests

log = logging.getLogger("chatbot")

API_BASE = "https://api.telegram.org/bot{token}/{method}"
BOT_TOKEN = os.environ.get("TELEGRAM_BOT_TOKEN", "")
MATH_NAMES = {name: getattr(math, name) for name in ("sqrt", "sin", "cos", "log", "pi", "e")}
BIN_OPS = {ast.Add: operator.add, ast.Sub: operator.sub, ast.Mult: operator.mul,
           ast.Div: operator.truediv, ast.Mod: operator.mod}
UNARY_OPS = {ast.UAdd: operator.pos, ast.USub: operator.neg}


class TelegramClient:
    def __init__(self, token):
        self.token = token
        self.http = requests.Session()

    def call(self, method, **params):
        url = API_BASE.format(token=self.token, method=method)
        resp = self.http.post(url, json=params, timeout=35)
        resp.raise_for_status()
        return resp.json().get("result")

    def send(self, chat_id, text):
        return self.call("sendMessage", chat_id=chat_id, text=text[:4000])


class CommandRouter:
    def __init__(self):
        self.handlers = {}

    def command(self, name):
        def register(fn):
            self.handlers[name] = fn
            return fn
        return register

    def dispatch(self, text):
        name, _, arg = text.partition(" ")
        handler = self.handlers.get(name.lstrip("/").split("@")[0])
        if handler is None:
            return "Unknown command. Try /help"
        return handler(arg.strip())


router = CommandRouter()


def evaluate(node):
    if isinstance(node, ast.Expression):
        return evaluate(node.body)
    if isinstance(node, ast.Constant) and isinstance(node.value, (int, float)):
        return node.value
    if isinstance(node, ast.BinOp) and type(node.op) in BIN_OPS:
        return BIN_OPS[type(node.op)](evaluate(node.left), evaluate(node.right))
    if isinstance(node, ast.UnaryOp) and type(node.op) in UNARY_OPS:
        return UNARY_OPS[type(node.op)](evaluate(node.operand))
    if isinstance(node, ast.Name) and node.id in MATH_NAMES and not callable(MATH_NAMES[node.id]):
        return MATH_NAMES[node.id]
    if (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)
            and callable(MATH_NAMES.get(node.func.id)) and len(node.args) == 1 and not node.keywords):
        return MATH_NAMES[node.func.id](evaluate(node.args[0]))
    raise ValueError("unsupported expression")


@router.command("help")
def help_cmd(_arg):
    return "/calc <expr> - evaluate maths\n/uptime - bot uptime"


@router.command("uptime")
def uptime_cmd(_arg):
    return f"up {int(time.monotonic())}s"


@router.command("calc")
def calc_cmd(expression):
    if not expression or len(expression) > 200:
        return "usage: /calc 2*(3+4)"
    try:
        result = evaluate(ast.parse(expression, mode="eval"))
    except (SyntaxError, ValueError, ArithmeticError) as exc:
        return f"error: {exc}"
    return f"{expression} = {result}"


def poll_forever(client):
    offset = None
    while True:
        updates = client.call("getUpdates", offset=offset, timeout=30) or []
        for update in updates:
            offset = update["update_id"] + 1
            message = update.get("message") or {}
            text = message.get("text", "")
            if text.startswith("/"):
                reply = router.dispatch(text)
                client.send(message["chat"]["id"], reply)


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    poll_forever(TelegramClient(BOT_TOKEN))
