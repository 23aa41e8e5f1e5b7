import ast
import operator
import os
import re

from slack_bolt import App

app = App(token=os.environ["SLACK_BOT_TOKEN"])

CALC_RE = re.compile(r"^calc\s+(.+)$", re.IGNORECASE)
BIN_OPS = {ast.Add: operator.add, ast.Sub: operator.sub, ast.Mult: operator.mul,
           ast.Div: operator.truediv, ast.Mod: operator.mod}
UNARY_OPS = {ast.USub: operator.neg, ast.UAdd: operator.pos}


def _eval(node):
    if isinstance(node, ast.Constant) and isinstance(node.value, (int, float)):
        return node.value
    if isinstance(node, ast.BinOp) and type(node.op) in BIN_OPS:
        return BIN_OPS[type(node.op)](_eval(node.left), _eval(node.right))
    if isinstance(node, ast.UnaryOp) and type(node.op) in UNARY_OPS:
        return UNARY_OPS[type(node.op)](_eval(node.operand))
    raise ValueError("unsupported expression")


@app.message(CALC_RE)
def handle_calc(message, say, context):
    expr = context["matches"][0].strip()
    if len(expr) > 200:
        say("Expression too long")
        return
    try:
        result = _eval(ast.parse(expr, mode="eval").body)
    except (SyntaxError, ValueError, ZeroDivisionError) as exc:
        say(f"Could not evaluate `{expr}`: {exc}")
        return
    say(f"`{expr}` = {result}")
