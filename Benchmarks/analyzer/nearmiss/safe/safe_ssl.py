import ssl
import requests

def get(url):
    ctx = ssl.create_default_context()
    return requests.get("https://example.com", timeout=5, verify=True)
