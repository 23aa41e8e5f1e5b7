import sqlite3
from fastapi import FastAPI
app = FastAPI()

@app.get("/items/{item_id}")
def item(item_id: int):
    conn = sqlite3.connect("db")
    return conn.execute(f"SELECT * FROM items WHERE id = {item_id}").fetchall()
