import json
import urllib.error
import urllib.request

from fastapi import FastAPI
from pydantic import BaseModel

app = FastAPI()


class WebhookIn(BaseModel):
    url: str
    secret: str = ""


class WebhookTester:
    def __init__(self, target, secret):
        self.target = target
        self.secret = secret

    def ping(self):
        payload = json.dumps({"event": "ping", "source": "integrations"}).encode()
        req = urllib.request.Request(self.target, data=payload, method="POST",
                                     headers={"Content-Type": "application/json",
                                              "X-Hook-Secret": self.secret})
        try:
            with urllib.request.urlopen(req, timeout=5) as resp:  # VULN flow
                return {"status": resp.status, "body": resp.read(2048).decode("utf-8", "replace")}
        except urllib.error.HTTPError as exc:
            return {"status": exc.code, "body": ""}
        except urllib.error.URLError as exc:
            return {"status": None, "error": str(exc.reason)}


@app.post("/integrations/webhooks/test")
def test_webhook(hook: WebhookIn):
    return WebhookTester(hook.url, hook.secret).ping()
