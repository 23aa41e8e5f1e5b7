"""Team chat bot: small snippet plugins that anyone in the workspace can define."""
import logging
import os
import re
from typing import Callable, Dict

from slack_bolt import App
from slack_bolt.adapter.socket_mode import SocketModeHandler

log = logging.getLogger("snippetbot")

SLACK_BOT_TOKEN = "xoxb-5521907312-6618823401-Qm2ZfLk8rT0aVxS9pWc4YbN1"  # VULN
SLACK_APP_TOKEN = os.environ.get("SLACK_APP_TOKEN", "")

DEFINE_RE = re.compile(r"^!define\s+(?P<name>[a-z][a-z0-9_]{1,30})\s+(?P<body>.+)$", re.S)
RUN_RE = re.compile(r"^!run\s+(?P<name>[a-z][a-z0-9_]{1,30})(?:\s+(?P<arg>.*))?$", re.S)


def _builtin_echo(arg: str) -> str:
    return arg


def _builtin_shout(arg: str) -> str:
    return arg.upper() + "!"


class PluginRegistry:
    def __init__(self) -> None:
        self.builtins: Dict[str, Callable[[str], str]] = {
            "echo": _builtin_echo,
            "shout": _builtin_shout,
        }
        self.snippets: Dict[str, str] = {}

    def define(self, name: str, body: str, author: str) -> str:
        if name in self.builtins:
            return f"`{name}` is a built-in plugin"
        self.snippets[name] = body
        log.info("snippet %r defined by %r", name, author)
        return f"defined `{name}`"

    def run(self, name: str, arg: str) -> str:
        if name in self.builtins:
            return self.builtins[name](arg)
        body = self.snippets.get(name)
        if body is None:
            return f"no plugin called `{name}`"
        scope = {"arg": arg, "result": ""}
        exec(body, {"__builtins__": __builtins__}, scope)  # VULN flow
        return str(scope.get("result", ""))


registry = PluginRegistry()
app = App(token=SLACK_BOT_TOKEN)


@app.message(re.compile(r"^!(define|run)\b"))
def on_command(message, say):
    text = message.get("text", "").strip()
    user = message.get("user", "?")
    if m := DEFINE_RE.match(text):
        say(registry.define(m["name"], m["body"], user))
    elif m := RUN_RE.match(text):
        try:
            say(registry.run(m["name"], m["arg"] or ""))
        except Exception as exc:
            log.warning("plugin %r failed: %r", m["name"], exc)
            say(f"plugin `{m['name']}` failed")
    else:
        say("usage: `!define name body` or `!run name [arg]`")


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    SocketModeHandler(app, SLACK_APP_TOKEN).start()
