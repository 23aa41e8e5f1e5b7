import re
import subprocess

from flask import Flask, request, jsonify, abort

app = Flask(__name__)
RECORD_TYPES = {"A", "AAAA", "MX", "TXT", "NS", "CNAME", "CAA"}
LABEL_RE = re.compile(r"^[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?$")


def valid_domain(name):
    name = name[:-1] if name.endswith(".") else name
    if not name or len(name) > 253:
        return False
    return all(LABEL_RE.fullmatch(label) for label in name.split("."))


@app.get("/api/dns")
def lookup():
    rtype = request.args.get("type", "A").upper()
    if rtype not in RECORD_TYPES:
        abort(400, "unsupported record type")
    domain = request.args.get("domain", "")
    if not valid_domain(domain):
        abort(400, "invalid domain")
    try:
        out = subprocess.check_output(["dig", "+short", rtype, domain], text=True, timeout=10)
    except subprocess.CalledProcessError:
        return jsonify({"error": "lookup failed"}), 502
    except subprocess.TimeoutExpired:
        return jsonify({"error": "lookup timed out"}), 504
    records = [line.strip() for line in out.splitlines() if line.strip()]
    return jsonify({"type": rtype, "records": records})


@app.get("/api/types")
def types():
    return jsonify(sorted(RECORD_TYPES))


@app.get("/healthz")
def healthz():
    return "ok"


if __name__ == "__main__":
    app.run(port=5040)
