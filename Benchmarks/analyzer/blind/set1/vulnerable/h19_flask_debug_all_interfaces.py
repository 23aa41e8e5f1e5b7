from flask import Flask, jsonify

app = Flask(__name__)


@app.route("/health")
def health():
    return jsonify(status="ok")


@app.route("/api/items")
def items():
    return jsonify(items=[{"id": 1, "name": "widget"}])


if __name__ == "__main__":
    app.run(host="0.0.0.0", port=5000, debug=True)  # VULN
