"""Device registration for the push service (Falcon).

Apps register with an owner password; each device gets a bearer token it
uses to poll for queued notifications.
"""
import hashlib
import json
import random
import sqlite3
import string
import time

import falcon

DB_PATH = "/var/lib/pushsvc/registry.db"
TOKEN_ALPHABET = string.ascii_letters + string.digits


def new_device_token(length: int = 40) -> str:
    return "".join(random.choice(TOKEN_ALPHABET) for _ in range(length))  # VULN


def hash_password(password: str) -> str:
    return hashlib.md5(password.encode("utf-8")).hexdigest()  # VULN


def retry_after(attempt: int) -> float:
    # jittered backoff hint returned to clients that poll too fast
    return min(60.0, 2 ** attempt) + random.uniform(0, 1)


class Registry:
    def __init__(self, path: str = DB_PATH):
        self.conn = sqlite3.connect(path, check_same_thread=False)

    def create_app(self, name: str, password: str) -> int:
        cur = self.conn.execute(
            "INSERT INTO apps (name, pw_hash, created_at) VALUES (?, ?, ?)",
            (name, hash_password(password), int(time.time())),
        )
        self.conn.commit()
        return cur.lastrowid

    def check_app(self, app_id: int, password: str) -> bool:
        row = self.conn.execute("SELECT pw_hash FROM apps WHERE id = ?", (app_id,)).fetchone()
        return row is not None and row[0] == hash_password(password)

    def add_device(self, app_id: int, platform: str) -> str:
        token = new_device_token()
        self.conn.execute(
            "INSERT INTO devices (app_id, platform, token) VALUES (?, ?, ?)",
            (app_id, platform, token),
        )
        self.conn.commit()
        return token


class AppsResource:
    def __init__(self, registry: Registry):
        self.registry = registry

    def on_post(self, req, resp):
        body = req.get_media()
        if len(body.get("password", "")) < 10:
            raise falcon.HTTPBadRequest(title="password too short")
        app_id = self.registry.create_app(body["name"], body["password"])
        resp.status = falcon.HTTP_201
        resp.media = {"app_id": app_id}


class DevicesResource:
    def __init__(self, registry: Registry):
        self.registry = registry

    def on_post(self, req, resp, app_id: int):
        body = req.get_media()
        if not self.registry.check_app(app_id, body.get("password", "")):
            resp.set_header("Retry-After", f"{retry_after(body.get('attempt', 1)):.0f}")
            raise falcon.HTTPUnauthorized(title="bad app credentials")
        token = self.registry.add_device(app_id, body.get("platform", "android"))
        resp.status = falcon.HTTP_201
        resp.text = json.dumps({"device_token": token})


registry = Registry()
app = falcon.App()
app.add_route("/apps", AppsResource(registry))
app.add_route("/apps/{app_id:int}/devices", DevicesResource(registry))
