import sqlite3
import sys


def search(db, words):
    clause = " OR ".join("title LIKE '%" + w + "%'" for w in words)
    return db.execute("SELECT * FROM books WHERE " + clause)  # expect: CWE-89


if __name__ == "__main__":
    search(sqlite3.connect("books.db"), sys.argv[1:])
