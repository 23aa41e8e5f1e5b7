"""Imports blast plans submitted by drill-and-blast contractors (XML) into the
mine planning database. Contractors drop files via SFTP into the inbox folder;
this job is run by the planning team after each shift."""
import pathlib
import shutil
import sqlite3
import xml.sax
import xml.sax.handler

import typer

app = typer.Typer(help="Blast plan import tools")


class BlastPlanHandler(xml.sax.ContentHandler):
    def __init__(self):
        super().__init__()
        self.plan = {}
        self.holes = []
        self.notes = []
        self._in_notes = False

    def startElement(self, name, attrs):
        if name == "blastPlan":
            self.plan = {"id": attrs.get("id"), "pit": attrs.get("pit"), "bench": attrs.get("bench"),
                         "fire_date": attrs.get("fireDate")}
        elif name == "hole":
            self.holes.append((attrs.get("id"), float(attrs.get("x")), float(attrs.get("y")),
                               float(attrs.get("depth")), float(attrs.get("chargeKg", 0))))
        elif name == "notes":
            self._in_notes = True

    def endElement(self, name):
        if name == "notes":
            self._in_notes = False

    def characters(self, content):
        if self._in_notes:
            self.notes.append(content)


def parse_plan(path: pathlib.Path) -> BlastPlanHandler:
    handler = BlastPlanHandler()
    parser = xml.sax.make_parser()
    parser.setFeature(xml.sax.handler.feature_namespaces, False)
    # shared explosive product definitions are pulled in as external entities
    parser.setFeature(xml.sax.handler.feature_external_ges, True)
    parser.setContentHandler(handler)
    parser.parse(str(path))  # VULN flow
    return handler


def save(conn: sqlite3.Connection, h: BlastPlanHandler):
    p = h.plan
    conn.execute("INSERT OR REPLACE INTO blast_plans (id, pit, bench, fire_date, notes) VALUES (?, ?, ?, ?, ?)",
                 (p["id"], p["pit"], p["bench"], p["fire_date"], "".join(h.notes).strip()))
    conn.execute("DELETE FROM blast_holes WHERE plan_id = ?", (p["id"],))
    conn.executemany("INSERT INTO blast_holes (plan_id, hole_id, x, y, depth, charge_kg) "
                     "VALUES (?, ?, ?, ?, ?, ?)", [(p["id"],) + hole for hole in h.holes])
    conn.commit()


@app.command()
def import_inbox(inbox: pathlib.Path = typer.Argument(..., exists=True, file_okay=False),
                 db: pathlib.Path = typer.Option("/srv/mineplan/plans.db"),
                 archive: pathlib.Path = typer.Option("/srv/mineplan/imported")):
    """Import every *.xml blast plan in INBOX."""
    conn = sqlite3.connect(db)
    archive.mkdir(parents=True, exist_ok=True)
    for path in sorted(inbox.glob("*.xml")):
        try:
            handler = parse_plan(path)
        except (xml.sax.SAXException, ValueError, TypeError) as exc:
            typer.secho(f"{path.name}: rejected ({exc})", fg=typer.colors.RED)
            continue
        save(conn, handler)
        shutil.move(str(path), archive / path.name)
        typer.echo(f"{path.name}: plan {handler.plan.get('id')} with {len(handler.holes)} holes")


if __name__ == "__main__":
    app()
