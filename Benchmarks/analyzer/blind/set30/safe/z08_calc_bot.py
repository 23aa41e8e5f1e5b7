"""Slack slash-command bot that evaluates quick arithmetic for the finance channel."""
import ast
import logging
import math
import operator
import os

from slack_bolt import App
from slack_bolt.adapter.socket_mode import SocketModeHandler

log = logging.getLogger("calcbot")

app = App(token=os.environ["SLACK_BOT_TOKEN"], signing_secret=os.environ["SLACK_SIGNING_SECRET"])

CONSTANTS = {"pi": math.pi, "e": math.e, "vat": 0.2}
MAX_EXPRESSION = 200
BINARY_OPS = {
    ast.Add: operator.add,
    ast.Sub: operator.sub,
    ast.Mult: operator.mul,
    ast.Div: operator.truediv,
    ast.FloorDiv: operator.floordiv,
    ast.Mod: operator.mod,
}
UNARY_OPS = {ast.UAdd: operator.pos, ast.USub: operator.neg}


def normalise(expression):
    return expression.replace("×", "*").replace("÷", "/").replace(",", "").strip()


def _eval_node(node):
    if isinstance(node, ast.Expression):
        return _eval_node(node.body)
    if isinstance(node, ast.Constant) and type(node.value) in (int, float):
        return node.value
    if isinstance(node, ast.Name) and node.id in CONSTANTS:
        return CONSTANTS[node.id]
    if isinstance(node, ast.BinOp) and type(node.op) in BINARY_OPS:
        return BINARY_OPS[type(node.op)](_eval_node(node.left), _eval_node(node.right))
    if isinstance(node, ast.UnaryOp) and type(node.op) in UNARY_OPS:
        return UNARY_OPS[type(node.op)](_eval_node(node.operand))
    raise ValueError("unsupported expression")


def evaluate(expression):
    expression = normalise(expression)
    if len(expression) > MAX_EXPRESSION:
        raise ValueError("expression too long")
    return _eval_node(ast.parse(expression, mode="eval"))


def format_result(value):
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return f"{value:,.4f}".rstrip("0").rstrip(".") if isinstance(value, float) else f"{value:,}"


@app.command("/calc")
def calc(ack, respond, command):
    ack()
    expression = command.get("text", "")
    if not expression.strip():
        respond("Usage: `/calc <expression>`, e.g. `/calc 1200 * (1 + vat)`")
        return
    log.info("calc from %r: %r", command.get("user_id"), expression)
    try:
        result = evaluate(expression)
    except ZeroDivisionError:
        respond("Division by zero.")
        return
    except Exception:
        respond("Sorry, I could not evaluate that expression.")
        return
    if not isinstance(result, (int, float)):
        respond("That expression did not produce a number.")
        return
    respond(f"`{expression.strip()}` = *{format_result(result)}*")


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    SocketModeHandler(app, os.environ["SLACK_APP_TOKEN"]).start()
