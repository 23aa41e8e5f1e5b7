import json
import os
import urllib.error
import urllib.request

from fastapi import FastAPI, HTTPException

app = FastAPI()

# integration endpoints are configured by ops, not by API callers
INTEGRATIONS = {
    1: "https://alerts.internal.example.com/hooks/ops",
    2: "https://status.internal.example.com/hooks/ping",
}
HOOK_SECRET = os.environ.get("HOOK_SECRET", "")


class WebhookTester:
    def __init__(self, target):
        self.target = target

    def ping(self):
        payload = json.dumps({"event": "ping", "source": "integrations"}).encode()
        req = urllib.request.Request(self.target, data=payload, method="POST",
                                     headers={"Content-Type": "application/json",
                                              "X-Hook-Secret": HOOK_SECRET})
        try:
            with urllib.request.urlopen(req, timeout=5) as resp:
                return {"status": resp.status}
        except urllib.error.HTTPError as exc:
            return {"status": exc.code}
        except urllib.error.URLError:
            return {"status": None, "error": "unreachable"}


@app.post("/integrations/{integration_id}/test")
def test_webhook(integration_id: int):
    target = INTEGRATIONS.get(integration_id)
    if target is None:
        raise HTTPException(status_code=404, detail="no such integration")
    return WebhookTester(target).ping()
