"""Tournament lobby chat moderation service (aiohttp)."""
import logging
import re
from dataclasses import dataclass, field
from typing import Dict, List

from aiohttp import web

log = logging.getLogger("chatmod")


@dataclass
class FilterRule:
    rule_id: int
    pattern: str
    action: str = "mask"


@dataclass
class LobbyFilters:
    rules: List[FilterRule] = field(default_factory=list)
    next_id: int = 1

    def add(self, term: str, action: str) -> FilterRule:
        # organisers supply plain words; they are matched literally on word boundaries
        pattern = r"\b" + re.escape(term.strip()[:64]) + r"\b"
        rule = FilterRule(self.next_id, pattern, action)
        self.rules.append(rule)
        self.next_id += 1
        return rule


LOBBIES: Dict[str, LobbyFilters] = {}


def apply_rules(filters: LobbyFilters, text: str):
    verdict = "allow"
    for rule in filters.rules:
        if re.search(rule.pattern, text, re.IGNORECASE):
            if rule.action == "block":
                return "block", text
            text = re.sub(rule.pattern, lambda m: "*" * len(m.group(0)), text, flags=re.IGNORECASE)
            verdict = "masked"
    return verdict, text


async def add_rule(request: web.Request) -> web.Response:
    lobby = request.match_info["lobby"]
    body = await request.json()
    action = body.get("action", "mask")
    if action not in ("mask", "block"):
        raise web.HTTPBadRequest(text="bad action")
    filters = LOBBIES.setdefault(lobby, LobbyFilters())
    rule = filters.add(body["pattern"], action)
    return web.json_response({"id": rule.rule_id})


async def check_message(request: web.Request) -> web.Response:
    lobby = request.match_info["lobby"]
    body = await request.json()
    filters = LOBBIES.get(lobby, LobbyFilters())
    verdict, text = apply_rules(filters, body.get("text", "")[:2000])
    return web.json_response({"verdict": verdict, "text": text})


def make_app() -> web.Application:
    app = web.Application()
    app.router.add_post("/lobbies/{lobby}/filters", add_rule)
    app.router.add_post("/lobbies/{lobby}/check", check_message)
    return app


if __name__ == "__main__":
    web.run_app(make_app(), host="127.0.0.1", port=8095)
