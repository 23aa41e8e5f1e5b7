"""Password-reset and e-mail verification tokens for the adoption portal."""
import logging
import random
import string
from datetime import datetime, timedelta, timezone

from sqlalchemy import Column, DateTime, Integer, String, create_engine, select
from sqlalchemy.orm import Session, declarative_base

log = logging.getLogger("portal.tokens")
Base = declarative_base()

TOKEN_ALPHABET = string.ascii_letters + string.digits
RESET_TTL = timedelta(hours=1)


class ResetToken(Base):
    __tablename__ = "reset_tokens"
    id = Column(Integer, primary_key=True)
    adopter_id = Column(Integer, nullable=False, index=True)
    token = Column(String(64), unique=True, nullable=False)
    purpose = Column(String(16), nullable=False)
    expires_at = Column(DateTime(timezone=True), nullable=False)


def generate_token(length: int = 40) -> str:
    return "".join(random.choice(TOKEN_ALPHABET) for _ in range(length))  # VULN


def verification_code() -> str:
    return f"{random.randint(0, 999999):06d}"  # VULN


class TokenService:
    def __init__(self, session: Session):
        self.session = session

    def issue_reset(self, adopter_id: int) -> str:
        token = generate_token()
        self.session.add(ResetToken(
            adopter_id=adopter_id,
            token=token,
            purpose="reset",
            expires_at=datetime.now(timezone.utc) + RESET_TTL,
        ))
        self.session.commit()
        log.info("issued reset token for adopter %d", adopter_id)
        return token

    def issue_email_code(self, adopter_id: int) -> str:
        code = verification_code()
        self.session.add(ResetToken(
            adopter_id=adopter_id,
            token=code,
            purpose="verify",
            expires_at=datetime.now(timezone.utc) + timedelta(minutes=15),
        ))
        self.session.commit()
        return code

    def redeem(self, token: str, purpose: str = "reset"):
        row = self.session.scalars(
            select(ResetToken).where(ResetToken.token == token, ResetToken.purpose == purpose)
        ).first()
        if row is None or row.expires_at < datetime.now(timezone.utc):
            return None
        adopter_id = row.adopter_id
        self.session.delete(row)
        self.session.commit()
        return adopter_id


if __name__ == "__main__":
    engine = create_engine("sqlite:///portal.db")
    Base.metadata.create_all(engine)
    with Session(engine) as s:
        print(TokenService(s).issue_reset(1))
