"""Convert uploaded MusicXML karaoke arrangements into MIDI + a WAV preview.

Arrangers upload .musicxml files through the karaoke portal; this batch tool
names the outputs after the score's work title so the catalogue team can
find them.
"""
import logging
import re
import subprocess
import xml.sax
from pathlib import Path

import click

log = logging.getLogger("musicxml")
DEFAULT_SOUNDFONT = "/usr/share/sounds/sf2/FluidR3_GM.sf2"


class ScoreInfoHandler(xml.sax.ContentHandler):
    FIELDS = ("work-title", "movement-title", "creator")

    def __init__(self):
        super().__init__()
        self.info = {name: "" for name in self.FIELDS}
        self._current = None
        self._buf = []

    def startElement(self, name, attrs):
        if name in self.info and not self.info[name]:
            self._current, self._buf = name, []

    def characters(self, content):
        if self._current:
            self._buf.append(content)

    def endElement(self, name):
        if name == self._current:
            self.info[name] = "".join(self._buf).strip()
            self._current = None


def read_score_info(path: Path) -> dict:
    handler = ScoreInfoHandler()
    parser = xml.sax.make_parser()
    # the MusicXML DTD is never fetched; unknown entities are simply skipped
    parser.setFeature(xml.sax.handler.feature_external_ges, False)
    parser.setFeature(xml.sax.handler.feature_external_pes, False)
    parser.setContentHandler(handler)
    parser.parse(str(path))
    return handler.info


def slug(text: str) -> str:
    return re.sub(r"[^A-Za-z0-9_-]+", "_", text).strip("_")[:60] or "untitled"


def convert(path: Path, outdir: Path, soundfont: str) -> Path:
    info = read_score_info(path)
    name = slug(info["work-title"] or info["movement-title"] or path.stem)
    midi = outdir / f"{name}.mid"
    wav = outdir / f"{name}.wav"
    subprocess.run(["mscore", "-o", str(midi), str(path)], check=True, timeout=300)
    render = ["timidity", "-x", f"soundfont {soundfont}", "-Ow", "-o", str(wav), str(midi)]
    subprocess.run(render, check=True, timeout=300)
    log.info("%r -> %r (%r)", path.name, wav.name, info["creator"] or "unknown arranger")
    return wav


@click.command()
@click.argument("inbox", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option("--outdir", type=click.Path(file_okay=False, path_type=Path), default=Path("/srv/karaoke/rendered"))
@click.option("--soundfont", default=DEFAULT_SOUNDFONT, show_default=True)
def main(inbox: Path, outdir: Path, soundfont: str):
    """Render every .musicxml file found in INBOX."""
    logging.basicConfig(level=logging.INFO)
    outdir.mkdir(parents=True, exist_ok=True)
    for score in sorted(inbox.glob("*.musicxml")):
        try:
            convert(score, outdir, soundfont)
        except (xml.sax.SAXException, subprocess.SubprocessError) as exc:
            log.error("failed to render %r: %r", score.name, exc)


if __name__ == "__main__":
    main()
