"""Slack slash-command bot providing a quick calculator for the finance channel."""
import logging
import math
import os

from slack_bolt import App
from slack_bolt.adapter.socket_mode import SocketModeHandler

logging.basicConfig(level=logging.INFO)
logger = logging.getLogger("calcbot")

app = App(
    token=os.environ["SLACK_BOT_TOKEN"],
    signing_secret=os.environ["SLACK_SIGNING_SECRET"],
)

SAFE_NAMES = {
    "abs": abs,
    "round": round,
    "min": min,
    "max": max,
    "pi": math.pi,
    "e": math.e,
    "sqrt": math.sqrt,
    "log": math.log,
}


def evaluate(expression: str):
    """Evaluate a calculator expression with a restricted namespace."""
    return eval(expression, {"__builtins__": {}}, SAFE_NAMES)  # VULN flow


def format_result(value) -> str:
    if isinstance(value, float):
        return f"{value:,.6g}"
    return f"{value:,}" if isinstance(value, int) else str(value)


@app.command("/calc")
def calc(ack, respond, command):
    ack()
    expr = command.get("text", "").strip()
    if not expr:
        respond("Usage: `/calc 1200 * 1.19`")
        return
    try:
        result = evaluate(expr)
    except ZeroDivisionError:
        respond("Division by zero :face_with_raised_eyebrow:")
        return
    except Exception:
        respond("Sorry, I couldn't evaluate that expression.")
        return
    respond(f"`{expr}` = *{format_result(result)}*")


if __name__ == "__main__":
    SocketModeHandler(app, os.environ["SLACK_APP_TOKEN"]).start()
