import hashlib

def checksum(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()

def etag(data: bytes) -> str:
    return hashlib.md5(data, usedforsecurity=False).hexdigest()
