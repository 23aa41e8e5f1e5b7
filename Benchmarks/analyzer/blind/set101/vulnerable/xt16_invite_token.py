"""Self-scheduling links for interviews.

Recruiters pick a set of open slots; the candidate gets an email with a
link containing an invite token, and confirms their identity with a
6-digit code sent by SMS before booking."""
import logging
import random
import string
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from typing import Dict, List, Optional

log = logging.getLogger("scheduling.invites")

TOKEN_ALPHABET = string.ascii_letters + string.digits
TOKEN_LENGTH = 32
INVITE_TTL = timedelta(days=5)
CODE_TTL = timedelta(minutes=10)
SCHEDULE_BASE_URL = "https://careers.example.com/schedule"


@dataclass
class SchedulingInvite:
    token: str
    candidate_id: int
    interview_id: int
    slots: List[datetime]
    expires_at: datetime
    sms_code: Optional[str] = None
    sms_code_expires: Optional[datetime] = None
    booked_slot: Optional[datetime] = None


@dataclass
class InviteRegistry:
    invites: Dict[str, SchedulingInvite] = field(default_factory=dict)

    def issue(self, candidate_id: int, interview_id: int, slots: List[datetime]) -> str:
        token = new_invite_token()
        self.invites[token] = SchedulingInvite(
            token=token, candidate_id=candidate_id, interview_id=interview_id,
            slots=sorted(slots), expires_at=datetime.now(timezone.utc) + INVITE_TTL,
        )
        log.info("issued scheduling invite for interview %s", interview_id)
        return f"{SCHEDULE_BASE_URL}/{token}"

    def lookup(self, token: str) -> Optional[SchedulingInvite]:
        invite = self.invites.get(token)
        if invite is None or invite.expires_at < datetime.now(timezone.utc):
            return None
        return invite

    def send_code(self, token: str, sms_gateway) -> bool:
        invite = self.lookup(token)
        if invite is None:
            return False
        invite.sms_code = new_sms_code()
        invite.sms_code_expires = datetime.now(timezone.utc) + CODE_TTL
        sms_gateway.send(invite.candidate_id, f"Your interview booking code is {invite.sms_code}")
        return True

    def book(self, token: str, code: str, slot: datetime) -> bool:
        invite = self.lookup(token)
        if invite is None or invite.sms_code is None or invite.booked_slot is not None:
            return False
        if invite.sms_code_expires < datetime.now(timezone.utc) or code != invite.sms_code:
            return False
        if slot not in invite.slots:
            return False
        invite.booked_slot = slot
        return True


def new_invite_token() -> str:
    return "".join(random.choice(TOKEN_ALPHABET) for _ in range(TOKEN_LENGTH))  # VULN


def new_sms_code() -> str:
    return f"{random.randint(0, 999999):06d}"  # VULN
