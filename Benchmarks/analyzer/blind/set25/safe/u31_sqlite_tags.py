"""Tag storage helpers for the bookmarks app, plus a small maintenance CLI."""
import sqlite3
import sys
from dataclasses import dataclass
from typing import List, Optional

SCHEMA = """
CREATE TABLE IF NOT EXISTS tags (
    id INTEGER PRIMARY KEY,
    name TEXT UNIQUE NOT NULL,
    usage INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE IF NOT EXISTS bookmark_tags (
    bookmark_id INTEGER NOT NULL,
    tag_id INTEGER NOT NULL REFERENCES tags(id)
);
"""


@dataclass
class Tag:
    id: int
    name: str
    usage: int


class TagRepository:
    def __init__(self, conn: sqlite3.Connection):
        self.conn = conn

    def ensure_schema(self) -> None:
        self.conn.executescript(SCHEMA)

    def get(self, name: str) -> Optional[Tag]:
        row = self.conn.execute("SELECT id, name, usage FROM tags WHERE name = ?", (name,)).fetchone()
        return Tag(*row) if row else None

    def find_by_prefix(self, prefix: str, limit: int = 20) -> List[Tag]:
        pattern = prefix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
        sql = f"SELECT id, name, usage FROM tags WHERE name LIKE ? ESCAPE '\\' ORDER BY usage DESC LIMIT {int(limit)}"
        return [Tag(*row) for row in self.conn.execute(sql, (pattern,))]

    def rename(self, old: str, new: str) -> bool:
        with self.conn:
            cur = self.conn.execute("UPDATE tags SET name = ? WHERE name = ?", (new, old))
        return cur.rowcount == 1

    def merge(self, source: str, target: str) -> None:
        src, dst = self.get(source), self.get(target)
        if src is None or dst is None:
            raise KeyError("both tags must exist")
        with self.conn:
            self.conn.execute("UPDATE bookmark_tags SET tag_id = ? WHERE tag_id = ?", (dst.id, src.id))
            self.conn.execute("UPDATE tags SET usage = usage + ? WHERE id = ?", (src.usage, dst.id))
            self.conn.execute("DELETE FROM tags WHERE id = ?", (src.id,))


def main(argv: List[str]) -> int:
    if len(argv) < 3:
        print("usage: tags.py DB {search PREFIX | rename OLD NEW | merge SRC DST}", file=sys.stderr)
        return 2
    repo = TagRepository(sqlite3.connect(argv[1]))
    repo.ensure_schema()
    command, args = argv[2], argv[3:]
    if command == "search" and len(args) == 1:
        for tag in repo.find_by_prefix(args[0]):
            print(f"{tag.name}\t{tag.usage}")
    elif command == "rename" and len(args) == 2:
        print("renamed" if repo.rename(args[0], args[1]) else "no such tag")
    elif command == "merge" and len(args) == 2:
        repo.merge(args[0], args[1])
        print("merged")
    else:
        print(f"unknown command: {command!r}", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
