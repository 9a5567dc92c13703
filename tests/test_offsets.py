"""Spans of `eventscope code` index the text the user gave, not the text ingest cleaned."""

from __future__ import annotations

from eventscope.ingest.offsets import original_offsets, original_span
from eventscope.code_contract import code_records


def _moved(original: str, cleaned: str, words: str) -> str:
    start = cleaned.index(words)
    mapping = original_offsets(original, cleaned)
    a, b = original_span(mapping, cleaned, (start, start + len(words)))
    return original[a:b]


def test_spans_survive_rejoined_paragraphs_and_spaces():
    original = "Troops crossed the river.\nThe minister  resigned on Monday .\nTalks  ended."
    cleaned = "Troops crossed the river.\n\nThe minister resigned on Monday .\n\nTalks ended."
    assert _moved(original, cleaned, "The minister resigned on Monday .") == "The minister  resigned on Monday ."
    assert _moved(original, cleaned, "Talks ended.") == "Talks  ended."


def test_trailing_paragraph_break_of_a_sentence_span_is_not_carried_over():
    original = "The envoy left Kabul .\nShe flew home."
    cleaned = "The envoy left Kabul .\n\nShe flew home."
    mapping = original_offsets(original, cleaned)
    a, b = original_span(mapping, cleaned, (0, cleaned.index("She")))  # span with its "\n\n"
    assert original[a:b] == "The envoy left Kabul ."


def test_a_dropped_line_does_not_shift_what_follows():
    original = "Share this article\nA+ A-\nRebels seized the airport on Friday."
    cleaned = "Rebels seized the airport on Friday."
    assert _moved(original, cleaned, "seized the airport") == "seized the airport"


def test_code_contract_span_cuts_the_event_sentence_from_the_input_text():
    text = ("The weather  in the   capital was mild on Sunday .\n\n\n"
            "Russian forces shelled the Ukrainian city of Kharkiv on Monday .")
    line = next(code_records([{"id": "r1", "text": text}]))
    spans = [e["span"] for e in line["events"]]
    assert spans, "the shelling is an event"
    a, b = spans[0]
    assert text[a:b].startswith("Russian forces shelled") and text[a:b].rstrip().endswith("Monday .")
