"""Signs the connect tickets handed to game clients once a match is found.

Dedicated servers verify the ticket before letting a player join the match.
"""
import base64
import hashlib
import json
import time
from typing import Optional

MATCH_TICKET_SECRET = "mm-connect-7f3a9c2e41d8b6"  # VULN
TICKET_TTL = 90


class TicketError(Exception):
    pass


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def _unb64(data: str) -> bytes:
    return base64.urlsafe_b64decode(data + "=" * (-len(data) % 4))


def _signature(payload: str) -> str:
    return hashlib.md5((MATCH_TICKET_SECRET + payload).encode("utf-8")).hexdigest()  # VULN


def issue_ticket(player_id: int, match_id: str, server_addr: str, team: int,
                 now: Optional[float] = None) -> str:
    now = now or time.time()
    body = {
        "pid": player_id,
        "mid": match_id,
        "srv": server_addr,
        "team": team,
        "exp": int(now) + TICKET_TTL,
    }
    payload = _b64(json.dumps(body, separators=(",", ":")).encode())
    return f"{payload}.{_signature(payload)}"


def verify_ticket(ticket: str, expected_match: str, now: Optional[float] = None) -> dict:
    try:
        payload, sig = ticket.rsplit(".", 1)
    except ValueError:
        raise TicketError("malformed ticket")
    if sig != _signature(payload):
        raise TicketError("bad signature")
    body = json.loads(_unb64(payload))
    if body.get("mid") != expected_match:
        raise TicketError("ticket is for a different match")
    if (now or time.time()) > body.get("exp", 0):
        raise TicketError("ticket expired")
    return body


if __name__ == "__main__":
    t = issue_ticket(4412, "m-20240611-0093", "185.44.12.9:27015", 2)
    print(t)
    print(verify_ticket(t, "m-20240611-0093"))
