"""Score the coder's events for one article of the team's real-news dev set (eval/realnews/,
see its README) against its gold; realnews_run.py loads the articles and codes them.

The unit scored is the distinct (source country, target country, PLOVER type) triple of an
article: an analyst lists a real event once however often the article repeats it, and two
coders agree on what happened more readily than on which sentence to anchor it to.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from eventscope.knowledge.actor_files import contract_country

NONE = "-"  # no country, or no target
STATEMENT_ROOTS = {"01"}  # CAMEO "make public statement": a statement that is no act


def _country(actor: dict) -> str:
    """The actor's country as the contract output gives it (no mapping here: what `eventscope
    code` writes is what any scorer reads)."""
    return str(actor.get("country") or NONE).upper()


def event_triples(event: dict) -> set[tuple[str, str, str]]:
    """(source country, target country, PLOVER type) for every source x target pair."""
    plover = event.get("plover") or NONE
    sources = {_country(a) for a in event.get("source") or []} or {NONE}
    targets = {_country(a) for a in event.get("target") or []} or {NONE}
    return {(s, t, plover) for s in sources for t in targets}


def _normal(text: str) -> str:
    return " ".join(re.sub(r"[\u201c\u201d\u2018\u2019\"']", "", text).split()).casefold()


def quote_sentence(text: str, quote: str | None) -> tuple[int, int] | None:
    """Where the sentence holding a gold quote stands in the text (start, end characters),
    matched as `_normal` matches; None when the quote is not found."""
    normal = _normal(quote or "")
    if not normal:
        return None
    chars, where = [], []  # the normalised text and, per character, its offset in `text`
    for i, ch in enumerate(text):
        if ch in "\u201c\u201d\u2018\u2019\"'":
            continue
        if ch.isspace():
            if chars and chars[-1] != " ":
                chars.append(" "), where.append(i)
            continue
        for folded in ch.casefold():
            chars.append(folded), where.append(i)
    at = "".join(chars).find(normal)
    if at < 0:
        return None
    start, end = where[at], where[min(at + len(normal), len(where)) - 1] + 1
    before = max(text.rfind(mark, 0, start) for mark in (". ", "! ", "? ", "\n"))
    after = [i for i in (text.find(mark, end) for mark in (". ", "! ", "? ", "\n")) if i >= 0]
    return before + 1, min(after) if after else len(text)


def _in_sentence_of(events: list[dict], entries: list[dict], triple, text: str) -> bool:
    """Is one of `events` that has `triple` read from the sentence of a gold entry that has
    it? A quote not found in the text counts as that sentence."""
    spans = [e["span"] for e in events if triple in event_triples(e) and e.get("span")]
    if not spans:
        return False
    for entry in entries:
        if triple not in event_triples(entry):
            continue
        sentence = quote_sentence(text, entry.get("quote")) if text else None
        if sentence is None or any(a < sentence[1] and sentence[0] < b for a, b in spans):
            return True
    return False


def scope_end(text: str, quote: str | None) -> int | None:
    """Character offset where the coded part of a long article ends (None: all of it)."""
    if not quote:
        return None
    normal = _normal(quote)
    # Map normalised offsets back by scanning sentences of the original text.
    position = 0
    for line in re.split(r"(?<=[.!?\n])", text):
        position += len(line)
        if normal and normal in _normal(line):
            return position
    return None


def furniture_spans(text: str, furniture: list[str]) -> list[tuple[int, int]]:
    """Where the furniture lines the coders listed (datelines, bylines, credits) stand in the
    ingested text: an event read from there was read from furniture."""
    spans = []
    for line in furniture:
        words = line.split()
        if not words:
            continue
        pattern = r"\s+".join(re.escape(w) for w in words)
        spans += [(m.start(), m.end()) for m in re.finditer(pattern, text)]
    return spans


def is_furniture(actor: dict, furniture: list[str], spans: list[tuple[int, int]] = ()) -> bool:
    """An actor read from a dateline, byline or credit: its words are a whole furniture line
    ("NEW DELHI:", "Reuters Staff"), or its mention lies inside one."""
    written = _normal(actor.get("text") or actor.get("name") or "").strip(" :-")
    if not written:
        return False
    if any(written == _normal(line).strip(" :-") for line in furniture):
        return True
    start = actor.get("start", -1)
    return start is not None and start >= 0 and any(a <= start < b for a, b in spans)


@dataclass
class RealNewsScore:
    articles: int = 0
    missing: list[str] = field(default_factory=list)
    gold: int = 0  # gold triples
    predicted: int = 0  # predicted triples
    matched_gold: int = 0
    matched_predicted: int = 0
    predicted_events: int = 0
    statement_events: int = 0  # CAMEO 01 or no PLOVER type
    furniture_events: int = 0
    not_done_as_done: int = 0  # predicted triples that are gold not-done acts
    # ... of which an event with the triple was read from the not-done act's own sentence
    # (the others are another act that happens to share its actors and type)
    not_done_in_sentence: int = 0
    done_withheld: int = 0  # gold triples not predicted that the coder read in their sentence but
    # withheld as not done (DocumentResult.withheld)
    # PLOVER type where the dyad is right: predicted triples whose (source, target) country
    # pair is a gold pair of the article, and how many of them have a gold type of that pair
    on_gold_dyad: int = 0
    on_gold_dyad_typed: int = 0
    errors: Counter = field(default_factory=Counter)
    examples: list[dict] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.matched_predicted / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        return self.matched_gold / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def type_given_dyad(self) -> float:
        """Of the predicted triples whose dyad is a gold dyad, the share with a gold type."""
        return self.on_gold_dyad_typed / self.on_gold_dyad if self.on_gold_dyad else 0.0

    def share(self, n: int) -> float:
        return n / self.predicted_events if self.predicted_events else 0.0

    def summary_line(self, name: str) -> str:
        return (f"SUMMARY file={name} n={self.articles} realnews_P={self.precision:.3f} "
                f"realnews_R={self.recall:.3f} realnews_F1={self.f1:.3f} "
                f"statement_share={self.share(self.statement_events):.3f} "
                f"furniture_events={self.furniture_events} not_done_as_done={self.not_done_as_done} "
                f"not_done_in_sentence={self.not_done_in_sentence} done_withheld={self.done_withheld} "
                f"type_given_dyad={self.type_given_dyad:.3f} "
                f"events_pred={self.predicted_events} triples_gold={self.gold} "
                f"triples_pred={self.predicted} missing={len(self.missing)}")


def _explain_false_positive(triple, gold: set, not_done: set) -> str:
    s, t, p = triple
    if p == NONE:
        return "FP: no PLOVER type (bare statement)"
    if triple in not_done:
        return "FP: act not done coded as done"
    if any(g[0] == s and g[1] == t for g in gold):
        return "FP: right dyad, wrong type"
    if any(g[2] == p and g[0] == s for g in gold):
        return "FP: right source and type, wrong target"
    if any(g[2] == p and g[1] == t for g in gold):
        return "FP: right target and type, wrong source"
    if any(g[2] == p for g in gold):
        return "FP: type in article, both actors wrong"
    return "FP: no such event in the article"


def _explain_false_negative(triple, predicted: set) -> str:
    s, t, p = triple
    if any(q[0] == s and q[1] == t for q in predicted):
        return "FN: dyad found, other type"
    if any(q[2] == p and q[0] == s for q in predicted):
        return "FN: source and type found, target differs"
    if any(q[2] == p and q[1] == t for q in predicted):
        return "FN: target and type found, source differs"
    if any(q[2] == p for q in predicted):
        return "FN: type found, actors differ"
    return "FN: not found at all"


def score_article(record: dict, predicted_events: list[dict], score: RealNewsScore,
                  text: str = "", withheld_events: list[dict] = ()) -> None:
    """Add one article's gold and predictions (contract events, with `actor text` when known).
    `withheld_events`: the events the coder read but withheld as not done (DocumentResult.withheld);
    a gold triple missed that one of them has is a done act withheld."""
    end = scope_end(text, record.get("scope_end_quote"))
    events = [e for e in predicted_events if end is None or e.get("span", [0])[0] < end]
    withheld = [e for e in withheld_events if end is None or e.get("span", [0])[0] < end]
    gold = set().union(*(event_triples(e) for e in record.get("events", []))) if record.get("events") else set()
    not_done = set().union(*(event_triples(e) for e in record.get("not_done", []))) if record.get("not_done") else set()
    predicted: set = set()
    furniture = record.get("furniture") or []
    spans = furniture_spans(text, furniture) if text else []
    for event in events:
        predicted |= event_triples(event)
        score.predicted_events += 1
        if not event.get("plover") or str(event.get("cameo") or "")[:2] in STATEMENT_ROOTS:
            score.statement_events += 1
        if any(is_furniture(a, furniture, spans) for a in (event.get("source") or []) + (event.get("target") or [])):
            score.furniture_events += 1
            score.errors["event with a furniture actor"] += 1
    score.articles += 1
    score.gold += len(gold)
    score.predicted += len(predicted)
    score.matched_gold += len(gold & predicted)
    score.matched_predicted += len(predicted & gold)
    gold_dyads = {(s, t) for s, t, _ in gold}
    on_dyad = {triple for triple in predicted if triple[:2] in gold_dyads}
    score.on_gold_dyad += len(on_dyad)
    score.on_gold_dyad_typed += len(on_dyad & gold)
    for triple in sorted(predicted - gold):
        if triple in not_done:
            score.not_done_as_done += 1
            score.not_done_in_sentence += _in_sentence_of(events, record.get("not_done") or [], triple, text)
        reason = _explain_false_positive(triple, gold, not_done)
        score.errors[reason] += 1
        score.examples.append({"id": record["id"], "error": reason, "triple": list(triple)})
    for triple in sorted(gold - predicted):
        reason = _explain_false_negative(triple, predicted)
        score.errors[reason] += 1
        example = {"id": record["id"], "error": reason, "triple": list(triple)}
        if withheld and _in_sentence_of(withheld, record.get("events") or [], triple, text):
            score.done_withheld += 1
            example["withheld"] = True  # the coder read this act and withheld it as not done
        score.examples.append(example)


def contract_with_mentions(event) -> dict:
    """The `code` contract record of an Event, each actor also giving the words it was read
    from, with the event's trigger and evidence: what an error analysis needs."""
    record = event.to_contract(contract_country)
    record["trigger"], record["evidence"] = event.trigger, event.evidence_text
    for side in ("source", "target"):
        for out, actor in zip(record[side], getattr(event, side)):
            out["text"], out["start"] = actor.text, actor.start
    return record


def render(score: RealNewsScore, name: str) -> str:
    lines = [f"real-news dev: {name} ({score.articles} articles"
             + (f", {len(score.missing)} not found" if score.missing else "") + ")",
             f"  (source country, target country, PLOVER type) per article:",
             f"    precision {score.precision:.3f}  ({score.matched_predicted}/{score.predicted})",
             f"    recall    {score.recall:.3f}  ({score.matched_gold}/{score.gold})",
             f"    F1        {score.f1:.3f}",
             f"  PLOVER type where the dyad is right: {score.type_given_dyad:.3f} "
             f"({score.on_gold_dyad_typed}/{score.on_gold_dyad} predicted triples on a gold dyad)",
             f"  events coded {score.predicted_events}; bare statements "
             f"{score.share(score.statement_events):.1%}; with a furniture actor {score.furniture_events}; "
             f"acts not done coded as done {score.not_done_as_done} "
             f"({score.not_done_in_sentence} read from the act's sentence); "
             f"done acts withheld as not done {score.done_withheld}",
             "  errors:"]
    for reason, n in score.errors.most_common():
        lines.append(f"    {n:4d}  {reason}")
    return "\n".join(lines)
