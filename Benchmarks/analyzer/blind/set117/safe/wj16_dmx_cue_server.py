"""Tiny line-protocol cue server that sits between the SM's GO button and DMX.

Protocol (one command per line):
    GO <cue>                 fire a stored cue
    LEVEL <channel> <expr>   set a channel, expr may reference `master`
    MASTER <0-255>           set the grand master
"""
import ast
import logging
import operator
import socketserver
import threading

log = logging.getLogger("cueserver")

LISTEN = ("127.0.0.1", 7788)

_OPS = {
    ast.Add: operator.add, ast.Sub: operator.sub,
    ast.Mult: operator.mul, ast.Div: operator.truediv,
}


class Rig:
    def __init__(self, channels: int = 512):
        self.levels = [0] * channels
        self.master = 255
        self.cues = {}
        self.lock = threading.Lock()

    def set_level(self, channel: int, value: float) -> None:
        with self.lock:
            self.levels[channel - 1] = max(0, min(255, int(value)))

    def fire(self, cue: str) -> None:
        for channel, value in self.cues.get(cue, {}).items():
            self.set_level(channel, value)


RIG = Rig()


def evaluate_level(expr: str, rig: Rig) -> float:
    scope = {"master": rig.master, "full": 255, "half": 127}

    def walk(node):
        if isinstance(node, ast.Expression):
            return walk(node.body)
        if isinstance(node, ast.Constant) and isinstance(node.value, (int, float)):
            return node.value
        if isinstance(node, ast.Name) and node.id in scope:
            return scope[node.id]
        if isinstance(node, ast.BinOp) and type(node.op) in _OPS:
            return _OPS[type(node.op)](walk(node.left), walk(node.right))
        raise ValueError("unsupported level expression")

    return float(walk(ast.parse(expr, mode="eval")))


class CueHandler(socketserver.StreamRequestHandler):
    def handle(self) -> None:
        peer = self.client_address[0]
        for raw in self.rfile:
            line = raw.decode("ascii", errors="replace").strip()
            if not line:
                continue
            verb, _, rest = line.partition(" ")
            try:
                reply = self.dispatch(verb.upper(), rest)
            except Exception as exc:  # keep the console alive whatever happens
                reply = f"ERR {exc}"
            log.debug("%s -> %r", peer, verb)
            self.wfile.write((reply + "\n").encode())

    def dispatch(self, verb: str, rest: str) -> str:
        if verb == "GO":
            RIG.fire(rest.strip())
            return "OK"
        if verb == "LEVEL":
            channel, expr = rest.split(" ", 1)
            RIG.set_level(int(channel), evaluate_level(expr, RIG))
            return "OK"
        if verb == "MASTER":
            RIG.master = max(0, min(255, int(rest)))
            return "OK"
        return "ERR unknown verb"


class CueServer(socketserver.ThreadingTCPServer):
    allow_reuse_address = True
    daemon_threads = True


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    with CueServer(LISTEN, CueHandler) as srv:
        log.info("cue server listening on %s:%d", *LISTEN)
        srv.serve_forever()
