"""Offsets into the text a user gave, for spans found in the text ingest cleaned.

Ingest rejoins paragraphs, normalises spaces and drops furniture lines, so a span the coder
finds in a Document's text is not where the same words stand in the record's `text`. A user
(or a scorer) who cuts the span out of their own text must get the event's words, so
`eventscope code` moves spans back. The two texts differ mostly in whitespace: they are walked
side by side, whitespace skipped on either side; where they part (a dropped line, a replaced
character) the next few words of the cleaned text are looked up ahead in the original.
"""

from __future__ import annotations

RESYNC_CHARS = 24  # how much cleaned text to look up ahead when the walk loses its place
RESYNC_WINDOW = 20_000  # how far ahead (a dropped menu block is long; a whole text is not searched)


def original_offsets(original: str, cleaned: str) -> list[int]:
    """For each offset into `cleaned` (and its end), the offset of the same character in
    `original`; a character with no counterpart maps to where the walk stood."""
    mapping = [0] * (len(cleaned) + 1)
    i = j = 0
    while j < len(cleaned):
        if i < len(original) and original[i] == cleaned[j]:
            mapping[j] = i
            i, j = i + 1, j + 1
        elif cleaned[j].isspace():
            mapping[j] = i
            j += 1
        elif i < len(original) and original[i].isspace():
            i += 1
        else:
            found = original.find(cleaned[j:j + RESYNC_CHARS].strip(), i, i + RESYNC_WINDOW)
            if found > i:
                i = found
            else:  # nothing like it ahead: this character has no counterpart
                mapping[j] = min(i, len(original))
                j += 1
    mapping[len(cleaned)] = min(i, len(original))
    return mapping


def original_span(mapping: list[int], cleaned: str, span: tuple[int, int] | list[int]) -> list[int]:
    """`span` of `cleaned` as [start, end) in the original, without the whitespace at its ends
    (a sentence's span may end in the paragraph break ingest wrote, which the original lacks)."""
    start, end = span
    while start < end and cleaned[start].isspace():
        start += 1
    while end > start and cleaned[end - 1].isspace():
        end -= 1
    if end <= start:
        return [mapping[start], mapping[start]]
    return [mapping[start], mapping[end - 1] + 1]
