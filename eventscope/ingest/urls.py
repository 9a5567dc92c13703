"""What a URL tells about its article: the outlet's web domain, when the record names no outlet."""

from __future__ import annotations

from urllib.parse import urlsplit


def outlet_from_url(url: str | None) -> str | None:
    """"https://www.reuters.com/world/..." -> "reuters.com"; None for anything without a host."""
    if not url:
        return None
    try:
        host = urlsplit(url.strip()).hostname or ""
    except ValueError:
        return None
    host = host.rstrip(".").lower()
    for prefix in ("www.", "m.", "amp."):
        if host.startswith(prefix) and host.count(".") > 1:
            host = host[len(prefix):]
    return host if "." in host else None
