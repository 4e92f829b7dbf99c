"""Files written whole or not at all, and values kept on disk under a key of what made them."""

from __future__ import annotations

import os
import threading
from collections.abc import Callable
from pathlib import Path


def write_whole(path: Path, data: bytes) -> None:
    """path holding data, or as it was: written beside it, then renamed (never half a file);
    safe when processes or threads write the same path at once."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(f".{os.getpid()}.{threading.get_ident()}.tmp")
    tmp.write_bytes(data)
    tmp.replace(path)


def kept(path: Path, make: Callable[[], bytes]) -> bytes:
    """The bytes kept at path (named by a key of everything make depends on), else make()'s,
    kept there for the next build."""
    try:
        return path.read_bytes()
    except OSError:
        pass
    data = make()
    write_whole(path, data)
    return data
