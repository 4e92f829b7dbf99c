"""The site's security policy, written once: the CSP of the pages' <meta> tag and the headers."""

from __future__ import annotations

# What a page may load: only its own files (no other host, no inline script or style).
CONTENT_SECURITY_POLICY = (
    ("default-src", "'self'"),
    ("script-src", "'self'"),
    ("style-src", "'self'"),
    ("img-src", "'self' data:"),
    ("font-src", "'self'"),
    ("connect-src", "'self'"),
    ("worker-src", "'self'"),
    ("object-src", "'none'"),
    ("base-uri", "'none'"),
    ("form-action", "'none'"),
)
# Only an HTTP header can forbid framing: browsers ignore (and warn of) it in a <meta> tag.
HEADER_ONLY_POLICY = (("frame-ancestors", "'none'"),)
# The preview server (mkdocs serve) injects an inline live-reload script.
PREVIEW_SCRIPT_SOURCE = "'unsafe-inline'"

# Every powerful feature a page could ask the browser for, denied to it and to any frame
# (only names Chromium knows: it warns of every other one in the console).
DENIED_FEATURES = (
    "accelerometer",
    "autoplay",
    "camera",
    "display-capture",
    "encrypted-media",
    "fullscreen",
    "gamepad",
    "geolocation",
    "gyroscope",
    "hid",
    "idle-detection",
    "local-fonts",
    "magnetometer",
    "microphone",
    "midi",
    "payment",
    "picture-in-picture",
    "publickey-credentials-get",
    "screen-wake-lock",
    "serial",
    "usb",
    "xr-spatial-tracking",
)


def _policy(directives: tuple[tuple[str, str], ...]) -> str:
    return "; ".join(f"{name} {sources}" for name, sources in directives)


def meta_policy(preview: bool = False) -> str:
    """The CSP of every page's <meta> tag (what a static host without our headers still gets)."""
    if not preview:
        return _policy(CONTENT_SECURITY_POLICY)
    return _policy(
        tuple(
            (name, f"{sources} {PREVIEW_SCRIPT_SOURCE}" if name == "script-src" else sources)
            for name, sources in CONTENT_SECURITY_POLICY
        )
    )


def header_policy() -> str:
    """The CSP the web server sends: the pages' own policy, plus what only a header can say."""
    return _policy(CONTENT_SECURITY_POLICY + HEADER_ONLY_POLICY)


def security_headers() -> dict[str, str]:
    """The headers the web server sends with every response, in the order it sends them."""
    return {
        "Content-Security-Policy": header_policy(),
        "Referrer-Policy": "no-referrer",
        "X-Content-Type-Options": "nosniff",
        "X-Frame-Options": "DENY",
        "Permissions-Policy": ", ".join(f"{feature}=()" for feature in DENIED_FEATURES),
        "Cross-Origin-Opener-Policy": "same-origin",
        "Cross-Origin-Resource-Policy": "same-origin",
    }
