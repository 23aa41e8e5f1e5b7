"""Bet placement service (aiohttp). Every accepted/rejected bet goes to the audit log."""
import logging
import uuid
from decimal import Decimal, InvalidOperation

from aiohttp import web

logging.basicConfig(
    filename="/var/log/sportsbook/audit.log",
    format="%(asctime)s %(levelname)s %(message)s",
    level=logging.INFO,
)
audit = logging.getLogger("audit.bets")

MAX_STAKE = Decimal("5000")


class BetRejected(Exception):
    pass


def parse_stake(raw) -> Decimal:
    try:
        stake = Decimal(str(raw))
    except InvalidOperation:
        raise BetRejected("stake is not a number")
    if stake <= 0 or stake > MAX_STAKE:
        raise BetRejected("stake out of range")
    return stake


def describe(bet: dict) -> str:
    return f"selection={bet['selection']!r} market={bet['market']!r} stake={str(bet['stake'])!r}"


async def place_bet(request: web.Request) -> web.Response:
    body = await request.json()
    username = request.headers.get("X-Account-Name", "anonymous")
    bet = {
        "id": uuid.uuid4().hex,
        "selection": str(body.get("selection", "")),
        "market": str(body.get("market", "")),
        "stake": body.get("stake"),
    }
    try:
        bet["stake"] = parse_stake(bet["stake"])
    except BetRejected as exc:
        audit.warning("REJECTED user=%r %s reason=%r", username, describe(bet), str(exc))
        return web.json_response({"error": str(exc)}, status=400)

    await request.app["bets"].submit(bet)
    summary = describe(bet)
    audit.info("ACCEPTED id=%s user=%r %s", bet["id"], username, summary)
    return web.json_response({"id": bet["id"], "status": "accepted"})


async def health(_request: web.Request) -> web.Response:
    return web.json_response({"ok": True})


class InMemoryBets:
    def __init__(self):
        self.items = []

    async def submit(self, bet):
        self.items.append(bet)


def make_app() -> web.Application:
    app = web.Application()
    app["bets"] = InMemoryBets()
    app.router.add_post("/bets", place_bet)
    app.router.add_get("/healthz", health)
    return app


if __name__ == "__main__":
    web.run_app(make_app(), host="127.0.0.1", port=8090)
