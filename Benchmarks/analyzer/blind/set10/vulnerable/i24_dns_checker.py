import subprocess

from flask import Flask, request, jsonify, abort

app = Flask(__name__)
RECORD_TYPES = {"A", "AAAA", "MX", "TXT", "NS", "CNAME", "CAA"}


@app.get("/api/dns")
def lookup():
    rtype = request.args.get("type", "A").upper()
    if rtype not in RECORD_TYPES:
        abort(400, "unsupported record type")
    if not request.args.get("domain"):
        abort(400, "domain required")
    try:
        out = subprocess.check_output("dig +short " + rtype + " " + request.args["domain"], shell=True, text=True, timeout=10)  # VULN
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
