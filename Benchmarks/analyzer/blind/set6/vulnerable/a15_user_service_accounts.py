import hashlib
import os

import psycopg2

conn = psycopg2.connect(host="db.internal", dbname="accounts", user="svc_accounts", password="Wint3r!sC0ming#42")  # VULN


def hash_password(password):
    return hashlib.md5(password.encode("utf-8")).hexdigest()  # VULN


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
    user_id, stored = row
    return user_id if stored == hash_password(password) else None


if __name__ == "__main__":
    uid = create_user(os.environ.get("SEED_EMAIL", "admin@example.com"), input("password: "), "Admin")
    print("created user", uid)
