import re

from fastapi import FastAPI

app = FastAPI()
PRODUCTS = [
    {"id": 1, "name": "USB-C cable (2m)"},
    {"id": 2, "name": "Laptop stand"},
    {"id": 3, "name": "Mechanical keyboard"},
]


@app.get("/products/search")
def search(q: str):
    rx = re.compile(re.escape(q), re.IGNORECASE)
    return [p for p in PRODUCTS if rx.search(p["name"])]
