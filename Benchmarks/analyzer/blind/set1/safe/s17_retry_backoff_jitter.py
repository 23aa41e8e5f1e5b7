import random
import time

import requests

STATUS_URL = "https://api.example.com/v1/status"


def get_with_retry(attempts=5, base=0.5):
    for i in range(attempts):
        try:
            resp = requests.get(STATUS_URL, timeout=10)
            if resp.status_code < 500:
                return resp
        except requests.RequestException:
            pass
        time.sleep(base * 2 ** i + random.uniform(0, base))
    raise RuntimeError("status endpoint unavailable")
