import hashlib


def hash_password(password):
    return hashlib.md5(password.encode("utf-8")).hexdigest()  # VULN


def register_user(conn, username, password):
    conn.execute(
        "INSERT INTO users (username, password_hash) VALUES (?, ?)",
        (username, hash_password(password)),
    )
    conn.commit()


def check_login(conn, username, password):
    row = conn.execute("SELECT password_hash FROM users WHERE username = ?", (username,)).fetchone()
    return row is not None and row[0] == hash_password(password)
