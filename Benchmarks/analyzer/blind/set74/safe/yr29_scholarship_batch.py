"""Import scholarship award notifications from external foundations.

Participating foundations drop XML award batches into their folder on the
financial aid SFTP server. This pipeline parses each batch and stages the
awards for review by the scholarships office.
"""
import csv
import logging
import sys
import xml.sax
from pathlib import Path
from xml.sax.handler import feature_external_ges, feature_external_pes

log = logging.getLogger("finaid.scholarships")

DROP_ROOT = Path("/srv/sftp/foundations")
STAGING_CSV = Path("/srv/finaid/staging/scholarship_awards.csv")


class AwardHandler(xml.sax.ContentHandler):
    FIELDS = ("student_id", "student_name", "amount", "term", "renewable", "notes")

    def __init__(self, foundation: str):
        super().__init__()
        self.foundation = foundation
        self.awards = []
        self._current = None
        self._field = None
        self._buffer = []

    def startElement(self, name, attrs):
        if name == "award":
            self._current = {"foundation": self.foundation, "award_ref": attrs.get("ref", "")}
        elif self._current is not None and name in self.FIELDS:
            self._field = name
            self._buffer = []

    def characters(self, content):
        if self._field:
            self._buffer.append(content)

    def endElement(self, name):
        if self._field == name:
            self._current[name] = "".join(self._buffer).strip()
            self._field = None
        elif name == "award" and self._current is not None:
            self.awards.append(self._current)
            self._current = None


def parse_batch(path: Path, foundation: str) -> list:
    handler = AwardHandler(foundation)
    parser = xml.sax.make_parser()
    parser.setFeature(feature_external_ges, False)
    parser.setFeature(feature_external_pes, False)
    parser.setContentHandler(handler)
    parser.parse(str(path))
    return handler.awards


def stage(awards: list, out: Path) -> None:
    new_file = not out.exists()
    with out.open("a", newline="", encoding="utf-8") as fh:
        writer = csv.DictWriter(fh, fieldnames=["foundation", "award_ref", *AwardHandler.FIELDS],
                                extrasaction="ignore")
        if new_file:
            writer.writeheader()
        writer.writerows(awards)


def main() -> int:
    logging.basicConfig(level=logging.INFO)
    total = 0
    for batch in sorted(DROP_ROOT.glob("*/inbox/*.xml")):
        foundation = batch.parent.parent.name
        try:
            awards = parse_batch(batch, foundation)
        except xml.sax.SAXParseException as exc:
            log.error("could not parse batch from %r: %r", foundation, str(exc))
            continue
        stage(awards, STAGING_CSV)
        batch.rename(batch.with_suffix(".done"))
        total += len(awards)
    log.info("staged %d scholarship awards", total)
    return 0


if __name__ == "__main__":
    sys.exit(main())
