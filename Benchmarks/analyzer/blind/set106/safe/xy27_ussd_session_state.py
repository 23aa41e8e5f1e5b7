"""USSD menu backend (*123# balance / bundles menu).

The USSD aggregator calls us once per user keypress. To stay stateless we
hand the menu state back to the aggregator in ``state`` and it echoes it
on the next hop of the same session.
"""
import base64
import hashlib
import hmac
import json
import logging
import os
from dataclasses import asdict, dataclass, field
from typing import List

from aiohttp import web

log = logging.getLogger("ussd.menu")
STATE_KEY = os.environ["USSD_STATE_KEY"].encode()

MENU = {
    "root": ("1 Balance\n2 Buy bundle\n3 My number", {"1": "balance", "2": "bundles", "3": "number"}),
    "bundles": ("1 1GB/7d 5.00\n2 5GB/30d 15.00\n0 Back", {"1": "buy_1g", "2": "buy_5g", "0": "root"}),
}


@dataclass
class MenuState:
    msisdn: str
    screen: str = "root"
    path: List[str] = field(default_factory=list)


def pack_state(state: MenuState) -> str:
    payload = json.dumps(asdict(state), separators=(",", ":")).encode()
    sig = hmac.new(STATE_KEY, payload, hashlib.sha256).digest()
    return base64.urlsafe_b64encode(sig + payload).decode()


def unpack_state(blob: str, msisdn: str) -> MenuState:
    if not blob:
        return MenuState(msisdn=msisdn)
    data = base64.urlsafe_b64decode(blob.encode())
    sig, payload = data[:32], data[32:]
    if not hmac.compare_digest(sig, hmac.new(STATE_KEY, payload, hashlib.sha256).digest()):
        return MenuState(msisdn=msisdn)
    state = MenuState(**json.loads(payload))
    if state.msisdn != msisdn or state.screen not in MENU:
        return MenuState(msisdn=msisdn)
    return state


def step(state: MenuState, user_input: str):
    prompt, choices = MENU.get(state.screen, MENU["root"])
    target = choices.get(user_input.strip())
    if target is None:
        return prompt, False
    state.path.append(user_input.strip())
    if target in MENU:
        state.screen = target
        return MENU[target][0], False
    if target == "balance":
        return "Your balance is 12.40. Thank you.", True
    if target == "number":
        return f"Your number is {state.msisdn}", True
    return "Your bundle request was received. You will get an SMS shortly.", True


async def ussd_hop(request: web.Request) -> web.Response:
    form = await request.post()
    msisdn = form.get("msisdn", "")
    state = unpack_state(form.get("state", ""), msisdn)
    text, final = step(state, form.get("input", ""))
    log.debug("ussd hop session=%r screen=%s final=%s", form.get("sessionId"), state.screen, final)
    return web.json_response({
        "text": text,
        "action": "end" if final else "continue",
        "state": "" if final else pack_state(state),
    })


app = web.Application()
app.router.add_post("/ussd/hop", ussd_hop)

if __name__ == "__main__":
    web.run_app(app, host="127.0.0.1", port=8095)
