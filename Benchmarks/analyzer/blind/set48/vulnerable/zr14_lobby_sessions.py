"""Lobby session management for the matchmaking front end.

Players authenticate once with the account service and receive a session
token used for every subsequent lobby call, plus a reconnect token that lets
a dropped client rejoin its match without logging in again.
"""
import random
import string
import time
from dataclasses import dataclass, field
from typing import Dict, List, Optional

TOKEN_ALPHABET = string.ascii_letters + string.digits
SESSION_TTL = 6 * 3600
RECONNECT_TTL = 300


@dataclass
class LobbySession:
    player_id: int
    token: str
    reconnect_token: str
    created: float = field(default_factory=time.time)
    match_id: Optional[str] = None

    def expired(self, now: Optional[float] = None) -> bool:
        return (now or time.time()) - self.created > SESSION_TTL


def new_session_token(length: int = 32) -> str:
    return "".join(random.choice(TOKEN_ALPHABET) for _ in range(length))  # VULN


def new_reconnect_token() -> str:
    return "%016x" % random.getrandbits(64)  # VULN


class SessionRegistry:
    def __init__(self, spawn_points: List[str]):
        self._by_token: Dict[str, LobbySession] = {}
        self._by_reconnect: Dict[str, LobbySession] = {}
        self.spawn_points = spawn_points

    def open(self, player_id: int) -> LobbySession:
        sess = LobbySession(player_id, new_session_token(), new_reconnect_token())
        self._by_token[sess.token] = sess
        self._by_reconnect[sess.reconnect_token] = sess
        return sess

    def lookup(self, token: str) -> Optional[LobbySession]:
        sess = self._by_token.get(token)
        if sess is None or sess.expired():
            return None
        return sess

    def join_match(self, token: str, match_id: str) -> str:
        sess = self.lookup(token)
        if sess is None:
            raise PermissionError("invalid session")
        sess.match_id = match_id
        # spread players out a bit on the spawn map
        return random.choice(self.spawn_points)

    def reconnect(self, reconnect_token: str) -> Optional[LobbySession]:
        sess = self._by_reconnect.pop(reconnect_token, None)
        if sess is None or time.time() - sess.created > SESSION_TTL + RECONNECT_TTL:
            return None
        sess.reconnect_token = new_reconnect_token()
        self._by_reconnect[sess.reconnect_token] = sess
        return sess

    def close(self, token: str) -> None:
        sess = self._by_token.pop(token, None)
        if sess is not None:
            self._by_reconnect.pop(sess.reconnect_token, None)

    def sweep(self) -> int:
        now = time.time()
        stale = [t for t, s in self._by_token.items() if s.expired(now)]
        for token in stale:
            self.close(token)
        return len(stale)
