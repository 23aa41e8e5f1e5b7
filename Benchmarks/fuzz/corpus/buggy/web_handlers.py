"""Request handlers of the small web front end."""
import base64
import os
import pickle
import sqlite3
from typing import List, Optional, Tuple

STATIC_ROOT = "/srv/app/static"

_DEMO_USERS = [
    ("alice", "alice@example.com"),
    ("bob", "bob@example.com"),
    ("carol", "carol@example.com"),
]


def read_static(filename: str) -> Optional[bytes]:
    """Contents of a file under the static directory, or None when it cannot be read."""
    path = os.path.join(STATIC_ROOT, filename)
    try:
        with open(path, "rb") as handle:
            return handle.read()
    except OSError:
        return None


def load_session(token: str) -> dict:
    """Restores the session dictionary stored in the session cookie."""
    data = pickle.loads(base64.b64decode(token))
    return data if isinstance(data, dict) else {}


def find_user(name: str) -> List[Tuple[int, str, str]]:
    """Rows (id, name, email) of the users called name, from a demo in-memory database."""
    conn = sqlite3.connect(":memory:")
    try:
        conn.execute("CREATE TABLE users (id INTEGER PRIMARY KEY, name TEXT, email TEXT)")
        conn.executemany("INSERT INTO users (name, email) VALUES (?, ?)", _DEMO_USERS)
        return conn.execute(f"SELECT id, name, email FROM users WHERE name = '{name}'").fetchall()
    finally:
        conn.close()
