"""Clauses that report no act of their subject: deaths, harm done to oneself and idle copulas
(data/non_events.tsv; acts foiled or prevented are modality.tsv `averting`).

"Three workers died in a bomb attack": the subject died; whoever attacked is not named, and the
dead are the attack's victims, never its doers. "Hanged himself", "committed suicide", "was found
dead": a death with no attacker is no event between actors. The lexicon coder reads such clauses through its verb rows (verbs.tsv has
rows that code nothing: "die", "hang himself"); these checks are for the readings that do not
go through a verb row: the events the class5 model adds (coding.classify: `parties_of_act`,
`idle_copula`), a statement that only tells of a death, and a row the parse misses
(coding.selection.drop_non_events).
"""

from __future__ import annotations

from functools import lru_cache

from spacy.tokens import Token

from eventscope.coding import clauses
from eventscope.knowledge.tsv import CODING_DATA, read_tsv
from eventscope.models import Actor

FINDING_DEPS = {"oprd", "acomp", "xcomp", "advmod", "ccomp"}  # "found [dead]", "declared [dead]"
OBJECT_DEPS = {"dobj", "attr", "oprd"}


@lru_cache(maxsize=1)
def non_event_words() -> dict[str, frozenset[str]]:
    """kind -> words of data/non_events.tsv."""
    return {row["kind"]: frozenset(w.strip().lower() for w in row["words"].split("|") if w.strip())
            for _, row in read_tsv(CODING_DATA / "non_events.tsv")}


def _is(kind: str, word: str) -> bool:
    return word.lower() in non_event_words().get(kind, frozenset())


def _keys(verb: Token) -> list[str]:
    """The verb's lemma, and with each particle, adverb or preposition after it ("pass away")."""
    lemma = verb.lemma_.lower()
    return [lemma] + [f"{lemma} {c.lower_}" for c in verb.children
                      if c.dep_ in {"prt", "advmod", "prep"} and c.i > verb.i]


def reports_a_death(verb: Token) -> bool:
    """Does the clause report that its subject died ("died", "passed away", "was found dead")?
    The dead are victims: of an attack the sentence names, or of no one."""
    if any(_is("dying", key) for key in _keys(verb)):
        return True
    return _is("finding", verb.lemma_) and any(c.dep_ in FINDING_DEPS and _is("dead", c.lower_)
                                                for c in verb.children)


def self_inflicted(verb: Token) -> bool:
    """Does the clause report what its subject did to itself ("hanged himself", "shot
    himself")? No one acted on anyone. ("committed suicide" codes nothing by its verb row.)"""
    objects = [c for c in verb.children if c.dep_ in OBJECT_DEPS]
    objects += [g for o in objects for g in o.children if g.dep_ == "conj"]  # "himself and five soldiers"
    return bool(objects) and not any(_is("self_attack", key) for key in _keys(verb)) and all(
        _is("self", o.lower_) for o in objects)


def tells_only_a_death(verb: Token) -> bool:
    """Is every clause the verb reports a death or a harm done to oneself ("police said he had
    hanged himself", "he died in prison, a spokesman said")? Then saying it is no one's act."""
    reported = [c for c in verb.children if c.dep_ == "ccomp"]
    return bool(reported) and all(reports_a_death(r) or self_inflicted(r) for r in reported)


DESCRIBING_DEPS = {"acl", "advcl"}
AUX_DEPS = {"aux", "auxpass"}


def describes_a_posting(verb: Token) -> bool:
    """Is the clause a participle of where forces are kept (non_events.tsv `posted`) that
    describes a noun or the clause it qualifies ("the warship, deployed in the gulf, attacked";
    "the navy patrolling the gulf thwarted"; "Stationed in Djibouti, the ship ...")? It tells
    where they are, no act. The small parser often reads such a participle as the finite verb
    of its noun; it is none when it is an "-ing" form with no auxiliary, when a comma parts it
    from its subject ("Sukanya , deployed on patrols ,"), or when the sentence's own verb
    follows it with no conjunction ("the warship deployed in the gulf attacked two boats").
    A participle on the sentence's own head noun is a headline's predicate ("Indian troops
    deployed to Mali"): that stays an act, as does the finite verb ("India deployed ships")."""
    if not _is("posted", verb.lemma_) or verb.tag_ not in {"VBN", "VBG", "VBD"}:
        return False
    if any(c.dep_ in AUX_DEPS for c in verb.children):
        return False  # "have deployed", "were patrolling": a clause of its own
    if verb.dep_ in DESCRIBING_DEPS and verb.tag_ != "VBD":
        return not (verb.dep_ == "acl" and verb.head.dep_ == "ROOT")
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    if not subjects:
        return False
    if verb.tag_ == "VBG":  # "the navy patrolling the gulf thwarted": no tense, no clause
        return True
    between = verb.doc[subjects[0].i + 1:verb.i]
    if any(t.text == "," for t in between) and not any(t.dep_ == "cc" for t in between):
        return True
    return any(c.dep_ in {"advcl", "conj"} and c.i > verb.i and c.tag_ == "VBD" and not any(
        g.dep_ in {"nsubj", "nsubjpass", "mark", "cc"} for g in c.children) and not any(
        g.dep_ == "cc" and g.i < c.i for g in verb.children) for c in verb.children)


VISIT_CODE = "042"  # "travelled to", "rushed to", "flew to": a visit by the one who goes


def carried_somewhere(verb: Token, code: str) -> bool:
    """Is a visit's verb passive ("was rushed to a hospital", "were flown to the capital")?
    Then the subject was taken there by someone else: no visit, and no one was met."""
    return code.startswith(VISIT_CODE) and clauses.is_passive(verb)


def states_a_purpose(verb: Token) -> bool:
    """Is the clause an infinitive of purpose ("issued rules *to block* the law from being used",
    "sent troops to the border *to attack* the rebels", "... to reduce X and *to block* Y")? It
    says what the act was for, not that it was done. One with its own subject ("for Kenya to
    sign") is not."""
    if verb.dep_ == "conj" and verb.head.dep_ == "advcl":
        verb = verb.head
    return verb.dep_ == "advcl" and verb.tag_ == "VB" and any(c.dep_ == "aux" and c.tag_ == "TO" for c in verb.children) \
        and not any(c.dep_ in {"nsubj", "nsubjpass"} for c in verb.children)


VIOLENT_CLASS = 4  # material conflict: the only class a death can be an act of
VIOLENT_ROOTS = ("18", "19", "20")  # assault, fight, mass violence


def harmed_by_a_cause(verb: Token, code: str) -> bool:
    """Is a violent act told in the passive with a by-phrase that names only a cause that is no
    one (non_events.tsv `cause`: "was hit by a car", "were killed by a landslide", "was hit by a
    wave of criticism")? The surface verb is violent, but no one attacked: no event, and no
    doer to imply. "Killed by a bomb", "hit by shelling" name an attack and stay."""
    if not code.startswith(VIOLENT_ROOTS) or not clauses.is_passive(verb):
        return False
    return _by_a_cause(verb)


def _by_a_cause(verb: Token) -> bool:
    """Does the clause's by-phrase name only causes that are no one (`harmed_by_a_cause`)?"""
    agents = [g for c in verb.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
    agents += [g for a in agents for g in a.children if g.dep_ == "conj"]
    return bool(agents) and all(a.pos_ == "NOUN" and _is("cause", a.lemma_) for a in agents)


def parties_of_act(verb: Token, sources: list[Actor], targets: list[Actor],
                   cls: int) -> tuple[list[Actor], list[Actor]] | None:
    """The (sources, targets) of an event the class5 model may make of an asserted clause, or
    None when the clause reports no act: an act done to oneself ("hanged himself") or a
    statement that only tells of a death is none (an act foiled is no clause to code at all:
    modality.tsv `averting`, classify.revise.asserted_clause), nor is violence told in the
    passive by a cause that is no one ("was hit by a car"); a death
    ("three workers died in a bomb attack") is one only of violence (class 4), and then the
    dead are its targets and its doer is not named (Multi-CoPED codes "died due to torture"
    class 4)."""
    if self_inflicted(verb) or tells_only_a_death(verb) or describes_a_posting(verb):
        return None
    if cls == VIOLENT_CLASS and clauses.is_passive(verb) and _by_a_cause(verb):
        return None  # "was hit by a car": harm by no one (harmed_by_a_cause)
    if reports_a_death(verb):
        if cls != VIOLENT_CLASS:
            return None
        return [], list(sources) + [a for a in targets if a not in sources]
    return sources, targets


ATTRIBUTE_DEPS = {"acomp", "attr", "oprd"}


def idle_copula(verb: Token, future: bool, index) -> bool:
    """Is the clause "X is/was <something>" with no act in what X is said to be ("Athens was
    calm", "the district is a powder keg")? Its subject does nothing, whatever else the
    sentence reports; "is ready to help", "has been responsible for killings" name an act."""
    if verb.lemma_.lower() != "be" or future:
        return False
    said = [t for c in verb.children if c.dep_ in ATTRIBUTE_DEPS for t in c.subtree]
    return not any(index.forms.get(t.lower_) or index.forms.get(t.lemma_.lower()) or t.pos_ == "VERB"
                   for t in said)
