"""Derive our verb and event-noun patterns from PETRARCH2's CAMEO.2.0 verb dictionary.

Usage:  python tools/build_verb_knowledge.py [PETRARCH_DIR]   (default: ../shared/reference/petrarch2)

Writes ``eventscope/coding/data/cameo_verbs.tsv`` (patterns) and ``cameo_verb_forms.tsv``
(each verb's inflected forms), in our own verbs.tsv format, with the MIT notice of the source
in a header line and in ``cameo_verbs.NOTICE`` beside them. The file is read by
``knowledge.verb_lexicon`` under our own lexicon (ours wins where both have a pattern).

The dictionary is read by ``knowledge.petrarch_verbs`` (blocks, verbs, synsets spelled out);
this tool only turns its patterns into rows. Decisions, so the output can be audited:

* A verb's default row is its own code or its block's; a block coded ``[---]`` gives no
  default (its verbs code only through their patterns: "stage" is nothing, "stage a strike"
  is 143). Multi-word verbs become a particle key ("call off") or, when the second word is a
  noun, a light verb with that object ("take leave").
* A pattern keeps the words after the verb: a particle first ("- * OUT VIEWS") joins the verb
  key, function words are dropped, the content words are all required ("+"), each with its
  plural/singular spelling ("|"). A pattern with only a preposition becomes the key "verb prep"
  ("agree (with)"). Patterns with words before the verb (subject constraints), negations or
  more than three content words are left out: our object matching has no word order.
* Only patterns written for the verb are kept: the comment after a pattern names the verb it
  was written for (or its block has one verb). PETRARCH applies every pattern of a block to
  every verb of the block; those inherited patterns ("base * strike" from "stage * strike",
  about 55,000) are left out: they code worse than nothing.
* Codes are kept fine (no XX0 fallback); ``[---]``, doubtful (``?``) and unknown codes are
  dropped; of a pair ``[032:033]`` the source -> target code is kept.
* When one (verb, objects) has several codes, the first in the file wins. Output is sorted: running the tool twice gives the same bytes.
"""

from __future__ import annotations

import re
import sys
from itertools import product
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from eventscope.knowledge import taxonomy  # noqa: E402
from eventscope.knowledge.inflection import verb_forms  # noqa: E402
from eventscope.knowledge.petrarch_verbs import VerbDictionary  # noqa: E402

OUT_DIR = ROOT / "eventscope" / "coding" / "data"
PATTERNS_FILE = "cameo_verbs.tsv"
FORMS_FILE = "cameo_verb_forms.tsv"
NOTICE_FILE = "cameo_verbs.NOTICE"
SOURCE = "CAMEO.2.0.txt"
PARTICLES = {"off", "out", "up", "down", "back", "over", "away", "aside", "forward", "in", "on", "through"}
PREPOSITIONS = {"to", "with", "on", "for", "against", "from", "into", "of", "at", "in", "about",
                "by", "between", "over", "toward", "towards", "under", "after", "upon", "across"}
FUNCTION_WORDS = PREPOSITIONS | {
    "a", "an", "the", "its", "his", "her", "their", "our", "my", "your", "this", "that", "these",
    "those", "it", "them", "him", "itself", "themselves", "and", "or", "as", "be", "is", "are",
    "was", "were", "been", "will", "would", "to", "up", "out", "off", "down", "back", "one", "own",
    "some", "any", "all", "more", "new", "s", "'s",
}
NEGATIONS = {"not", "n't", "no", "never", "without"}
MAX_CONTENT_WORDS = 3
HEADER = ("# Derived by tools/build_verb_knowledge.py from PETRARCH2's CAMEO.2.0.txt verb dictionary\n"
          "# (Copyright (c) 2015 Open Event Data Alliance, MIT License: see cameo_verbs.NOTICE).\n"
          "# Do not edit: rerun the tool. Columns as in verbs.tsv (objects: '+' joins words that are all\n"
          "# needed, '|' alternatives), plus the dictionary line of the pattern (none: the verb's own code).\n")


def word_forms(word: str) -> list[str]:
    """A pattern word and its other number: "rallies" -> rallies|rally, "strike" -> strike|strikes."""
    forms = {word}
    if word.endswith("ies") and len(word) > 4:
        forms.add(word[:-3] + "y")
    elif word.endswith(("ses", "xes", "ches", "shes")):
        forms.add(word[:-2])
    elif word.endswith("s") and not word.endswith(("ss", "us", "is")) and len(word) > 3:
        forms.add(word[:-1])
    elif word.endswith(("s", "x", "ch", "sh")):
        forms.add(word + "es")
    elif word.isalpha():
        forms.add(word[:-1] + "ies" if word.endswith("y") and word[-2:-1] not in "aeiou" else word + "s")
    return sorted(forms)


def clean(word: str) -> str:
    return word.strip("{}()").lower()


def comments(path: Path) -> dict[int, str]:
    """line number -> the verb named in the line's trailing comment ("# STAGE")."""
    found = {}
    for lineno, line in enumerate(path.read_text(encoding="utf-8", errors="replace").splitlines(), 1):
        if line.lstrip().startswith("-") and "#" in line:
            m = re.match(r"\s*([A-Z][A-Z_+\-']*)", line.split("#", 1)[1])
            if m:
                found[lineno] = m[1].replace("+", "").replace("_", " ").lower()
    return found


def derive(path: Path) -> tuple[list[tuple], dict[str, list[str]]]:
    """(rows, forms): rows are (verb, objects, cameo, line); forms: head verb -> forms."""
    dictionary = VerbDictionary.read(path)
    named = comments(path)
    block_sizes: dict[int, set[str]] = {}
    for p in dictionary.patterns:  # verbs sharing a pattern line share a block
        block_sizes.setdefault(_line(p.label), set()).add(p.verb)
    groups: dict[tuple, set] = {}  # (verb key, code, line) -> content words of each expansion
    forms: dict[str, set[str]] = {}
    for p in dictionary.patterns:
        if not p.code or not taxonomy.is_cameo(p.code) or p.head != 0:
            continue
        verb_key, verb_objects = _verb_key(p.words)
        verb_at = next((i for i, e in enumerate(p.elements) if e.kind == "verb"), None)
        if verb_key is None or verb_at is None or any(e.kind in ("word", "synset") for e in p.elements[:verb_at]):
            continue  # a subject constraint: our objects have no order
        line = _line(p.label)
        own = p.verb.lower().replace("+", "").replace("_", " ") == named.get(line) \
            or len(block_sizes.get(line, ())) == 1 or line == 0
        if not own:
            continue  # inherited from a synonym in the block
        for post in _spelled_out(p.elements[verb_at + 1:]):
            found = _content(verb_key, verb_objects, post)
            if found is None:
                continue
            key, content = found
            forms.setdefault(key.split()[0], set()).update(p.forms)
            groups.setdefault((key, p.code, line), set()).add(content)
    rows: dict[tuple[str, str], tuple] = {}
    for (key, code, line), contents in groups.items():
        objects = _objects(contents)
        old = rows.get((key, objects))
        if old is None or line < old[3]:
            rows[(key, objects)] = (key, objects, code, line)
    for head in list(forms):
        forms[head] |= verb_forms(head)
    return sorted(rows.values()), {h: sorted(f) for h, f in sorted(forms.items())}


def _spelled_out(elements) -> list[list[str]]:
    """The word sequences after the verb, each synset spelled out as each of its phrases."""
    options: list[list[tuple[str, ...]]] = []
    for e in elements:
        if e.kind == "word" and clean(e.word):
            options.append([(clean(e.word),)])
        elif e.kind == "synset":
            options.append([tuple(clean(a.word) for a in alt if a.kind == "word" and clean(a.word))
                            for alt in e.alternatives] or [("&" + e.word.lower(),)])
    return [[w for part in combo for w in part] for combo in product(*options)]


def _content(key: str, objects: list[str], post: list[str]) -> tuple[str, tuple[str, ...]] | None:
    """(verb key, content words) of one spelled-out pattern, or None when it is not ours."""
    if any(w in NEGATIONS for w in post):
        return None
    if post and post[0] in PARTICLES and " " not in key and not objects and len(post) > 1:
        key, post = f"{key} {post[0]}", post[1:]
    content = objects + [w for w in post if w not in FUNCTION_WORDS and re.search(r"[a-z]", w)]
    if not content and len(post) == 1 and post[0] in PREPOSITIONS | PARTICLES and " " not in key:
        key, post = f"{key} {post[0]}", []
    elif not content and post:
        return None  # only function words we cannot place ("- * (FROM ^)")
    if len(content) > MAX_CONTENT_WORDS or any(w.startswith("&") for w in content):
        return None  # too long for our unordered objects, or an unknown synset
    return key, tuple(content)


def _objects(contents: set[tuple[str, ...]]) -> str:
    """One pattern line's object: its words all required ("peace+plan"); a synset spelled out
    into several phrases gives alternatives for its last word ("joint+drill|manoeuvre") or,
    when its phrases differ before that, any one of their head words ("weapon|rifle|...")."""
    if contents == {()}:
        return "-"
    prefixes = {words[:-1] for words in contents if words}
    prefix = next(iter(prefixes)) if len(prefixes) == 1 else ()  # "joint &DRILL": joint+drill|manoeuvre
    last = sorted({f for words in contents if words for f in word_forms(words[-1])})
    return "+".join(["|".join(word_forms(w)) for w in prefix] + ["|".join(last)])


def _line(label: str) -> int:
    m = re.match(r"\S+:(\d+)", label)
    return int(m[1]) if m else 0


def _verb_key(words: tuple[str, ...]) -> tuple[str | None, list[str]]:
    """'call off' -> key; 'take leave' -> key 'take' with object 'leave'; longer: not ours."""
    words = tuple(clean(w) for w in words)
    if not words[0].isalpha():
        return None, []
    if len(words) == 1:
        return words[0], []
    if len(words) == 2 and words[1] in PARTICLES | PREPOSITIONS:
        return " ".join(words), []
    if len(words) == 2 and words[1].isalpha():
        return words[0], [words[1]]
    return None, []


def render(rows: list[tuple], forms: dict[str, list[str]]) -> tuple[str, str]:
    patterns = HEADER + "verb\tobjects\tcameo\tsource\n" + "".join(
        f"{key}\t{objects}\t{code}\t{SOURCE}{f':{line}' if line else ''}\n" for key, objects, code, line in rows)
    form_text = HEADER + "verb\tforms\n" + "".join(f"{h}\t{'|'.join(f)}\n" for h, f in forms.items())
    return patterns, form_text


def notice(directory: Path) -> str:
    licence = (directory / "LICENSE").read_text(encoding="utf-8")
    return ("cameo_verbs.tsv and cameo_verb_forms.tsv are derived from CAMEO.2.0.txt, the verb\n"
            "dictionary of PETRARCH2 (https://github.com/openeventdata/petrarch2), under this licence:\n\n"
            + licence)


def main(argv: list[str]) -> int:
    directory = Path(argv[0]) if argv else ROOT.parent / "shared" / "reference" / "petrarch2"
    source = directory / SOURCE
    if not source.is_file():
        print(f"{source}: not found (give the PETRARCH2 dictionary folder)", file=sys.stderr)
        return 2
    rows, forms = derive(source)
    patterns, form_text = render(rows, forms)
    (OUT_DIR / PATTERNS_FILE).write_text(patterns, encoding="utf-8")
    (OUT_DIR / FORMS_FILE).write_text(form_text, encoding="utf-8")
    (OUT_DIR / NOTICE_FILE).write_text(notice(directory), encoding="utf-8")
    print(f"{len(rows)} patterns for "
          f"{len({r[0] for r in rows})} verb keys -> {OUT_DIR / PATTERNS_FILE}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
