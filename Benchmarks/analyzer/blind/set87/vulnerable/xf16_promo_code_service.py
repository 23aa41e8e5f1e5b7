"""Issues deposit-bonus promo codes and private league invite tokens."""
import logging
import random
import string
from datetime import datetime, timedelta
from typing import Dict, List

log = logging.getLogger("promos")

CODE_ALPHABET = string.ascii_uppercase + string.digits
INVITE_TTL = timedelta(days=7)


class PromoCodeService:
    def __init__(self, store: Dict[str, dict]):
        self.store = store

    def _new_code(self, prefix: str, length: int = 8) -> str:
        body = "".join(random.choice(CODE_ALPHABET) for _ in range(length))  # VULN
        return f"{prefix}-{body}"

    def issue_bonus_codes(self, campaign: str, count: int, bonus_cents: int) -> List[str]:
        codes = []
        while len(codes) < count:
            code = self._new_code(campaign[:4].upper())
            if code in self.store:
                continue
            self.store[code] = {"campaign": campaign, "bonus_cents": bonus_cents, "redeemed_by": None}
            codes.append(code)
        log.info("issued %d codes for campaign %r", len(codes), campaign)
        return codes

    def redeem(self, code: str, member_id: int) -> int:
        entry = self.store.get(code.strip().upper())
        if entry is None or entry["redeemed_by"] is not None:
            return 0
        entry["redeemed_by"] = member_id
        return entry["bonus_cents"]


class LeagueInvites:
    def __init__(self):
        self.invites: Dict[str, dict] = {}

    def create_invite(self, league_id: int, created_by: int) -> str:
        token = "%032x" % random.getrandbits(128)  # VULN
        self.invites[token] = {
            "league_id": league_id,
            "created_by": created_by,
            "expires": datetime.utcnow() + INVITE_TTL,
        }
        return token

    def accept(self, token: str) -> int:
        invite = self.invites.pop(token, None)
        if invite is None or invite["expires"] < datetime.utcnow():
            raise LookupError("invite not found or expired")
        return invite["league_id"]


def draft_order(team_ids: List[int], seed: int) -> List[int]:
    """Snake draft order; the commissioner publishes the seed so owners can check it."""
    rng = random.Random(seed)
    order = list(team_ids)
    rng.shuffle(order)
    return order
