import random
import string
from datetime import datetime, timedelta

ALPHABET = string.ascii_letters + string.digits


def make_reset_token(length=32):
    return "".join(random.choice(ALPHABET) for _ in range(length))  # VULN


def issue_password_reset(user, store):
    token = make_reset_token()
    store.save(user_id=user.id, token=token, expires=datetime.utcnow() + timedelta(hours=1))
    return token
