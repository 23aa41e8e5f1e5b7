import secrets
from datetime import datetime, timedelta, timezone


def make_reset_token():
    return secrets.token_urlsafe(32)


def issue_password_reset(user, store):
    token = make_reset_token()
    expires = datetime.now(timezone.utc) + timedelta(hours=1)
    store.save(user_id=user.id, token=token, expires=expires)
    return token
