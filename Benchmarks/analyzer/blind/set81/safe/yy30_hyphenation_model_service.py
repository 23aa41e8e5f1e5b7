"""Model service for the typesetting engine's learned hyphenation/line-break models.

The data-science team and partner imprints upload trained models; the
typesetter fetches the active model per language when justifying text.
"""
import hashlib
import io
import logging
import os
from pathlib import Path

import numpy as np
from fastapi import FastAPI, File, HTTPException, UploadFile

log = logging.getLogger("hyphenation_models")
app = FastAPI(title="hyphenation-models")

MODEL_DIR = Path(os.environ.get("MODEL_DIR", "/srv/typeset/models"))
LANGS = {"en-GB", "en-US", "de-DE", "fr-FR", "nl-NL", "es-ES"}
MAX_MODEL_BYTES = 64 * 1024 * 1024


class NgramHyphenator:
    """Scores every inter-letter gap from a table of character n-gram weights."""

    def __init__(self, ngrams, weights, threshold=0.5):
        self.table = dict(zip((str(n) for n in ngrams), (float(w) for w in weights)))
        self.threshold = threshold

    def hyphenate(self, word):
        parts, start = [], 0
        for i in range(2, len(word) - 1):
            if self.table.get(word[i - 2:i + 1].lower(), 0.0) > self.threshold:
                parts.append(word[start:i])
                start = i
        parts.append(word[start:])
        return parts


class ModelRegistry:
    def __init__(self, root: Path):
        self.root = root
        self.cache = {}

    def load_blob(self, blob: bytes):
        arrays = np.load(io.BytesIO(blob), allow_pickle=False)
        if "ngrams" not in arrays or "weights" not in arrays:
            raise ValueError("archive lacks ngrams/weights")
        return NgramHyphenator(arrays["ngrams"], arrays["weights"])

    def install(self, lang: str, blob: bytes) -> str:
        model = self.load_blob(blob)
        digest = hashlib.sha256(blob).hexdigest()
        path = self.root / f"{lang}.model"
        path.write_bytes(blob)
        self.cache[lang] = model
        return digest

    def get(self, lang: str):
        if lang not in self.cache:
            path = self.root / f"{lang}.model"
            if not path.exists():
                raise KeyError(lang)
            self.cache[lang] = self.load_blob(path.read_bytes())
        return self.cache[lang]


registry = ModelRegistry(MODEL_DIR)


@app.put("/models/{lang}")
async def upload_model(lang: str, file: UploadFile = File(...)):
    if lang not in LANGS:
        raise HTTPException(404, "unsupported language")
    blob = await file.read()
    if len(blob) > MAX_MODEL_BYTES:
        raise HTTPException(413, "model too large")
    try:
        digest = registry.install(lang, blob)
    except (ValueError, EOFError) as exc:
        raise HTTPException(422, f"invalid model: {exc}")
    log.info("installed hyphenation model for %s (%s)", lang, digest[:12])
    return {"lang": lang, "sha256": digest}


@app.get("/models/{lang}/hyphenate")
def hyphenate(lang: str, word: str):
    if lang not in LANGS:
        raise HTTPException(404, "unsupported language")
    try:
        model = registry.get(lang)
    except KeyError:
        raise HTTPException(404, "no model installed")
    return {"word": word, "parts": model.hyphenate(word[:64])}
