import os

def connect(db):
    password = os.environ["DB_PASSWORD"]
    return db.connect(user="app", password=password)
