"""The versions of what renders a leaflet, read without importing it: Python and its
libraries, the native libraries WeasyPrint loads, and the font files (issue #15).

Kept apart from the leaflets' inputs so that the build's key (site/up_to_date.py) can ask
them before anything heavy is imported: a build that keeps the site loads nothing else.
"""

from __future__ import annotations

import ctypes
import sys
import zlib
from functools import cache
from importlib import metadata
from pathlib import Path

LIBRARIES = (
    "weasyprint",
    "pydyf",
    "tinycss2",
    "cssselect2",
    "tinyhtml5",
    "fonttools",
    "pyphen",
    "markdown",
    "pymdown-extensions",
    "jinja2",
    "markupsafe",
    "segno",
    "pydantic",
)
NATIVE = (  # library, its version function, whether it returns text (else an integer)
    ("libpango-1.0.so.0", "pango_version_string", True),
    ("libharfbuzz.so.0", "hb_version_string", True),
    ("libfontconfig.so.1", "FcGetVersion", False),
)


def library_versions() -> list[str]:
    """Python's and zlib's versions (the PDF's compressed streams), and the installed version
    of each Python library that takes part in a leaflet."""
    out = [f"python={sys.version}", f"zlib={zlib.ZLIB_RUNTIME_VERSION}"]
    for name in LIBRARIES:
        try:
            out.append(f"{name}={metadata.version(name)}")
        except metadata.PackageNotFoundError:
            out.append(f"{name}=none")
    return out


@cache
def native_versions() -> tuple[str, ...]:
    """Pango's, HarfBuzz's and fontconfig's versions, as WeasyPrint would load them.

    Asked of the libraries themselves, so that a build without a leaflet to render does not
    import WeasyPrint.
    """
    out = []
    for library, function, text in NATIVE:
        try:
            call = getattr(ctypes.CDLL(library), function)
        except (OSError, AttributeError):
            out.append(f"{library}=none")
            continue
        call.restype = ctypes.c_char_p if text else ctypes.c_int
        value = call()
        out.append(f"{library}={value.decode('ascii') if isinstance(value, bytes) else value}")
    return tuple(out)


def file_stamp(path: Path) -> str:
    """A font file as fontconfig resolved it: its path, size and time of change."""
    stat = path.stat()
    return f"{path}:{stat.st_size}:{stat.st_mtime_ns}"
