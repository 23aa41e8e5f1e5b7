import json
import ssl
import urllib.request

STATUS_URL = "https://status.internal.example.com/api/health"


def get_status():
    ctx = ssl._create_unverified_context()  # VULN
    with urllib.request.urlopen(STATUS_URL, context=ctx, timeout=10) as resp:
        return json.load(resp)


if __name__ == "__main__":
    print(json.dumps(get_status(), indent=2))
