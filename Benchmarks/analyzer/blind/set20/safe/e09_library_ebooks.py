"""Patron-facing e-book lending: list loans and download the licensed files."""
import os
from dataclasses import dataclass
from datetime import date
from functools import wraps
from typing import List

from flask import Flask, abort, g, jsonify, send_from_directory, session

app = Flask(__name__)
app.secret_key = os.environ["EBOOKS_SECRET_KEY"]

BOOK_ROOT = os.environ.get("EBOOK_ROOT", "/srv/ebooks/patrons")


@dataclass
class Patron:
    card_number: str
    shelf_dir: str
    loans: List[str]


class Shelf:
    def __init__(self, root: str):
        self.root = root

    def folder(self, patron: Patron) -> str:
        return os.path.join(self.root, patron.shelf_dir)

    def listing(self, patron: Patron) -> List[dict]:
        folder = self.folder(patron)
        out = []
        for name in sorted(os.listdir(folder)):
            st = os.stat(os.path.join(folder, name))
            out.append({"file": name, "bytes": st.st_size, "added": date.fromtimestamp(st.st_mtime).isoformat()})
        return out


shelf = Shelf(BOOK_ROOT)


def load_patron(card_number: str) -> Patron:
    # Real lookup lives in the ILS; the shelf directory is derived from the card number.
    return Patron(card_number=card_number, shelf_dir=f"p{card_number}", loans=[])


def patron_required(view):
    @wraps(view)
    def wrapper(*args, **kwargs):
        card = session.get("card_number")
        if not card:
            abort(401)
        g.patron = load_patron(card)
        return view(*args, **kwargs)
    return wrapper


@app.get("/shelf")
@patron_required
def my_shelf():
    return jsonify(shelf.listing(g.patron))


@app.get("/shelf/download/<path:filename>")
@patron_required
def download(filename: str):
    folder = shelf.folder(g.patron)
    mimetype = "application/epub+zip" if filename.endswith(".epub") else "application/pdf"
    return send_from_directory(folder, filename, mimetype=mimetype, as_attachment=True)


if __name__ == "__main__":
    app.run(host="127.0.0.1", port=8080, debug=False)
