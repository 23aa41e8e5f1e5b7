import sqlite3
import sys


def search(db, title):
    return db.execute("SELECT * FROM books WHERE title = ?", (title,))


if __name__ == "__main__":
    search(sqlite3.connect("books.db"), sys.argv[1])
