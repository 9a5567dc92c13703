"""Linking's CPU split by piece, function by function (`python benchmarks/link_profile.py --split`).

link_profile.py times DuckDB statements; this times the functions a batch goes through (each
wrapped while `split()` is open, nothing changed in what they do), so the story clusterer's part
shows apart from the store writes and near-copies, and what in it grows with the store: candidate
lookups in the postings, stories read back from the store and decoded, stories scored, term counts
looked up, tf-idf (a batch that reads ahead computes tf-idf and candidates twice per document).
Indented pieces are inside the piece above them. Timer calls add ~1 us a call.
"""

from __future__ import annotations

import functools
import importlib
import time
from contextlib import contextmanager

# (module, attribute (Class.method or function, patched where its caller looks it up), label, depth)
PIECES = (
    ("eventscope.linking", "divert_duplicates", "near-copies", 0),
    ("eventscope.store", "Store.write_results", "documents' rows", 0),
    ("eventscope.linking", "assign_stories", "story clusterer", 0),
    ("eventscope.store.link_caches", "LinkCaches.term_frequencies", "term counts looked up", 1),
    ("eventscope.linking.stories", "tfidf", "tf-idf", 1),
    ("eventscope.linking.story_postings", "StoryPostings.candidates", "candidate lookups", 1),
    ("eventscope.store.story_reads", "StoryReads.stories_by_id", "stories read back", 1),
    ("eventscope.linking.stored_stories", "decoded", "stories decoded", 1),
    ("eventscope.linking.stored_stories", "StoredStories.could_join", "stories bounded", 1),
    ("eventscope.linking.stories", "similarity", "stories scored", 1),
    ("eventscope.linking", "_stored_linked", "linked events read", 0),
    ("eventscope.linking", "link_events", "events linked", 0),
    ("eventscope.linking", "_write_links", "link-table writes", 0),
    ("eventscope.linking", "summarise_stories", "briefs", 0),
    ("eventscope.store.links", "LinkTables.update_story_counts", "story counts", 0),
)


@contextmanager
def split():
    """Yields {label: [calls, CPU seconds]}, filled while open; the functions are restored after."""
    totals = {label: [0, 0.0] for _, _, label, _ in PIECES}
    restore = []
    for module_name, attribute, label, _ in PIECES:
        owner = importlib.import_module(module_name)
        *path, name = attribute.split(".")
        for part in path:
            owner = getattr(owner, part)
        own = name in vars(owner)  # a method a class inherits is shadowed, then the shadow removed
        original = getattr(owner, name)
        restore.append((owner, name, original, own))
        setattr(owner, name, _timed(original, totals[label]))
    try:
        yield totals
    finally:
        for owner, name, original, own in reversed(restore):
            if own:
                setattr(owner, name, original)
            else:
                delattr(owner, name)


def _timed(function, total: list):
    @functools.wraps(function)
    def timed(*args, **kwargs):
        began = time.process_time()
        try:
            return function(*args, **kwargs)
        finally:
            total[0] += 1
            total[1] += time.process_time() - began
    return timed


def report(totals: dict, per100: float) -> None:
    for _, _, label, depth in PIECES:
        calls, seconds = totals[label]
        print(f"  {'  ' * depth}{label:<{26 - 2 * depth}} {seconds * per100:.4f} s/100  ({calls} calls)")
