"""Run the coder over the real-news dev set (eval/realnews/) and score it with realnews.py.

A gold record names its article instead of holding its text (third-party text stays in
../shared): ``origin`` is a path under the shared folder, optionally ``#ID`` for one record of a JSONL file or one story of PETRARCH2's
GigaWord sample; the article goes through our own ingest, so furniture, titles and dates are
part of what is measured."""

from __future__ import annotations

import json
import re
from pathlib import Path

from eventscope.evaluation.realnews import RealNewsScore, contract_with_mentions, score_article
from eventscope.models import Document


def is_realnews(records: list[dict]) -> bool:
    return any("origin" in r and "events" in r and "text" not in r for r in records[:50])


def find_shared(gold: Path) -> Path | None:
    """The shared folder: beside the project that holds ``gold``, or ../shared from here."""
    for parent in [*gold.resolve().parents, Path.cwd()]:
        candidate = parent / "shared" if parent.name != "shared" else parent
        if (candidate / "data" / "dev").is_dir():
            return candidate
        if (parent.parent / "shared" / "data" / "dev").is_dir():
            return parent.parent / "shared"
    return None


def _gigaword_story(path: Path, story: str) -> Document | None:
    xml = path.read_text(encoding="utf-8")
    pattern = (r'<Sentence date = "(\d{8})" id ="' + re.escape(story)
               + r'_\d+" source = "(\w+)"[^>]*>\s*<Text>(.*?)</Text>')
    found = re.findall(pattern, xml, re.S)
    if not found:
        return None
    day = found[0][0]
    text = "\n\n".join(" ".join(t.split()) for _, _, t in found)
    return Document(id=story, text=text, date=f"{day[:4]}-{day[4:6]}-{day[6:]}", source=found[0][1])


def load_document(origin: str, shared: Path) -> Document | str:
    """The article a gold record names, through our ingest; or why it cannot be had."""
    from eventscope.ingest import document_from_record, iter_inputs

    path_part, _, key = origin.partition("#")
    path = shared / path_part
    if not path.is_file():
        return f"{origin}: not found under {shared}"
    if path.suffix == ".xml":
        return _gigaword_story(path, key) or f"{origin}: no such story"
    if path.suffix == ".jsonl" and key:
        with path.open(encoding="utf-8") as fh:
            for line in fh:
                record = json.loads(line)
                if str(record.get("id")) == key:
                    doc = document_from_record(record, origin=origin, english_only=False)
                    return doc if isinstance(doc, Document) else f"{origin}: {doc.reason}"
        return f"{origin}: no such record"
    items = list(iter_inputs([path], english_only=False))
    docs = [d for d in items if isinstance(d, Document)]
    if not docs:
        return f"{origin}: {items[0].reason if items else 'nothing read'}"
    return docs[0]


def evaluate_file(gold: Path, dictionaries: Path | None = None, shared: Path | None = None,
                  limit: int | None = None, split: str | None = None,
                  processor=None) -> tuple[RealNewsScore, list[dict]]:
    """Ingest and code every article the gold file names, and score it. Returns the score and
    the coded articles ({id, title, date, events}) for inspection."""
    from eventscope.coding.modality_codes import withheld_reason
    from eventscope.evaluation.records import read_gold
    from eventscope.pipeline import Processor

    records, _ = read_gold(gold, need_text=False)
    if split:
        records = [r for r in records if r.get("split", "dev") == split]
    records = records[:limit] if limit else records
    shared = shared or find_shared(gold)
    score = RealNewsScore()
    loaded: list[tuple[dict, Document]] = []
    for record in records:
        doc = load_document(record["origin"], shared) if shared else "shared folder not found"
        if isinstance(doc, str):
            score.missing.append(doc)
        else:
            loaded.append((record, doc))
    processor = processor or Processor(dictionaries)
    coded = []
    results = processor.process([doc for _, doc in loaded])
    for (record, doc), result in zip(loaded, results):
        events = [contract_with_mentions(e) for e in result.events]
        withheld = [dict(contract_with_mentions(e), withheld=withheld_reason(e)) for e in result.withheld]
        score_article(record, events, score, text=doc.text, withheld_events=withheld)
        coded.append({"id": record["id"], "title": doc.title, "date": doc.date,
                      "source": doc.source, "events": events, "withheld": withheld})
    return score, coded
