import json
import urllib.error
import urllib.request

from flask import Flask, jsonify, request

app = Flask(__name__)


class WebhookTester:
    def __init__(self, timeout=5):
        self.timeout = timeout

    def ping(self, url, secret):
        body = json.dumps({"event": "ping"}).encode()
        req = urllib.request.Request(url, data=body, headers={"X-Hook-Secret": secret, "Content-Type": "application/json"})
        with urllib.request.urlopen(req, timeout=self.timeout) as resp:  # VULN flow
            return resp.status


@app.route("/integrations/webhooks/test", methods=["POST"])
def test_webhook():
    body = request.get_json(force=True)
    tester = WebhookTester()
    try:
        status = tester.ping(body["target_url"], body.get("secret", ""))
    except urllib.error.URLError as exc:
        return jsonify(ok=False, error=str(exc.reason)), 502
    return jsonify(ok=200 <= status < 300, status=status)
