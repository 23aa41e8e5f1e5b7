import hashlib
import hmac
import os

import psycopg2

conn = psycopg2.connect(host="db.internal", dbname="accounts", user="svc_accounts",
                        password=os.environ["ACCOUNTS_DB_PASSWORD"])

PBKDF2_ROUNDS = 600_000


def hash_password(password, salt=None):
    salt = salt or os.urandom(16)
    dk = hashlib.pbkdf2_hmac("sha256", password.encode("utf-8"), salt, PBKDF2_ROUNDS)
    return f"pbkdf2_sha256${PBKDF2_ROUNDS}${salt.hex()}${dk.hex()}"


def check_password(password, stored):
    _, rounds, salt_hex, dk_hex = stored.split("$")
    dk = hashlib.pbkdf2_hmac("sha256", password.encode("utf-8"), bytes.fromhex(salt_hex), int(rounds))
    return hmac.compare_digest(dk.hex(), dk_hex)


def avatar_url(email):
    # Gravatar addresses avatars by the MD5 of the email; not a security use
    digest = hashlib.md5(email.strip().lower().encode(), usedforsecurity=False).hexdigest()
    return f"https://www.gravatar.com/avatar/{digest}?d=identicon"


def create_user(email, password, display_name):
    with conn, conn.cursor() as cur:
        cur.execute(
            "INSERT INTO users (email, password_hash, display_name) VALUES (%s, %s, %s) RETURNING id",
            (email.lower(), hash_password(password), display_name),
        )
        return cur.fetchone()[0]


def verify_login(email, password):
    with conn.cursor() as cur:
        cur.execute("SELECT id, password_hash FROM users WHERE email = %s", (email.lower(),))
        row = cur.fetchone()
    if row is None:
        return None
    return row[0] if check_password(password, row[1]) else None
