#!/usr/bin/env python3
"""Control daemon for the library self-checkout kiosks.

Staff tablets connect, PAIR with a kiosk to obtain a session token, then send
commands (UNLOCK_BIN, RESET, MESSAGE <text>) using that token.
"""
import logging
import os
import secrets
import socketserver
import threading
import time

LISTEN_ADDR = (os.environ.get("KIOSK_MGMT_ADDR", "127.0.0.1"), 9100)
SESSION_TTL = 15 * 60
STAFF_PAIRING_CODES = set(filter(None, os.environ.get("KIOSK_PAIRING_CODES", "").split(",")))

log = logging.getLogger("kiosk_ctl")


class SessionTable:
    def __init__(self):
        self._lock = threading.Lock()
        self._sessions = {}

    def issue(self, device: str) -> str:
        token = secrets.token_hex(16)
        with self._lock:
            self._sessions[token] = (device, time.time() + SESSION_TTL)
        return token

    def check(self, token: str):
        with self._lock:
            entry = self._sessions.get(token)
            if entry and entry[1] > time.time():
                return entry[0]
            self._sessions.pop(token, None)
        return None


SESSIONS = SessionTable()


class KioskHardware:
    def unlock_bin(self):
        log.info("returns bin unlocked")

    def reset(self):
        log.info("kiosk UI reset")

    def show_message(self, text: str):
        log.info("banner message set (%d chars)", len(text))


HARDWARE = KioskHardware()


class ControlHandler(socketserver.StreamRequestHandler):
    def reply(self, text: str):
        self.wfile.write((text + "\n").encode("utf-8"))

    def handle(self):
        for raw in self.rfile:
            parts = raw.decode("utf-8", "replace").strip().split(" ", 2)
            if not parts or not parts[0]:
                continue
            verb = parts[0].upper()
            if verb == "PAIR" and len(parts) >= 2:
                if parts[1] not in STAFF_PAIRING_CODES:
                    self.reply("ERR pairing refused")
                    continue
                self.reply("OK " + SESSIONS.issue(parts[1]))
                continue
            if len(parts) < 2 or SESSIONS.check(parts[1]) is None:
                self.reply("ERR not paired")
                continue
            if verb == "UNLOCK_BIN":
                HARDWARE.unlock_bin()
            elif verb == "RESET":
                HARDWARE.reset()
            elif verb == "MESSAGE" and len(parts) == 3:
                HARDWARE.show_message(parts[2][:140])
            else:
                self.reply("ERR unknown command")
                continue
            self.reply("OK")


class ThreadedServer(socketserver.ThreadingMixIn, socketserver.TCPServer):
    allow_reuse_address = True
    daemon_threads = True


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    with ThreadedServer(LISTEN_ADDR, ControlHandler) as server:
        log.info("kiosk control listening on %s:%d", *LISTEN_ADDR)
        server.serve_forever()
