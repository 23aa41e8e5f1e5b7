"""Team chat bot: small snippet plugins that anyone in the workspace can define."""
import logging
import os
import re
from typing import Callable, Dict, Tuple

from slack_bolt import App
from slack_bolt.adapter.socket_mode import SocketModeHandler

log = logging.getLogger("snippetbot")

SLACK_BOT_TOKEN = os.environ["SLACK_BOT_TOKEN"]
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
        self.snippets: Dict[str, Tuple[str, str]] = {}

    def define(self, name: str, body: str, author: str) -> str:
        if name in self.builtins:
            return f"`{name}` is a built-in plugin"
        target, _, prefix = body.partition(" ")
        if target not in self.builtins:
            return f"snippets must wrap a built-in: {', '.join(sorted(self.builtins))}"
        self.snippets[name] = (target, prefix)
        log.info("snippet %r defined by %r", name, author)
        return f"defined `{name}`"

    def run(self, name: str, arg: str) -> str:
        if name in self.builtins:
            return self.builtins[name](arg)
        snippet = self.snippets.get(name)
        if snippet is None:
            return f"no plugin called `{name}`"
        target, prefix = snippet
        combined = f"{prefix} {arg}".strip()
        return str(self.builtins[target](combined))


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
