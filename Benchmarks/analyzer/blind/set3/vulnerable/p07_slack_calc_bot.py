import os
import re

from slack_bolt import App
from slack_bolt.adapter.socket_mode import SocketModeHandler

app = App(token=os.environ["SLACK_BOT_TOKEN"])

CALC_RE = re.compile(r"^calc\s+(.+)$", re.IGNORECASE)


@app.message(CALC_RE)
def handle_calc(message, say, context):
    expr = context["matches"][0].strip()
    try:
        result = eval(expr, {"__builtins__": {}}, {})  # VULN flow
    except Exception as exc:
        say(f"Could not evaluate `{expr}`: {exc}")
        return
    say(f"`{expr}` = {result}")


@app.message(re.compile(r"^help$", re.IGNORECASE))
def handle_help(message, say):
    say("Try `calc 2 * (3 + 4)`")


if __name__ == "__main__":
    SocketModeHandler(app, os.environ["SLACK_APP_TOKEN"]).start()
