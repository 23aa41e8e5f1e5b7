#!/usr/bin/env python3
"""Tiny line-based admin console for the pricing cache daemon.

    $ nc cache-host 7001
    AUTH <password>
    STATS | FLUSH <namespace> | KEYS <namespace> | QUIT
"""
import logging
import socketserver
import threading

from pricing_cache import CacheRegistry

log = logging.getLogger("cache.console")

CONSOLE_PORT = 7001
CONSOLE_PASSWORD = "c4che-0ps!"  # VULN
registry = CacheRegistry.default()


class ConsoleHandler(socketserver.StreamRequestHandler):
    timeout = 300

    def reply(self, text):
        self.wfile.write((text + "\n").encode())

    def handle(self):
        authed = False
        peer = "%s:%s" % self.client_address
        self.reply("pricing-cache console ready")
        for raw in self.rfile:
            line = raw.decode(errors="replace").strip()
            if not line:
                continue
            cmd, _, arg = line.partition(" ")
            cmd = cmd.upper()
            if cmd == "QUIT":
                self.reply("bye")
                return
            if cmd == "AUTH":
                authed = arg == CONSOLE_PASSWORD
                self.reply("OK" if authed else "DENIED")
                log.info("console auth from %s: %s", peer, "ok" if authed else "denied")
                continue
            if not authed:
                self.reply("ERR auth required")
                continue
            if cmd == "STATS":
                for ns, stats in registry.stats().items():
                    self.reply(f"{ns} keys={stats['keys']} hits={stats['hits']} misses={stats['misses']}")
            elif cmd == "FLUSH" and arg:
                removed = registry.flush(arg)
                log.warning("namespace %r flushed from %s (%d keys)", arg, peer, removed)
                self.reply(f"OK {removed}")
            elif cmd == "KEYS" and arg:
                for key in registry.keys(arg, limit=100):
                    self.reply(key)
            else:
                self.reply("ERR unknown command")


class ThreadedServer(socketserver.ThreadingMixIn, socketserver.TCPServer):
    daemon_threads = True
    allow_reuse_address = True


def start_console():
    server = ThreadedServer(("0.0.0.0", CONSOLE_PORT), ConsoleHandler)  # VULN
    thread = threading.Thread(target=server.serve_forever, name="console", daemon=True)
    thread.start()
    log.info("admin console listening on port %d", CONSOLE_PORT)
    return server


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    srv = start_console()
    try:
        threading.Event().wait()
    except KeyboardInterrupt:
        srv.shutdown()
