"""Slack slash-command bot that evaluates quick arithmetic for the finance channel."""
import logging
import math
import os

from slack_bolt import App
from slack_bolt.adapter.socket_mode import SocketModeHandler

log = logging.getLogger("calcbot")

app = App(token=os.environ["SLACK_BOT_TOKEN"], signing_secret=os.environ["SLACK_SIGNING_SECRET"])

CONSTANTS = {"pi": math.pi, "e": math.e, "vat": 0.2}
MAX_EXPRESSION = 200


def normalise(expression):
    return (
        expression.replace("×", "*")
        .replace("÷", "/")
        .replace("^", "**")
        .replace(",", "")
        .strip()
    )


def evaluate(expression):
    expression = normalise(expression)
    if len(expression) > MAX_EXPRESSION:
        raise ValueError("expression too long")
    return eval(expression, {"__builtins__": {}}, dict(CONSTANTS))  # VULN flow


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
