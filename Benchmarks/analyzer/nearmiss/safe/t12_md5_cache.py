import hashlib

def cache_key(url: str) -> str:
    return hashlib.md5(url.encode()).hexdigest()
