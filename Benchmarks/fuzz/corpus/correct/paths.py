"""Path helpers for the upload and export features."""
import posixpath
import re
from pathlib import Path

_EXTENSION = re.compile(r"\.[A-Za-z0-9]{1,10}")


class UnsafePathError(ValueError):
    """A path that would leave the directory it must stay in."""


def safe_join(base: str, name: str) -> str:
    """Joins a relative name below base and normalises the result.

    Purely lexical ('.' and '..' are resolved as text; the file system is not consulted).

    Raises:
        ValueError: if base is empty.
        UnsafePathError: if name is absolute, contains a NUL character or climbs above base.
    """
    if not base:
        raise ValueError("base must not be empty")
    if "\0" in name or posixpath.isabs(name):
        raise UnsafePathError("name must be a relative path without NUL characters")
    relative = posixpath.normpath(name)
    if relative == ".." or relative.startswith("../"):
        raise UnsafePathError("name climbs above the base directory")
    root = posixpath.normpath(base)
    if relative == ".":
        return root
    return posixpath.normpath(posixpath.join(root, relative))


def change_extension(path: Path, extension: str) -> Path:
    """path with its last suffix replaced by extension (such as '.txt'), or with extension
    added when it has no suffix.

    Raises:
        ValueError: if extension is not a dot and 1-10 ASCII letters or digits, or path has
            no file name (such as '/', '.' or '..').
    """
    if not _EXTENSION.fullmatch(extension):
        raise ValueError("extension must be a dot followed by 1-10 letters or digits")
    if path.name in ("", ".", ".."):
        raise ValueError("path has no file name")
    return path.with_name(path.stem + extension)
