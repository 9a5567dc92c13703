"""The analyze stage's speed-ups of model components give exactly the stock output."""

from __future__ import annotations

import pytest
import spacy

from eventscope.analyze import MODEL, load_nlp
from eventscope.analyze.attribute_ruler import IndexedAttributeRuler, use_indexed_attribute_ruler
from eventscope.analyze.lemma_index import TABLE, index_lemma_lists
from conftest import EXAMPLES

# sentences that reach the model's rarer rules: contractions, "gonna", "y'all", "nothin'",
# "let's", existential "there is", pronoun case, auxiliaries, determiners used as pronouns
TEXTS = [
    "I ain't gonna sign that, y'all know nothin' about it.",
    "Let's go. There is no deal and there are no talks, but it doesn't matter to me.",
    "You told them that I had seen it; they said they'd have done it if you hadn't.",
    "That is what those who got there wanted, whether or not the minister gets it.",
    "Come on, c'mon, we gotta go!  \n\n  He's been to Iran  twice.\tShe isn't.",
    "",
    "   ",
]


def _annotations(doc):
    return [(t.text, t.tag_, t.pos_, str(t.morph), t.lemma_, t.dep_, t.head.i) for t in doc]


@pytest.fixture(scope="module")
def stock_and_indexed():
    stock = spacy.load(MODEL)
    indexed = spacy.load(MODEL)
    use_indexed_attribute_ruler(indexed)
    index_lemma_lists(indexed)
    return stock, indexed


def test_pipeline_uses_the_indexed_ruler_in_the_stock_position():
    nlp = load_nlp()
    assert isinstance(nlp.get_pipe("attribute_ruler"), IndexedAttributeRuler)
    stock = spacy.load(MODEL).pipe_names
    assert [n for n in nlp.pipe_names if n != "paragraph_breaks"] == stock


def test_indexed_ruler_files_every_model_rule_and_keeps_them_listed(stock_and_indexed):
    stock, indexed = stock_and_indexed
    ruler = indexed.get_pipe("attribute_ruler")
    assert ruler.patterns == stock.get_pipe("attribute_ruler").patterns
    assert len(ruler._others) == 0  # every rule of this model is read by the index


def test_lemma_lists_become_sets_in_a_copy_of_the_lookups(stock_and_indexed):
    stock, indexed = stock_and_indexed
    ours, theirs = (nlp.get_pipe("lemmatizer").lookups.get_table(TABLE) for nlp in (indexed, stock))
    assert all(isinstance(v, frozenset) for v in ours.values())
    assert all(isinstance(v, list) for v in theirs.values())  # the model's table is untouched
    assert {k: set(v) for k, v in theirs.items()} == {k: set(v) for k, v in ours.items()}


def test_indexed_components_give_exactly_the_stock_annotations(stock_and_indexed):
    stock, indexed = stock_and_indexed
    texts = TEXTS + [p.read_text(encoding="utf-8") for p in sorted(EXAMPLES.glob("*.txt"))]
    for a, b in zip(stock.pipe(texts), indexed.pipe(texts)):
        assert _annotations(a) == _annotations(b)


def test_indexed_ruler_matches_like_the_matcher_on_rules_of_every_kind():
    """Rules the model lacks too: an operator falls back to a Matcher, others are indexed."""
    nlp = spacy.blank("en")
    rules = [
        {"patterns": [[{"LOWER": "the"}, {"IS_SPACE": False, "LOWER": {"REGEX": "^b"}}]],
         "attrs": {"LEMMA": "THE-B"}, "index": 1},
        {"patterns": [[{"LOWER": {"NOT_IN": ["a", "the"]}}]], "attrs": {"NORM": "x"}},
        {"patterns": [[{"LOWER": "big"}, {"LOWER": "red", "OP": "+"}]], "attrs": {"LEMMA": "op"}},
    ]
    stock = nlp.add_pipe("attribute_ruler", name="stock")
    stock.add_patterns(rules)
    indexed = IndexedAttributeRuler(nlp.vocab)
    indexed.add_patterns(rules)
    assert len(indexed._others) == 1 and len(indexed._scanned) == 1
    doc = nlp.make_doc("the big red red barn by the bay")
    assert indexed.match(doc) == stock.match(doc)


def test_indexed_ruler_survives_a_save_and_load(stock_and_indexed, tmp_path):
    _, indexed = stock_and_indexed
    ruler = indexed.get_pipe("attribute_ruler")
    again = IndexedAttributeRuler(indexed.vocab).from_bytes(ruler.to_bytes())
    doc = indexed.make_doc("They're gonna meet.")
    for name, proc in indexed.pipeline:
        if name == "attribute_ruler":
            break
        doc = proc(doc)
    assert again.match(doc) == ruler.match(doc)
    ruler.to_disk(tmp_path / "ruler")
    assert IndexedAttributeRuler(indexed.vocab).from_disk(tmp_path / "ruler").patterns == ruler.patterns


def test_lemmatizer_cache_is_bounded_and_lemmas_stay_the_same(stock_and_indexed):
    """The lemmatizer remembers at most LEMMA_CACHE_SIZE words (it would otherwise keep every
    word a run ever met); a word it forgot is lemmatized again, to the same lemma."""
    from eventscope.analyze.lemma_index import LEMMA_CACHE_SIZE, BoundedCache, bound_cache

    assert isinstance(load_nlp().get_pipe("lemmatizer").cache, BoundedCache)
    assert load_nlp().get_pipe("lemmatizer").cache.size == LEMMA_CACHE_SIZE
    stock, _ = stock_and_indexed
    tiny = spacy.load(MODEL)
    bound_cache(tiny, size=5)
    texts = TEXTS + [p.read_text(encoding="utf-8") for p in sorted(EXAMPLES.glob("*.txt"))]
    for a, b in zip(stock.pipe(texts), tiny.pipe(texts)):
        assert _annotations(a) == _annotations(b)
    assert len(tiny.get_pipe("lemmatizer").cache) == 5
    assert len(stock.get_pipe("lemmatizer").cache) > 100  # what it keeps unbounded, even here
