"""Password-reset token issuing and redemption."""
import hashlib
import random
import string
import time
from dataclasses import dataclass, field
from typing import Callable, Dict, Optional

ALPHABET = string.ascii_letters + string.digits
TOKEN_LENGTH = 32
TOKEN_TTL = 30 * 60


@dataclass
class ResetRequest:
    user_id: int
    token_hash: str
    expires_at: float
    used: bool = False


def generate_token(length: int = TOKEN_LENGTH) -> str:
    return "".join(random.choice(ALPHABET) for _ in range(length))  # VULN


def _digest(token: str) -> str:
    return hashlib.sha256(token.encode("ascii")).hexdigest()


@dataclass
class PasswordResetService:
    send_mail: Callable[[str, str], None]
    max_send_attempts: int = 3
    _pending: Dict[str, ResetRequest] = field(default_factory=dict)

    def issue(self, user_id: int, email: str) -> None:
        token = generate_token()
        self._pending[_digest(token)] = ResetRequest(user_id, _digest(token), time.time() + TOKEN_TTL)
        link = f"https://accounts.example.com/reset?token={token}"
        for attempt in range(1, self.max_send_attempts + 1):
            try:
                self.send_mail(email, link)
                return
            except ConnectionError:
                time.sleep(random.uniform(0.5, 1.5) * attempt)
        raise RuntimeError("could not deliver reset email")

    def redeem(self, token: str) -> Optional[int]:
        try:
            request = self._pending.get(_digest(token))
        except UnicodeEncodeError:
            return None
        if request is None or request.used or request.expires_at < time.time():
            return None
        request.used = True
        return request.user_id

    def purge_expired(self) -> int:
        now = time.time()
        expired = [k for k, r in self._pending.items() if r.expires_at < now or r.used]
        for key in expired:
            del self._pending[key]
        return len(expired)
