import os
from flask import Flask, request

app = Flask(__name__)


class Store:
    root = "/srv/data"

    def path_for(self, name):
        return os.path.join(self.root, name)

    def read(self, name):
        with open(self.path_for(name)) as handle:  # expect: CWE-22
            return handle.read()


@app.route("/file")
def get_file():
    return Store().read(request.args["name"])
