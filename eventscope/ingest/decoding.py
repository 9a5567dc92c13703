"""Bytes to text: refuse binary files, guess among the encodings news text really uses.

UTF-8 (with or without BOM), UTF-16 (with a BOM, or without one when every other byte is
NUL), then cp1252. Large record files are streamed in the encoding of their first bytes;
`redecode` rescues a later line or cell that is not in it (a Latin-1 byte after the first
8 KB of a UTF-8 file) instead of letting it turn into U+FFFD.
"""

from __future__ import annotations

import codecs
from dataclasses import dataclass

SNIFF_BYTES = 8192  # enough of a file to tell text from binary
MAX_CONTROL_SHARE = 0.10  # text files have almost no control bytes besides \t \n \r
MAX_REPLACEMENT_SHARE = 0.01  # more undecodable bytes than this and it is not text
_TEXT_CONTROLS = frozenset(b"\t\n\r\x0c\x1b")
_UTF16_BOMS = (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)


@dataclass(frozen=True)
class Decoded:
    text: str | None  # None when the bytes are not text
    encoding: str = ""
    problem: str = ""  # why text is None


def utf16_encoding(sample: bytes) -> str | None:
    """"utf-16" for a UTF-16 byte-order mark; "utf-16-le"/"-be" for UTF-16 without one (mostly
    Latin text: every other byte NUL, on one side); else None."""
    if sample.startswith(_UTF16_BOMS):
        return "utf-16"
    pairs = len(sample) // 2
    if pairs < 2:
        return None
    even_nuls = sum(1 for b in sample[0:pairs * 2:2] if b == 0)
    odd_nuls = sum(1 for b in sample[1:pairs * 2:2] if b == 0)
    if odd_nuls >= 0.6 * pairs and even_nuls <= 0.05 * pairs:
        return "utf-16-le"
    if even_nuls >= 0.6 * pairs and odd_nuls <= 0.05 * pairs:
        return "utf-16-be"
    return None


def looks_binary(sample: bytes) -> bool:
    """NUL bytes or many control bytes: an image, archive, PDF... rather than text."""
    if not sample or utf16_encoding(sample):
        return False
    if b"\x00" in sample:
        return True
    controls = sum(1 for b in sample if b < 32 and b not in _TEXT_CONTROLS)
    return controls / len(sample) > MAX_CONTROL_SHARE


def decode_bytes(data: bytes) -> Decoded:
    """UTF-8 (with or without BOM), UTF-16 with BOM, then cp1252; else say why not."""
    if looks_binary(data[:SNIFF_BYTES]):
        return Decoded(None, problem="binary file")
    utf16 = utf16_encoding(data[:SNIFF_BYTES])
    if utf16:
        try:
            return Decoded(data.decode(utf16), utf16)
        except UnicodeDecodeError:
            return Decoded(None, problem=f"invalid {utf16.upper()}")
    try:
        return Decoded(data.decode("utf-8-sig"), "utf-8")
    except UnicodeDecodeError:
        pass
    lenient = data.decode("utf-8-sig", errors="replace")
    broken = lenient.count("\ufffd")
    valid_non_ascii = sum(1 for c in lenient if ord(c) > 127) - broken
    # Mostly good UTF-8 with a few broken bytes (a truncated download, a bad splice): keep
    # the UTF-8 reading, since cp1252 would garble every valid accented character.
    if valid_non_ascii > broken and broken <= MAX_REPLACEMENT_SHARE * len(lenient):
        return Decoded(lenient, "utf-8 (with replacements)")
    # Old news archives are often Windows-1252; it fails only on five unused bytes.
    try:
        return Decoded(data.decode("cp1252"), "cp1252")
    except UnicodeDecodeError:
        pass
    if broken <= MAX_REPLACEMENT_SHARE * len(lenient):
        return Decoded(lenient, "utf-8 (with replacements)")
    return Decoded(None, problem="not decodable text (neither UTF-8 nor cp1252)")


def sniff_text_encoding(sample: bytes) -> str:
    """The encoding to stream a large file with, chosen from its first bytes."""
    if sample.startswith(codecs.BOM_UTF8):
        return "utf-8-sig"
    utf16 = utf16_encoding(sample)
    if utf16:
        return utf16
    try:
        # A multi-byte character may be cut at the end of the sample; ignore that tail.
        codecs.getincrementaldecoder("utf-8")().decode(sample, final=False)
        return "utf-8"
    except UnicodeDecodeError:
        return "cp1252"


def redecode(text: str) -> str:
    """A line or cell read with errors="surrogateescape": its stray bytes decoded the way a
    whole file would be (UTF-8, else cp1252), so one odd byte costs no character."""
    if not any("\udc80" <= c <= "\udcff" for c in text):
        return text
    decoded = decode_bytes(text.encode("utf-8", "surrogateescape"))
    return decoded.text if decoded.text is not None else text.encode("utf-8", "surrogateescape").decode(
        "utf-8", "replace")


def printable_path(path) -> str:
    """A path as text that can be stored and printed: a byte of the file name that is not
    UTF-8 (Python keeps it as a lone surrogate, which Arrow, Parquet and DuckDB refuse)
    is written as \\xNN. Valid names are unchanged."""
    text = str(path)
    if not any("\udc80" <= c <= "\udcff" for c in text):
        return text
    return text.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
