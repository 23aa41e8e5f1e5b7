"""TCP bridge to an analytical balance on a serial port.

The LIMS workstation sends MT-SICS commands (e.g. "S", "SI", "Z") over TCP
and gets the balance response back. One bridge runs per weighing room PC.
"""
import logging
import os
import socketserver
import threading

import serial

SERIAL_PORT = "/dev/ttyUSB0"
BAUD = 9600
LISTEN = (os.environ.get("BRIDGE_BIND", "127.0.0.1"), 4001)
ALLOWED_COMMANDS = {"S", "SI", "SIR", "Z", "ZI", "T", "TA", "I2", "I4"}

log = logging.getLogger("balance.bridge")
logging.basicConfig(
    filename="/var/log/balance-bridge.log",
    level=logging.INFO,
    format="%(asctime)s %(levelname)s %(message)s",
)


class Balance:
    def __init__(self, port=SERIAL_PORT, baud=BAUD):
        self._ser = serial.Serial(port, baud, timeout=2)
        self._lock = threading.Lock()

    def command(self, cmd: str) -> str:
        with self._lock:
            self._ser.reset_input_buffer()
            self._ser.write((cmd + "\r\n").encode("ascii"))
            return self._ser.readline().decode("ascii", errors="replace").strip()


class BridgeHandler(socketserver.StreamRequestHandler):
    balance: Balance = None

    def handle(self):
        peer = "%s:%d" % self.client_address
        for raw in self.rfile:
            line = raw.decode("ascii", errors="replace").rstrip("\r\n")
            if not line:
                continue
            verb = line.split()[0].upper()
            if verb not in ALLOWED_COMMANDS:
                log.warning("rejected command from %s: %r", peer, line)
                self.wfile.write(b"ES\r\n")
                continue
            reply = self.balance.command(line)
            log.info("%s %s -> %r", peer, verb, reply)
            self.wfile.write((reply + "\r\n").encode("ascii"))


class ThreadedServer(socketserver.ThreadingMixIn, socketserver.TCPServer):
    allow_reuse_address = True
    daemon_threads = True


def main():
    BridgeHandler.balance = Balance()
    with ThreadedServer(LISTEN, BridgeHandler) as server:
        log.info("bridge listening on %s:%d", *LISTEN)
        server.serve_forever()


if __name__ == "__main__":
    main()
