import requests

def fetch():
    return requests.get("https://api.example.com/data", timeout=10).json()
