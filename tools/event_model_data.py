"""Training examples for the event encoder (tools/train_event_model.py), with their CV groups.

Every example is a sentence, the span of its candidate trigger (the parse's main verb, marked
in half the examples so that the model reads marked and unmarked input alike), the labels it
has (a missing head is masked in training) and its group: examples of one group always
share a fold, so near-identical texts never straddle folds.

Sources (all that we may train on; benchmark sentences never are):
- Multi-CoPED train: class5; groups join sentences whose word 3-shingles overlap >= 0.5;
- synthetic PLOVER stories (silver): PLOVER type and mode, from the filled-in headline and
  the first sentence of a few stories per headline template; group = the template;
- PETRARCH unit tests: CAMEO root (and its class5 and PLOVER type) of the first event;
  near-duplicate groups as for Multi-CoPED;
- the acts we wrote from the CAMEO codebook (data/written_acts.tsv) in modality frames
  (data/written_frames.tsv): modality, and the act's categories where the frame keeps them;
  group = the act, so its frames never straddle folds;
- the real-news dev set's split == "train" records, when the file exists (heldout: never).
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass, field
from pathlib import Path

from eventscope.knowledge import taxonomy

ROOTS = [f"{n:02d}" for n in range(1, 21)]
MODALITIES = ["done", "negated", "intended", "requested", "hypothetical", "reported"]
NO_PLOVER = "NONE"  # CAMEO 01 statements: no PLOVER type
# fillers for the template slots of generated headlines ("{country_1}")
FILLERS = ["Norland", "Estavia", "Korvania", "Belmora", "Tarsis", "Valdoria", "Ostrava", "Meridia"]
SLOT = re.compile(r"\{([a-z_]+?)_?(\d*)\}")


@dataclass
class Example:
    id: str
    text: str
    span: tuple[int, int] | None
    labels: dict[str, str]
    group: str
    source: str
    extra: dict = field(default_factory=dict)


def stable(*parts) -> int:
    """A hash that is the same in every process (Python's hash() is salted)."""
    return int(hashlib.sha1("|".join(map(str, parts)).encode()).hexdigest()[:8], 16)


def _words(text: str) -> list[str]:
    return re.findall(r"[a-z]+", text.lower())


def near_duplicate_groups(texts: list[str], prefix: str, threshold: float = 0.5) -> list[str]:
    """Group ids joining texts whose word 3-shingle sets overlap (Jaccard) >= threshold."""
    shingles = [set(zip(w, w[1:], w[2:])) or {tuple(w)} for w in map(_words, texts)]
    parent = list(range(len(texts)))

    def find(i):
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    by_shingle: dict[tuple, list[int]] = {}
    for i, s in enumerate(shingles):
        for sh in s:
            by_shingle.setdefault(sh, []).append(i)
    for i, s in enumerate(shingles):
        candidates = {j for sh in s for j in by_shingle[sh] if j > i}
        for j in candidates:
            if len(s & shingles[j]) / len(s | shingles[j]) >= threshold:
                parent[find(j)] = find(i)
    return [f"{prefix}:{find(i)}" for i in range(len(texts))]


def _read(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.open(encoding="utf-8") if line.strip()]


def _cameo_labels(code: str) -> dict[str, str]:
    entry = taxonomy.cameo(code)
    if entry.root not in ROOTS:
        return {}
    return {"cameo": entry.root, "class5": str(taxonomy.class5(code)), "plover": entry.plover or NO_PLOVER}


def multicoped(path: Path) -> list[Example]:
    records = [r for r in _read(path) if r.get("events") and r["events"][0].get("class5") is not None]
    groups = near_duplicate_groups([r["text"] for r in records], "coped")
    return [Example(str(r["id"]), r["text"], None, {"class5": str(r["events"][0]["class5"])}, g, "multicoped")
            for r, g in zip(records, groups)]


def fill_slots(title: str, seed: str) -> str:
    return SLOT.sub(lambda m: FILLERS[(stable(seed, m.group(0))) % len(FILLERS)], title)


def first_sentence(text: str) -> str:
    head = text.strip().split("\n")[0]
    return re.split(r"(?<=[.!?])\s+(?=[A-Z\"'])", head)[0][:400]


def synthetic(path: Path, per_template: int) -> list[Example]:
    """A headline and the first sentences of `per_template` stories per headline template;
    `extra["template"]` names the group of every story of the file (for the coder's CV)."""
    out, seen = [], {}
    for r in _read(path):
        event = r["events"][0]
        plover = str(event.get("plover") or "").upper()
        if plover not in taxonomy.plover_types():
            continue
        mode = taxonomy.canonical_mode(plover, event.get("plover_mode")) if event.get("plover_mode") else None
        labels = {"plover": plover}
        if taxonomy.plover_modes(plover):
            labels["mode"] = f"{plover}/{mode or ''}"
        group = f"syn:{r['title']}"
        n = seen.get(group, 0)
        seen[group] = n + 1
        if n == 0:
            out.append(Example(f"{r['id']}:title", fill_slots(r["title"], r["id"]), None, labels, group, "synthetic"))
        if n < per_template:
            out.append(Example(str(r["id"]), first_sentence(r["text"]), None, dict(labels), group, "synthetic"))
    return out


def petrarch(path: Path) -> list[Example]:
    records = [r for r in _read(path) if r.get("events") and _cameo_labels(str(r["events"][0].get("cameo", "")))]
    groups = near_duplicate_groups([r["text"] for r in records], "petrarch")
    return [Example(str(r["id"]), r["text"], None, _cameo_labels(str(r["events"][0]["cameo"])), g, "petrarch")
            for r, g in zip(records, groups)]


def _tsv(path: Path) -> list[list[str]]:
    rows = []
    for number, line in enumerate(path.open(encoding="utf-8"), 1):
        if line.strip() and not line.startswith("#"):
            row = [cell.strip() for cell in line.rstrip("\n").split("\t")]
            if len(row) != 3 or not all(row):
                raise ValueError(f"{path}:{number}: want three tab-separated cells: {line.strip()[:80]!r}")
            rows.append(row)
    return rows


SOURCES = ["the government", "the army", "rebel fighters", "the police", "the prime minister",
           "opposition leaders", "the foreign ministry", "the militia", "the president", "union leaders"]
TARGETS = ["the rebels", "the neighbouring state", "the opposition", "the delegation", "the villagers",
           "the ruling party", "the central government", "the border guards"]
THIRD = ["the United Nations", "western diplomats", "the regional bloc", "church leaders"]


FRAMES_PER_MODALITY = 2  # with one frame per modality the modality head read most real-news
# acts not done as done (macro-F1 0.353 on the real-news train quotes)


def written(acts_path: Path, frames_path: Path, per_modality: int = FRAMES_PER_MODALITY) -> list[Example]:
    """Each written act in `per_modality` distinct frames of each modality (chosen by a
    stable hash)."""
    frames = _tsv(frames_path)
    out = []
    for code, base, past in _tsv(acts_path):
        labels = _cameo_labels(code)
        if not labels:
            raise ValueError(f"{acts_path}: {code!r} is no CAMEO code of roots 01-20")
        for modality in MODALITIES:
            options = [f for f in frames if f[0] == modality and not (f[1] == "threat" and labels["cameo"] == "13")]
            options.sort(key=lambda f: stable(code, modality, f[2]))
            for n, (_, category, frame) in enumerate(options[:per_modality]):
                out.append(_framed(code, modality, n, category, frame, base, past, labels))
    return out


def _framed(code: str, modality: str, n: int, category: str, frame: str, base: str, past: str,
            labels: dict[str, str]) -> Example:
    k = stable(code, frame)
    target = TARGETS[k % len(TARGETS)]
    sentence = frame.format(S=SOURCES[k % len(SOURCES)], R=THIRD[k % len(THIRD)],
                            base=base.format(T=target), past=past.format(T=target))
    sentence = sentence[0].upper() + sentence[1:]
    own = {"modality": modality}
    if category == "act":
        own.update(labels)
    elif category == "threat":
        own.update(_cameo_labels("138"))
    return Example(f"written:{code}:{modality}:{n}", sentence, None, own, f"written:{code}", "written")


# the real-news gold's not_done modalities in ours ("expected": a future act someone else predicts)
REALNEWS_MODALITY = {"negated": "negated", "intended": "intended", "expected": "intended",
                     "requested": "requested", "hypothetical": "hypothetical", "uncertain": "reported"}


def realnews_train(path: Path, split: str = "train", sentences_of=None) -> list[Example]:
    """The real-news dev set's split == "train" records (never heldout): each event's quote
    with its gold categories and modality "done"; each not_done act's quote with its
    modality (and its categories only when uncertain, as for "reported" frames). Group = the
    article, so an article's events share a fold.

    `sentences_of(record)`: the article's sentences (texts, as the pipeline splits them), or
    None. When given, each act whose quote lies in one sentence is also an example of that
    whole sentence (source "realnews_sentence", the quote's span as `extra["quote_span"]`,
    for `mark_triggers`): the coder's judge reads whole sentences with a trigger marked, a
    quote is shorter than what the model reads at run time."""
    if not path.exists():
        return []
    out = []
    for r in _read(path):
        if r.get("split") != split:
            continue
        group = f"realnews:{r.get('origin', r['id'])}"
        sentences = sentences_of(r) if sentences_of is not None else None
        acts = [(e, "done") for e in r.get("events") or []]
        acts += [(e, REALNEWS_MODALITY.get(e.get("modality"))) for e in r.get("not_done") or []]
        for k, (event, modality) in enumerate(acts):
            text = event.get("quote")
            if not text or not modality:
                continue
            labels = {"modality": modality}
            if modality in ("done", "reported"):
                labels.update(_cameo_labels(str(event["cameo"])) if event.get("cameo") else {})
                plover = str(event.get("plover") or "").upper()
                if plover in taxonomy.plover_types():
                    labels["plover"] = plover
            out.append(Example(f"{r['id']}:{k}", text, None, labels, group, "realnews"))
            found = sentence_of_quote(text, sentences) if sentences else None
            if found is not None:
                sentence, span = found
                out.append(Example(f"{r['id']}:{k}:sentence", sentence, None, dict(labels), group,
                                   "realnews_sentence", {"quote_span": span}))
    return out


def _squeeze(text: str) -> tuple[str, list[int]]:
    """`text` with whitespace runs as one space, and each kept character's offset in `text`."""
    chars, offsets = [], []
    for at, ch in enumerate(text):
        if ch.isspace():
            if chars and chars[-1] == " ":
                continue
            ch = " "
        chars.append(ch)
        offsets.append(at)
    return "".join(chars), offsets


def sentence_of_quote(quote: str, sentences: list[str]) -> tuple[str, tuple[int, int]] | None:
    """(the sentence that contains `quote`, the quote's character span in it), whitespace
    runs read as one space; None when no one sentence holds the whole quote."""
    needle, _ = _squeeze(quote.strip())
    if not needle:
        return None
    for sentence in sentences:
        hay, offsets = _squeeze(sentence)
        at = hay.find(needle)
        if at >= 0:
            return sentence, (offsets[at], offsets[at + len(needle) - 1] + 1)
    return None


def mark_triggers(examples: list[Example], nlp) -> None:
    """Set each example's span to its sentence's main verb in half the examples (stable choice);
    an example with a `quote_span` (a real-news act in its whole sentence) always gets the
    quote's main verb, as the coder marks its trigger in every clause it asks about."""
    for example, doc in zip(examples, nlp.pipe((e.text for e in examples), batch_size=64)):
        if "quote_span" in example.extra:
            example.span = quote_trigger(doc, example.extra["quote_span"])
            continue
        if stable(example.id, "mark") % 2:
            continue
        sent = next(iter(doc.sents), None)
        root = sent.root if sent is not None else None
        if root is not None and root.pos_ in ("VERB", "AUX"):
            example.span = (root.idx, root.idx + len(root.text))


def quote_trigger(doc, quote_span: tuple[int, int]) -> tuple[int, int] | None:
    """The span of the main verb of the quoted words in a parsed sentence: of the quote's
    verbs, the one that governs most of its words (the first of equals); None without a verb."""
    start, end = quote_span
    inside = {t.i for t in doc if start <= t.idx and t.idx + len(t.text) <= end}
    verbs = [doc[i] for i in sorted(inside) if doc[i].pos_ in ("VERB", "AUX")]
    if not verbs:
        return None
    verb = max(verbs, key=lambda v: (sum(t.i in inside for t in v.subtree), -v.i))
    return verb.idx, verb.idx + len(verb.text)
