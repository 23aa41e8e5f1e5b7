import sqlite3
from fastapi import FastAPI
from pydantic import BaseModel
app = FastAPI()

class Item(BaseModel):
    name: str

@app.post("/items")
def create(item: Item):
    conn = sqlite3.connect("db")
    conn.execute(f"INSERT INTO items (name) VALUES ('{item.name}')")  # VULN flow
    return {"ok": True}
