"""Bytes to text: refuse binary files, guess among the encodings news text really uses."""

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


def looks_binary(sample: bytes) -> bool:
    """NUL bytes or many control bytes: an image, archive, PDF... rather than text."""
    if not sample or sample.startswith(_UTF16_BOMS):
        return False
    if b"\x00" in sample:
        return True
    controls = sum(1 for b in sample if b < 32 and b not in _TEXT_CONTROLS)
    return controls / len(sample) > MAX_CONTROL_SHARE


def decode_bytes(data: bytes) -> Decoded:
    """UTF-8 (with or without BOM), UTF-16 with BOM, then cp1252; else say why not."""
    if looks_binary(data[:SNIFF_BYTES]):
        return Decoded(None, problem="binary file")
    if data.startswith(_UTF16_BOMS):
        try:
            return Decoded(data.decode("utf-16"), "utf-16")
        except UnicodeDecodeError:
            return Decoded(None, problem="invalid UTF-16")
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
    try:
        # A multi-byte character may be cut at the end of the sample; ignore that tail.
        codecs.getincrementaldecoder("utf-8")().decode(sample, final=False)
        return "utf-8"
    except UnicodeDecodeError:
        return "cp1252"
