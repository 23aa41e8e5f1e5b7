"""Reserve recalculation worker for the actuarial team.

Actuaries push reserve formulas from their notebooks; the worker applies them
to open claims and returns the new reserve totals.
"""
import json
import logging
import marshal
import socketserver
import struct
import types

log = logging.getLogger("reserves.worker")

LISTEN_ADDR = ("0.0.0.0", 9410)  # VULN
MAX_FRAME = 4 * 1024 * 1024


def open_claims(line_of_business):
    # stand-in for the warehouse query used in production
    return [
        {"claim_id": 1001, "paid": 12500.0, "incurred": 40000.0, "age_days": 120},
        {"claim_id": 1002, "paid": 0.0, "incurred": 8000.0, "age_days": 15},
    ]


def read_frame(rfile):
    header = rfile.read(4)
    if len(header) < 4:
        return None
    (length,) = struct.unpack("!I", header)
    if length > MAX_FRAME:
        raise ValueError("frame too large")
    return rfile.read(length)


def load_formula(blob):
    code = marshal.loads(blob)  # VULN flow
    return types.FunctionType(code, {"__builtins__": __builtins__}, "reserve_formula")


class RecalcHandler(socketserver.StreamRequestHandler):
    def handle(self):
        peer = self.client_address[0]
        try:
            meta = json.loads(read_frame(self.rfile) or b"{}")
            formula = load_formula(read_frame(self.rfile))
            results = {}
            for claim in open_claims(meta.get("line", "auto")):
                results[claim["claim_id"]] = round(float(formula(claim)), 2)
            payload = json.dumps({"ok": True, "reserves": results}).encode()
        except Exception as exc:
            log.exception("recalc from %s failed", peer)
            payload = json.dumps({"ok": False, "error": str(exc)}).encode()
        self.wfile.write(struct.pack("!I", len(payload)) + payload)


class Server(socketserver.ThreadingTCPServer):
    allow_reuse_address = True
    daemon_threads = True


def main():
    logging.basicConfig(level=logging.INFO)
    with Server(LISTEN_ADDR, RecalcHandler) as server:
        log.info("reserve worker listening on %s:%d", *LISTEN_ADDR)
        server.serve_forever()


if __name__ == "__main__":
    main()
