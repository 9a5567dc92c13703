"""Whom a coded act is aimed at: the target actors of a clause.

The parse gives most targets (objects, datives, prepositional objects: clause_roles.target_tokens;
"hundreds of students" through its quantity word; a request's whom it asks; never the town an
act starts from: "deported from Arizona", nor a sea: "sent ships to the South China Sea"). Conjoined subjects that act on "each other" are each
other's targets; those that agree (types marked "joint" in coding/data/plover_recipients.tsv)
act together: both are sources with no target. When the parse gives none, the coder looks,
in order, for: the other parties of a two-sided act ("A and B met"); the object of the verb
before for a pronoun object ("called the king and urged him to": `earlier_objects`); an unnamed person as the
object ("police arrested a man") or "the country"; an actor named inside the act's object
phrases, never a circumstance's own doer ("arrested in a police sweep": coding.phrase_targets,
`fallback_targets`); the subject of an accusing, demanding or threatening that-clause ("alleged
that the minister took bribes": `clause_subjects`); the one a speaker told of their own act (`addressees`) or of a statement
an "-ing" clause stands beside (`adjunct_addressees`); whom the speech, letter or call a said
act was made in was addressed to ("warned in his address to Congress": `audiences`); and last the
target an act's definition implies (a curfew falls on the state's own people). (A protest or
visit aimed at no one is aimed at the country where it happens: coding.places, after the
events are placed.) After the whole sentence is coded, a reaction with no target is aimed at
whoever did the act it reacts to (coding.reaction_targets `aimed_at_reported_act`); once the document is coded, an act
told without a target takes that of the same act told with one, or the one party all the
story's acts of its type aim at (coding.retold). A passive
verb with no subject of its own happens to the subject of the clause it is conjoined to
("tried to flee but was arrested": `conjoined_patients`), or to the subject of the clause it
qualifies ("died after being arrested": `adverbial_patients`). The targets the text gives
without naming an actor are made in coding.implied_targets. Pure functions over spaCy tokens
and the document's actors (actors.mentions.DocActors).
"""

from __future__ import annotations

from spacy.tokens import Token

from eventscope.actors.mentions import DocActors
from eventscope.coding import clauses
from eventscope.coding import clause_roles
from eventscope.coding.reaction_targets import reacted_act_doers
from eventscope.coding.said_acts import JUDGED
from eventscope.coding.selection import CONSULT_ROOT, STATEMENT_ROOT, Candidate
from eventscope.coding.spoken_targets import SAID_ROOTS, addressees, adjunct_addressees, audiences, clause_subjects
from eventscope.coding.implied_targets import definite_country, implicit, unnamed_person
from eventscope.coding.own_forces import sent_forces_targets
from eventscope.coding.place_phrases import VISIT_CODES
from eventscope.coding.phrase_targets import _two_sides, arrival_hosts, fallback_targets, partner_in_question, not_sites, water_name  # noqa: F401  (_two_sides: tests)
from eventscope.knowledge import taxonomy
from eventscope.knowledge.implicit_agents import implicit_agent_sector, joint_types, weapons
from eventscope.knowledge.verb_lexicon import Lexicon
from eventscope.models import Actor, Evidence, decided

RECIPROCAL_ROOTS = {"03", "04", "05", "06"}  # meeting, cooperating: conjoined subjects act on each other
REQUEST_FRAMES = {"appeal", "demand"}  # frames whose complement is an act asked of someone else
# words that only count the people after them: "hundreds of students", "a group of activists"
QUANTITY_WORDS = {"hundred", "thousand", "million", "dozen", "score", "number", "group", "member",
                  "some", "many", "most", "all", "several", "few", "crowd"}
CLAUSE_TARGET_ROOTS = {"10", "11", "13"}  # demands, accusations, threats: "warned that Iran would pay"
ASKED_ON_PREPS = {"on", "upon"}  # "called on Uganda to withdraw": whom the request is made of
OBJECT_PRONOUNS = {"him", "her", "them"}  # "met the minister and urged him to": the minister


def target_heads(cand: Candidate) -> list[Token]:
    """The tokens the parse offers as the act's targets; a request's also whom it is asked of:
    "urged Iran to join", "demanded that Uganda withdraw"."""
    heads = conjoined_patients(cand.action) + adverbial_patients(cand.action) + clause_roles.target_tokens(cand.action)
    heads = [cand.action] if cand.frame == JUDGED else heads  # "said Trump's request was inappropriate"
    if cand.frame in REQUEST_FRAMES:
        asked = [c for c in cand.action.children if c.dep_ == "nsubj"] if cand.action.dep_ == "ccomp" else []
        asked = clauses.direct_objects(cand.verb) + _called_on(cand.verb) + asked
        # a request is aimed at whom it asks, not at whom the act asked for would be aimed:
        # "said the US should cut off support for the militia" is a demand of the US
        heads = asked if asked else heads
    return through_quantities(not_origins(not_sites([h for h in heads if not water_name(h)])))  # a sea is no one


def _called_on(verb: Token) -> list[Token]:
    """Whom an appeal is made on: "called on Uganda to withdraw", "prevailed upon the king"."""
    return [g for c in verb.children if c.dep_ == "prep" and c.lower_ in ASKED_ON_PREPS
            for g in c.children if g.dep_ == "pobj"]


def conjoined_patients(action: Token) -> list[Token]:
    """"I tried to cross but was caught by police and deported": a passive verb with no
    subject of its own, conjoined to a clause, happens to that clause's subject."""
    first = action.head if clauses.shares_passive(action) else action  # "caught and deported"
    if not any(c.dep_ == "auxpass" for c in first.children) or any(
            c.dep_ in {"nsubj", "nsubjpass"} for c in first.children):
        return []
    head = first
    while head.dep_ == "conj" and head.head.i != head.i:
        head = head.head
        subjects = [c for c in head.children if c.dep_ in {"nsubj", "nsubjpass"}]
        if subjects:
            return clauses.conjuncts(subjects[0])
    return []


def adverbial_patients(action: Token) -> list[Token]:
    """"The activist died in custody after being arrested", "having been detained, he was
    released": a passive verb with no subject of its own that qualifies a clause ("after ...",
    "while ...") happens to that clause's subject."""
    if not any(c.dep_ == "auxpass" for c in action.children) or any(
            c.dep_ in {"nsubj", "nsubjpass"} for c in action.children):
        return []
    head = action.head
    if action.dep_ == "pcomp" and head.dep_ == "prep":
        head = head.head
    elif action.dep_ != "advcl":
        return []
    subjects = [c for c in head.children if c.dep_ in {"nsubj", "nsubjpass"}] if head.pos_ in {"VERB", "AUX"} else []
    return clauses.conjuncts(subjects[0]) if subjects else []


def earlier_objects(action: Token, actors: DocActors) -> list[Actor]:
    """"Called the French president and urged him to lift the sanctions": a pronoun object of
    a verb conjoined to another stands for that verb's object (the nearest one before that has
    an actor)."""
    verb = action
    while verb.dep_ == "conj" and verb.head.i != verb.i:
        verb = verb.head
        found = actors.actors_of([c for c in verb.children if c.dep_ in {"dobj", "dative", "iobj"}])
        if found:
            return found
    return []


def not_origins(heads: list[Token]) -> list[Token]:
    """Heads less the towns and regions an act starts from: "deported from Arizona" is aimed
    at whoever was deported, not at Arizona (a country or a capital may be: "recalled its
    envoy from Washington")."""
    from eventscope.actors.phrase import resolve_phrase

    def origin(head: Token) -> bool:
        if head.dep_ != "pobj" or head.head.lower_ != "from" or head.ent_type_ not in {"GPE", "LOC", "FAC"}:
            return False
        named = decided(resolve_phrase(head.text).evidence, "name")
        return named is not None and named.value.split(":")[0] in {"city", "region"}
    return [h for h in heads if not origin(h)]


def through_quantities(heads: list[Token]) -> list[Token]:
    """Each head, and after a word that only counts people, the people it counts: "fired at
    hundreds of students", "detained a group of activists"."""
    out = []
    for head in heads:
        out.append(head)
        if head.like_num or head.pos_ == "NUM" or head.lemma_.lower() in QUANTITY_WORDS:
            out.extend(c for prep in head.children if prep.dep_ == "prep" and prep.lower_ == "of"
                       for pobj in prep.children if pobj.dep_ == "pobj" for c in clauses.conjuncts(pobj))
    return out


def complete(verb: Token, action: Token, code: str, sources: list[Actor], targets: list[Actor],
             heads: list[Token], source_tokens: list[Token], actors: DocActors, lexicon: Lexicon,
             notes: list[str]) -> tuple[list[Actor], list[Actor], bool]:
    """Sources and targets of a clause (`verb` carries the source, `action` the act and its
    objects) once the parse's own targets (`targets`, from `heads`) are known, and whether the
    target was found by the fallback (which lowers the event's confidence). `notes` gets how."""
    root = code[:2]
    sources = named_members(sources)
    source_entities = {a.entity for a in sources}
    fallback = False
    reacted = reacted_act_doers(action, root, sources, actors)
    if reacted:  # "rejected an EU demand for more troops": the EU, not the troops
        targets = reacted
        notes.append("target: who did the act it reacts to, named by the object")
    if not targets and len(sources) >= 2 and taxonomy.cameo(code).plover in joint_types():
        notes.append("target: none, a joint act of its sources")  # "A and B agreed": both did it
        return sources, [], False
    if len(sources) >= 2 and _on_each_other(action):
        sources, targets = sources[:1], sources[1:]  # "A and B attacked each other's policies"
        notes.append("target: each other")
    elif not targets and len(sources) >= 2 and root in RECIPROCAL_ROOTS:
        sources, targets = sources[:1], sources[1:]  # "A and B met": they met each other
    elif not targets and (sources or implicit_agent_sector(code)):  # "was arrested": police did it
        targets = unnamed_person(heads, action, root, actors)
        notes += [f"target: unnamed person ({targets[0].text})"] if targets else []
        if not targets:
            targets = definite_country(heads, {a.country for a in sources})
            notes += [f"target: the country ({targets[0].name})"] if targets else []
    if not targets and any(h.lower_ in OBJECT_PRONOUNS for h in heads):
        targets = [a for a in earlier_objects(action, actors) or earlier_objects(verb, actors)
                   if a.entity not in source_entities]
        notes += ["target: whom the pronoun stands for, the object of the verb before"] if targets else []
    if not targets:
        targets = [a for a in fallback_targets(action, source_tokens, actors)
                   if a.entity not in source_entities]
        fallback = bool(targets)
    if not targets and root == CONSULT_ROOT:
        targets = partner_in_question(action, sources, actors)
        notes += ["target: the partner the question was discussed with"] if targets else []
    if not targets and code[:3] in VISIT_CODES:
        targets = arrival_hosts(action, sources, actors)
        notes += [f"target: the place arrived in ({targets[0].name})"] if targets else []
    if not targets and root in CLAUSE_TARGET_ROOTS:
        targets = [a for a in clause_subjects(verb, actors) if a.entity not in source_entities]
        notes += ["target: subject of the that-clause"] if targets else []
    if not targets and root != STATEMENT_ROOT:
        targets = [a for a in addressees(verb, actors, source_entities, lexicon)
                   if a.entity not in source_entities]
        notes += ["target: addressee of the report"] if targets else []
    if not targets and root != STATEMENT_ROOT:
        targets = [a for a in adjunct_addressees(verb, actors, lexicon) if a.entity not in source_entities]
        notes += ["target: whom the speaker was telling"] if targets else []
    if not targets and root in SAID_ROOTS:
        targets = audiences(verb, action, actors, source_entities)
        notes += ["target: whom the speech or letter was addressed to"] if targets else []
    if not targets and sources:
        targets = implicit(code, action, sources, actors)
        notes += [f"target: implied by the act ({targets[0].name})"] if targets else []
    moved = sent_forces_targets(action, code, sources, targets, actors, lexicon.synsets.get("TROOPS", frozenset()))
    if moved is not None:  # "deployed 300 troops to Mali": aimed at Mali, not at the troops
        targets = moved
        notes.append("target: where the source's own forces go" + (f" ({moved[0].name})" if moved else ": none"))
    return sources, targets, fallback


def named_members(sources: list[Actor]) -> list[Actor]:
    """Sources less a plural government word of no country ("governments", "officials") that
    only heads the countries listed with it (crowds are left: "protesters and Kenyan police
    clashed" are two sides): "governments, from the EU to the United States
    and Portugal, condemned" was done by the EU, the US and Portugal, not also by governments
    of no country."""
    heading = [a for a in sources if not a.country and a.sector == "GOV" and a.text.lower().endswith("s")
               and all(e.decides == "sector" for e in a.evidence)]
    return [a for a in sources if a not in heading] if heading and any(a.country for a in sources) else sources


def complete_clause(verb: Token, code: str, sources: list[Actor], targets: list[Actor], actors: DocActors,
                    lexicon: Lexicon, evidence: tuple[Evidence, ...]) -> tuple[list[Actor], list[Actor], tuple[Evidence, ...]]:
    """`complete` for a clause a learned model coded (coding.classify): its verb is its act;
    the evidence gets how a target was found."""
    objects = clause_roles.target_tokens(verb)
    heads = [t for t in through_quantities(not_origins(not_sites(objects)))
             if t.lemma_.lower() not in weapons() and not water_name(t)]  # what is fired, or a sea, is no target
    source_entities = {a.entity for a in sources}
    offered = [a for a in actors.actors_of(heads) if a.entity not in source_entities]
    # the model's clause reader (coding.classify.revise) takes every object: not the ones left out here
    left_out = {a.entity for a in actors.actors_of(objects)} - {a.entity for a in offered}
    targets = [a for a in targets if a.entity not in left_out] or offered
    notes: list[str] = []
    sources, targets, fallback = complete(verb, verb, code, sources, targets, heads,
                                          clause_roles.subject_tokens(verb)[0], actors, lexicon, notes)
    notes += ["target from clause"] if fallback else []
    return sources, targets, evidence + tuple(Evidence("rule", note) for note in notes)


def _on_each_other(action: Token) -> bool:
    """"Attacked each other's policies", "accused one another": the act's objects say that
    its conjoined subjects act on each other."""
    for child in action.children:
        if child.dep_ in {"nsubj", "nsubjpass", "csubj"}:
            continue
        for token in child.subtree:
            before = token.doc[token.i - 1].lower_ if token.i > 0 else ""
            if (token.lower_, before) in {("other", "each"), ("another", "one")}:
                return True
    return False
