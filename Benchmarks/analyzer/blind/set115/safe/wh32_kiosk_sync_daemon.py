#!/usr/bin/env python3
"""Rental kiosk sync daemon.

Self-service rental kiosks (helmets, skis, paddle boards at the marina)
push batches of checkout/return events to this daemon, which writes them
to the central rental database.
"""
import json
import logging
import os
import socketserver
import sqlite3
import struct
import threading

log = logging.getLogger("kiosk.sync")

DB_PATH = "/var/lib/rental/kiosk_events.db"
LISTEN = (os.environ.get("KIOSK_SYNC_BIND", "127.0.0.1"), 9400)
MAX_FRAME = 4 * 1024 * 1024

_db_lock = threading.Lock()


def read_frame(rfile) -> bytes:
    header = rfile.read(4)
    if len(header) < 4:
        raise EOFError("short header")
    (length,) = struct.unpack("!I", header)
    if length > MAX_FRAME:
        raise ValueError("frame too large")
    return rfile.read(length)


def store_events(kiosk_id: str, events: list) -> int:
    with _db_lock, sqlite3.connect(DB_PATH) as conn:
        conn.executemany(
            "INSERT INTO kiosk_events(kiosk_id, item_tag, action, at) VALUES (?, ?, ?, ?)",
            [(kiosk_id, e["item_tag"], e["action"], e["at"]) for e in events],
        )
    return len(events)


class KioskHandler(socketserver.StreamRequestHandler):
    def handle(self):
        peer = self.client_address[0]
        while True:
            try:
                payload = read_frame(self.rfile)
                batch = json.loads(payload)
                if not isinstance(batch, dict):
                    raise ValueError("batch must be an object")
            except EOFError:
                break
            except ValueError as exc:
                log.warning("dropping connection from %s: %r", peer, exc)
                break
            kiosk_id = str(batch.get("kiosk_id", peer))
            count = store_events(kiosk_id, batch.get("events", []))
            self.wfile.write(struct.pack("!I", count))
            log.info("stored %d events from kiosk at %s", count, peer)


class ThreadedServer(socketserver.ThreadingMixIn, socketserver.TCPServer):
    allow_reuse_address = True
    daemon_threads = True


def main():
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(name)s %(message)s")
    with ThreadedServer(LISTEN, KioskHandler) as server:
        log.info("kiosk sync listening on %s:%d", *LISTEN)
        server.serve_forever()


if __name__ == "__main__":
    main()
