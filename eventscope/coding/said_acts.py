"""Acts inside what was said: a demand that another must act, and a judgement that is itself
an act.

"Kenya said Uganda must withdraw" demands it of Uganda (modality.tsv `obligation`). (Reading
"needs to" / "has to" so too was tried: real-news held-out 2 false triples more, none found.)
"Moon said having a dialogue with the
North is impossible" rejects the dialogue; "told lawmakers that Trump's request was
inappropriate" criticizes Trump; "said the Swedish government's move was welcome" endorses it:
a statement whose reported clause is "<subject> is <judging adjective>" (data/evaluations.tsv).
The judged subject is an act (a gerund or clause: "having a dialogue") or a noun with a party
of its own (a possessive or a name compounded with it: "Trump's request"); a bare noun ("the
situation is dangerous") judges no one and codes nothing. Only our own speech verbs count:
CAMEO.2.0's statements include verbs of thought ("Beijing has calculated that suppression
should be avoided" demands nothing).
"""

from __future__ import annotations

from functools import lru_cache
from typing import Callable

from spacy.tokens import Token

from eventscope.coding import clauses
from eventscope.coding.frames import apply_frame
from eventscope.coding.selection import STATEMENT_ROOT, Candidate
from eventscope.knowledge import taxonomy
from eventscope.knowledge.tsv import CODING_DATA, read_tsv
from eventscope.knowledge.verb_lexicon import Lexicon, VerbPattern

AGAINST, FOR = "against", "for"
CRITICIZE, ENDORSE = "111", "051"  # CAMEO codes of a judgement of a party's move
JUDGED = "judged"  # the frame of a party's move judged: the party is the target (coding.targets)
COPULAS = {"be", "remain", "seem", "look", "sound"}
OWNER_DEPS = {"poss", "compound"}  # "Trump's request", "the Obama administration decision"
OWNER_ENTITIES = {"GPE", "NORP", "ORG", "PERSON"}
SELF_SUBJECTS = {"i", "we", "it", "there", "this", "that", "one", "you"}  # "we must act": no request of another

PatternOf = Callable[[Token], "tuple[VerbPattern, str, bool] | None"]


def cooperative(code: str) -> bool:
    """A cooperative act other than a statement (CAMEO 02-08): refusing it is a rejection."""
    info = taxonomy.cameo(code)
    return info.quad_class in (1, 2) and info.root != STATEMENT_ROOT


def is_speech(token: Token, lexicon: Lexicon) -> bool:
    """A verb of our own lexicon's statements ("said", "told")."""
    return any(p.cameo.startswith(STATEMENT_ROOT) and not p.derived for k in clauses.verb_keys(token)
               for p in lexicon.verbs.get(k, ()))


def obliged_clause(token: Token, lexicon: Lexicon) -> Token | None:
    """The clause a statement says someone else should or must do ("Kenya said
    Uganda must withdraw"); not the speaker's own ("we must")."""
    if not is_speech(token, lexicon):
        return None
    for clause in clauses.said_clauses(token):
        subjects = [c for c in clause.children if c.dep_ in {"nsubj", "nsubjpass"}]
        if not subjects or subjects[0].lower_ in SELF_SUBJECTS:
            continue
        if any(c.dep_ == "aux" and lexicon.is_word("obligation", c.lower_) for c in clause.children):
            return clause
    return None


@lru_cache(maxsize=1)
def judging_words() -> dict[str, str]:
    return {row["word"]: row["judgement"] for _, row in read_tsv(CODING_DATA / "evaluations.tsv")}


def judgement(statement: Token) -> tuple[Token, str] | None:
    """(what is judged, AGAINST or FOR) of a statement verb's reported judgement, or None.
    What is judged is a verb (the act: "having a dialogue") or a noun's owner ("Trump" of
    "Trump's request")."""
    for clause in clauses.said_clauses(statement):
        if clause.lemma_.lower() not in COPULAS:
            continue
        if any(c.dep_ == "neg" for c in clause.children):
            continue  # "is not acceptable" reads the other way round; left alone
        words = [c for c in clause.children if c.dep_ in {"acomp", "attr"}]
        verdict = next((judging_words()[w.lower_] for w in words if w.lower_ in judging_words()), None)
        subjects = [c for c in clause.children if c.dep_ in {"nsubj", "csubj"}]
        if verdict is None or not subjects:
            continue
        subject = subjects[0]
        if subject.pos_ in {"VERB", "AUX"}:
            return subject, verdict
        owner = next((c for c in subject.children if c.dep_ in OWNER_DEPS and c.ent_type_ in OWNER_ENTITIES), None)
        if subject.pos_ in {"NOUN", "PROPN"} and owner is not None:
            return owner, verdict
    return None


def judged_candidate(token: Token, lexicon: Lexicon, pattern_of: PatternOf) -> Candidate | None:
    """The act a statement's judgement is (`pattern_of`: the coder's verb pattern of a
    token): a cooperative act said to be impossible is refused; a party's move judged is
    criticized or endorsed, the party its target."""
    if not is_speech(token, lexicon):
        return None
    found = judgement(token)
    if found is None:
        return None
    judged, verdict = found
    note = f"judged {verdict}"
    if judged.pos_ in {"VERB", "AUX"}:
        inner = pattern_of(judged)
        if inner is None or verdict != AGAINST or not cooperative(inner[1]):
            return None
        pattern, code, fuzzy = inner
        return Candidate(token, judged, apply_frame("refuse", code), pattern, "refuse", fuzzy, [note])
    code = CRITICIZE if verdict == AGAINST else ENDORSE
    pattern = VerbPattern(token.lemma_.lower(), frozenset(), code,
                          f"{token.lemma_.lower()} .. {verdict} (judgement) -> {code}")
    return Candidate(token, judged, code, pattern, JUDGED, False, [note])


PESSIMISTIC_COMMENT = "012"  # CAMEO make pessimistic comment (CAMEO.2.0: "warn of risk", "warn of catastrophe")


def forewarning_code(verb: Token, pattern: VerbPattern, code: str, lexicon: Lexicon) -> str:
    """"Unions warned that staff shortages have taken their toll": a warning (modality.tsv
    `forewarning`) that says what is or may come, to no one (no object) and with no object
    pattern read, is a pessimistic comment (012), not a threat (130). A threat made so is the
    warner's own act in the clause ("warned it would retaliate": a future act is a threat),
    coded from there; "warned that Israel would pay" foretells what will come to another, and
    "warned Uganda that ..." names whom it threatens: both stay threats, and
    so does a warning with no subject of its own, made in a letter or speech to someone ("sent
    a letter to the king warning that ...": coding.spoken_targets.audiences)."""
    if pattern.objects or not lexicon.is_word("forewarning", verb.lemma_.lower()):
        return code
    if any(c.dep_ in {"dobj", "dative", "iobj"} for c in verb.children) or not any(
            c.dep_ == "nsubj" for c in verb.children):
        return code
    said = [c for c in verb.children if c.dep_ == "ccomp"]
    if not said or any(a.dep_ == "aux" and lexicon.is_word("future", a.lower_) for c in said for a in c.children):
        return code  # "warned that Israel would pay a price": what is to come to another is a threat
    return PESSIMISTIC_COMMENT


def asks(clause: Token, lexicon) -> bool:
    """A that-clause that asks for an act: a bare subjunctive ("demanded that Uganda
    withdraw") or one with an obligation modal ("insisted that the rebels must leave"); not
    an indicative one, which asserts ("insisted that the drills were not linked to Iraq")."""
    if clause.dep_ != "ccomp":
        return False
    return (clause.tag_ == "VB" and not any(c.dep_ == "aux" for c in clause.children)) or any(
        c.dep_ == "aux" and lexicon.is_word("obligation", c.lower_) for c in clause.children)
