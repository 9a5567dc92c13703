"""`NAME.meta.json` beside an article supplies what the text does not say."""

import json

from eventscope.ingest import iter_inputs
from eventscope.models import Document, Rejection

ARTICLE = ("Ministers meet in Paris\n\nFrench and German ministers met on Thursday to discuss "
           "trade. They agreed to meet again next month in Berlin.\n")


def _ingest(folder):
    return list(iter_inputs([folder]))


def test_sidecar_fills_the_date_the_article_lacks(tmp_path):
    (tmp_path / "a.txt").write_text(ARTICLE)
    without = _ingest(tmp_path)
    (tmp_path / "a.meta.json").write_text(json.dumps({"date": "28 December 2000", "source": "Wire"}))
    with_meta = _ingest(tmp_path)
    assert [type(x) for x in with_meta] == [Document]  # the sidecar is not an input of its own
    assert without[0].date is None
    assert with_meta[0].date == "2000-12-28"
    assert with_meta[0].source == "Wire"
    assert with_meta[0].id == without[0].id  # same text and title: same document


def test_sidecar_title_changes_the_id_with_the_content(tmp_path):
    (tmp_path / "a.txt").write_text(ARTICLE)
    before = _ingest(tmp_path)[0]
    (tmp_path / "a.meta.json").write_text(json.dumps({"title": "Another headline", "id": "X-1"}))
    after = _ingest(tmp_path)[0]
    assert after.title == "Another headline" and after.external_id == "X-1"
    assert after.id != before.id


def test_broken_sidecar_is_reported_and_the_article_still_goes_through(tmp_path):
    (tmp_path / "a.txt").write_text(ARTICLE)
    (tmp_path / "a.meta.json").write_text("{not json")
    (tmp_path / "b.txt").write_text(ARTICLE.replace("Paris", "Rome"))
    (tmp_path / "b.meta.json").write_text(json.dumps({"date": "someday", "editor": "x"}))
    items = _ingest(tmp_path)
    rejections = [x for x in items if isinstance(x, Rejection)]
    documents = [x for x in items if isinstance(x, Document)]
    assert len(documents) == 2 and all(d.date is None for d in documents)
    reasons = {r.origin.rsplit("/", 1)[-1]: r.reason for r in rejections}
    assert "not valid JSON" in reasons["a.meta.json"]
    assert "unknown metadata field(s) editor" in reasons["b.meta.json"]
