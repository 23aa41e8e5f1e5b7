"""Chat-command worker for game servers.

Servers push chat commands (anything starting with ``/``) onto a Redis list;
this worker handles them and publishes the reply back to the server channel.
Supported: ``/roll 2d6+3``, ``/roll d20``, ``/coin``.
"""
import json
import logging
import os
import random
import re

import redis

log = logging.getLogger("chatbot")
QUEUE = "arena:chat:commands"
DICE_RE = re.compile(r"^\s*(\d*)d(\d+)\s*(?:([+-])\s*(\d{1,4}))?\s*$")
MAX_DICE = 100
MAX_SIDES = 1000


class CommandError(Exception):
    pass


def roll_dice(count: int, sides: int):
    if not 1 <= count <= MAX_DICE or not 2 <= sides <= MAX_SIDES:
        raise CommandError("that's too many dice")
    return [random.randint(1, sides) for _ in range(count)]


def evaluate_roll(spec: str):
    match = DICE_RE.match(spec.strip().lower())
    if match is None:
        raise CommandError("usage: /roll NdM[+K]")
    count_s, sides_s, sign, modifier = match.groups()
    if len(count_s) > 3 or len(sides_s) > 4:
        raise CommandError("that's too many dice")
    rolls = roll_dice(int(count_s or 1), int(sides_s))
    total = sum(rolls)
    if modifier:
        total = total + int(modifier) if sign == "+" else total - int(modifier)
    return int(total), rolls


def handle(command: dict) -> str:
    text = command.get("text", "")
    name, _, args = text[1:].partition(" ")
    player = command.get("player", "someone")
    if name == "roll":
        total, rolls = evaluate_roll(args or "d20")
        return f"{player} rolled {total} ({', '.join(map(str, rolls[:20]))})"
    if name == "coin":
        return f"{player} flipped {random.choice(['heads', 'tails'])}"
    raise CommandError(f"unknown command /{name}")


def main() -> None:
    logging.basicConfig(level=logging.INFO)
    r = redis.Redis.from_url(os.environ.get("REDIS_URL", "redis://localhost:6379/0"))
    log.info("chat worker listening on %s", QUEUE)
    while True:
        item = r.blpop(QUEUE, timeout=30)
        if item is None:
            continue
        try:
            command = json.loads(item[1])
        except ValueError:
            log.warning("dropping malformed command")
            continue
        try:
            reply = handle(command)
        except CommandError as exc:
            reply = str(exc)
        r.publish(f"arena:chat:reply:{command.get('server', 'default')}", reply)


if __name__ == "__main__":
    main()
