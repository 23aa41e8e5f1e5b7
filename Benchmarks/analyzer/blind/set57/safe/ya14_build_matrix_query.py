"""Small Bottle API over the build matrix definition (matrix.xml).

matrix.xml lists every build target with the platforms it is built on and
the runner pool / signing profile used for each platform.
"""
import logging
import os
import threading

from bottle import Bottle, abort, request, response
from lxml import etree

log = logging.getLogger("matrix")
app = Bottle()

MATRIX_PATH = os.environ.get("BUILD_MATRIX", "/etc/ci/matrix.xml")


class Matrix:
    def __init__(self, path: str) -> None:
        self.path = path
        self._tree = None
        self._mtime = 0.0
        self._lock = threading.Lock()

    def tree(self):
        mtime = os.path.getmtime(self.path)
        with self._lock:
            if self._tree is None or mtime != self._mtime:
                self._tree = etree.parse(self.path)
                self._mtime = mtime
            return self._tree

    def platforms_for(self, target: str, arch: str = ""):
        expr = "/matrix/target[@name=$target]/platform"
        if arch:
            expr += "[@arch=$arch]"
        nodes = self.tree().xpath(expr, target=target, arch=arch)
        return [
            {"os": n.get("os"), "arch": n.get("arch"), "pool": n.findtext("runner-pool")}
            for n in nodes
        ]

    def targets(self):
        return [t.get("name") for t in self.tree().xpath("/matrix/target")]


matrix = Matrix(MATRIX_PATH)


@app.get("/api/matrix/targets")
def list_targets():
    return {"targets": matrix.targets()}


@app.get("/api/matrix/targets/<target>/platforms")
def target_platforms(target):
    arch = request.query.get("arch", "")
    platforms = matrix.platforms_for(target, arch)
    if not platforms:
        abort(404, "unknown target or architecture")
    response.set_header("Cache-Control", "max-age=60")
    return {"target": target, "platforms": platforms}


if __name__ == "__main__":
    app.run(host="127.0.0.1", port=8082)
