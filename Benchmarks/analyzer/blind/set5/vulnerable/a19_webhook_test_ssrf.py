import requests
from flask import Flask, jsonify, request

app = Flask(__name__)


class WebhookTester:
    def __init__(self, target):
        self.target = target

    def ping(self):
        resp = requests.post(self.target, json={"event": "ping"}, timeout=5)  # VULN flow
        return resp.status_code, resp.text[:500]


@app.route("/integrations/webhook/test", methods=["POST"])
def test_webhook():
    payload = request.get_json(force=True)
    tester = WebhookTester(payload["url"])
    try:
        status, body = tester.ping()
    except requests.RequestException as exc:
        return jsonify(ok=False, error=type(exc).__name__), 502
    return jsonify(ok=200 <= status < 300, status=status, body=body)
