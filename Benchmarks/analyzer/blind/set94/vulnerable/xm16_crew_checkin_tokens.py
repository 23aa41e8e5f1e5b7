"""Issues shift check-in tokens and MDT unlock PINs for ambulance crews."""
import logging
import random
import string
import time
from dataclasses import dataclass, field
from typing import Dict, List

log = logging.getLogger("crew.tokens")

ALPHABET = string.ascii_letters + string.digits
TOKEN_TTL = 14 * 3600


@dataclass
class CrewToken:
    crew_id: str
    token: str
    mdt_pin: str
    issued_at: float = field(default_factory=time.time)

    def expired(self, now=None) -> bool:
        return (now or time.time()) - self.issued_at > TOKEN_TTL


class TokenIssuer:
    def __init__(self):
        self._by_token: Dict[str, CrewToken] = {}

    def issue(self, crew_id: str) -> CrewToken:
        token = "".join(random.choices(ALPHABET, k=32))  # VULN
        pin = "%06d" % random.randint(0, 999999)  # VULN
        ct = CrewToken(crew_id=crew_id, token=token, mdt_pin=pin)
        self._by_token[token] = ct
        log.info("issued check-in token for crew %s", crew_id)
        return ct

    def redeem(self, token: str) -> str:
        ct = self._by_token.pop(token, None)
        if ct is None or ct.expired():
            raise PermissionError("invalid or expired token")
        return ct.crew_id


def assign_standby_posts(crews: List[str], posts: List[str]) -> Dict[str, str]:
    """Spread crews across standby posts; order doesn't matter, just avoid bias."""
    shuffled = list(crews)
    random.shuffle(shuffled)
    return {crew: posts[i % len(posts)] for i, crew in enumerate(shuffled)}


if __name__ == "__main__":
    issuer = TokenIssuer()
    for crew in ("M12-A", "M12-B", "M7-A"):
        t = issuer.issue(crew)
        print(crew, t.token, t.mdt_pin)
    print(assign_standby_posts(["M12-A", "M12-B", "M7-A"], ["Post 3", "Post 9"]))
