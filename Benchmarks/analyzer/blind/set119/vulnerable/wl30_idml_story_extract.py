"""Extract translatable text from InDesign IDML packages.

Part of the file-prep pipeline: the client portal drops uploaded .idml files
into the prep queue, and this module pulls every story's text runs out so
they can be segmented and sent to the TM for analysis.
"""
import io
import logging
import xml.sax
import zipfile
from dataclasses import dataclass, field
from xml.sax.handler import ContentHandler, feature_external_ges, feature_namespaces

log = logging.getLogger("prep.idml")


@dataclass
class Story:
    story_id: str
    paragraphs: list = field(default_factory=list)


class StoryHandler(ContentHandler):
    def __init__(self, story: Story):
        super().__init__()
        self.story = story
        self._in_content = False
        self._buf = []

    def startElement(self, name, attrs):
        if name == "Content":
            self._in_content = True
        elif name == "Br":
            self._flush()

    def endElement(self, name):
        if name == "Content":
            self._in_content = False
        elif name == "ParagraphStyleRange":
            self._flush()

    def characters(self, content):
        if self._in_content:
            self._buf.append(content)

    def _flush(self):
        text = "".join(self._buf).strip()
        if text:
            self.story.paragraphs.append(text)
        self._buf = []


def parse_story(story_id: str, data: bytes) -> Story:
    story = Story(story_id)
    parser = xml.sax.make_parser()
    parser.setFeature(feature_namespaces, False)
    parser.setFeature(feature_external_ges, True)
    parser.setContentHandler(StoryHandler(story))
    parser.parse(io.BytesIO(data))  # VULN flow
    return story


def extract_idml(path: str) -> list:
    stories = []
    with zipfile.ZipFile(path) as zf:
        for name in zf.namelist():
            if name.startswith("Stories/Story_") and name.endswith(".xml"):
                story_id = name[len("Stories/Story_"):-4]
                stories.append(parse_story(story_id, zf.read(name)))
    log.info("%r: %d stories, %d paragraphs", path, len(stories),
             sum(len(s.paragraphs) for s in stories))
    return stories


if __name__ == "__main__":
    import json
    import sys

    for p in sys.argv[1:]:
        out = [{"id": s.story_id, "paragraphs": s.paragraphs} for s in extract_idml(p)]
        print(json.dumps(out, ensure_ascii=False, indent=2))
