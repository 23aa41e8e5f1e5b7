"""Coordinator endpoint that collects cell results pushed by notebook workers."""
import hashlib
import json
import os
import time

from flask import Flask, abort, jsonify, request

app = Flask(__name__)

MAGIC = b"NBR1"
MAX_RESULT_BYTES = 4 * 1024 * 1024
RESULTS = {}


def encode_result(value):
    return MAGIC + json.dumps(value).encode("utf-8")


def decode_result(blob):
    if len(blob) > MAX_RESULT_BYTES or not blob.startswith(MAGIC):
        raise ValueError("not a notebook result")
    payload = blob[len(MAGIC):]
    return json.loads(payload.decode("utf-8"))


class ResultStore:
    def __init__(self, ttl=3600):
        self.ttl = ttl

    def put(self, job_id, cell, value):
        RESULTS[(job_id, cell)] = (time.time(), value)

    def get(self, job_id, cell):
        entry = RESULTS.get((job_id, cell))
        if entry is None or time.time() - entry[0] > self.ttl:
            return None
        return entry[1]

    def digest(self, job_id):
        keys = sorted(c for j, c in RESULTS if j == job_id)
        return hashlib.sha256(",".join(map(str, keys)).encode()).hexdigest()


store = ResultStore(ttl=int(os.environ.get("RESULT_TTL", "3600")))


@app.post("/jobs/<job_id>/cells/<int:cell>")
def push_result(job_id, cell):
    blob = request.get_data(cache=False)
    try:
        value = decode_result(blob)
    except ValueError:
        abort(400)
    store.put(job_id, cell, value)
    return jsonify(stored=True, digest=store.digest(job_id)), 201


@app.get("/jobs/<job_id>/cells/<int:cell>")
def fetch_result(job_id, cell):
    value = store.get(job_id, cell)
    if value is None:
        abort(404)
    return app.response_class(encode_result(value), mimetype="application/json")
