"""Is a clause reported as done? Negation, condition, speculation and futurity.

Reads the dependency parse around a predicate: its own negators and modal
auxiliaries, a conditional marker on its clause, and the verbs or adjectives that
govern it ("are expected to sign", "fear that ... could be used").
"""

from __future__ import annotations

from enum import Enum

from spacy.tokens import Token

from eventscope.coding import clauses
from eventscope.coding.modality_governors import (
    UNREALISED_FRAMES, asked_for, frame_of, kept_from, provision_of, to_be_done, unconfirmed_speaker,
    unrealised_noun_clause,
)
from eventscope.knowledge.verb_lexicon import Lexicon

EMBEDDING_DEPS = {"xcomp", "ccomp", "advcl", "acl", "relcl", "conj", "pcomp", "acomp"}
PROSPECTIVE_DEPS = {"xcomp", "pcomp", "prep", "acl"}  # the complement of "about to", "verge of"
FRAME_COMPLEMENT_DEPS = {"xcomp", "ccomp"}
FIRST_PERSON = {"i", "we"}
FINITE_TAGS = {"VBD", "VBZ", "VBP"}  # a verb with its own tense: no auxiliary of another verb applies
ALLEGED_DEPS = {"prep", "pcomp", "xcomp", "ccomp", "advcl"}  # "accused of", "charged with", "alleged that"  # statements introduce reported content without doubting it


class Modality(str, Enum):
    ASSERTED = "asserted"
    NEGATED = "negated"
    CONDITIONAL = "conditional"
    SPECULATIVE = "speculative"
    FUTURE = "future"  # will/would/shall: promised, planned or threatened, not done
    PROSPECTIVE = "prospective"  # governed by "about to", "set to", "on the verge of": not done yet
    SCHEDULED = "scheduled"  # governed by "scheduled to", "due to": on a timetable, no one's intent


def is_negated(verb: Token, lexicon: Lexicon) -> bool:
    if _shares_negation(verb, lexicon):
        return is_negated(verb.head, lexicon)  # "did not attend the summit or expel the envoy"
    for child in verb.children:
        if child.dep_ == "neg":
            return True
        if child.dep_ in {"advmod", "npadvmod"} and lexicon.is_word("negator", child.lower_) and child.lower_ in {"never", "not", "n't"}:
            return True
        if child.dep_ in {"nsubj", "nsubjpass"}:
            # "neither side announced", "no country has recognised"
            if any(d.dep_ == "det" and d.lower_ in {"neither", "no"} for d in child.children):
                return True
            if child.lower_ in {"nobody", "none", "neither", "nothing"}:
                return True
        if child.dep_ == "dobj" and any(d.dep_ == "det" and d.lower_ in {"no"} for d in child.children):
            return True
    return False


def _shares_negation(verb: Token, lexicon: Lexicon) -> bool:
    """A conjoined verb with no subject or auxiliary of its own is under its head's negation
    when "or"/"nor" joins them ("never attacked or sanctioned") or it is a bare form sharing
    the head's auxiliary ("did not attend or expel"); never after "but" ("did not attend but
    expelled": modality.tsv `disjunctive`, `contrastive`)."""
    if verb.dep_ != "conj" or any(c.dep_ in {"nsubj", "nsubjpass", "aux", "auxpass"} for c in verb.children):
        return False
    joins = [c.lower_ for c in verb.head.children if c.dep_ == "cc" and verb.head.i < c.i < verb.i]
    if any(lexicon.is_word("contrastive", w) for w in joins):
        return False
    return any(lexicon.is_word("disjunctive", w) for w in joins) or verb.tag_ not in FINITE_TAGS


def is_hedge(verb: Token, lexicon: Lexicon) -> bool:
    """"are expected to sign", "is said to be": the verb reports only an expectation or
    hearsay about the clause it carries, so nothing in it is asserted as done."""
    clauses = [c for c in verb.children if c.dep_ in {"xcomp", "ccomp"}]
    if not clauses:
        return False
    lemma = verb.lemma_.lower()
    if lexicon.is_word("hedging", lemma):
        return True
    passive = any(c.dep_ in {"auxpass", "nsubjpass"} for c in verb.children)
    return passive and lexicon.is_word("hearsay", lemma)


def own_modality(verb: Token, lexicon: Lexicon) -> Modality:
    """What the clause's own words say: negated, conditional, modal, or plainly asserted."""
    if is_negated(verb, lexicon):
        return Modality.NEGATED
    for child in verb.children:
        if child.dep_ == "mark" and lexicon.is_word("conditional", child.lower_):
            return Modality.CONDITIONAL
    if _anticipated(verb, lexicon):
        return Modality.FUTURE  # "before he travels to Kampala next week"
    if to_be_done(verb, lexicon):
        return Modality.SPECULATIVE  # "hostages to be released under the deal include ten children"
    if is_hedge(verb, lexicon) or provision_of(verb, lexicon):
        return Modality.SPECULATIVE  # "are expected to sign"; "under the plan, troops withdraw"
    if any(c.dep_ == "advmod" and lexicon.is_word("doubting", c.lower_) for c in verb.children):
        return Modality.SPECULATIVE  # "for allegedly abusing his office", "possibly attacked"
    auxiliaries = _auxiliaries(verb)
    for child in auxiliaries:
        if child.lower_ == "can" and _performative(verb, lexicon):
            continue  # "I can confirm he was arrested": the speaker confirms it
        if child.dep_ in {"aux", "auxpass"} and lexicon.is_word("modal", child.lower_):
            if lexicon.is_word("future", child.lower_):
                if _perfect(verb, auxiliaries):
                    return Modality.CONDITIONAL  # "would have objected": counterfactual, never done
                return Modality.FUTURE
            return Modality.SPECULATIVE
        if child.dep_ == "aux" and child.lower_ == "to" and verb.head.lemma_ == "be" and verb.dep_ == "xcomp":
            return Modality.FUTURE  # "is to visit", "Venezuela is to free ten Americans"
    return Modality.ASSERTED


def _anticipated(verb: Token, lexicon: Lexicon) -> bool:
    """A present-tense clause of "before", "until" (modality.tsv `anticipating`): in a report,
    what happens "before he travels" is still to come ("before he travelled": it came)."""
    return verb.tag_ in {"VBZ", "VBP"} and not any(c.dep_ in {"aux", "auxpass"} for c in verb.children) and any(
        c.dep_ == "mark" and lexicon.is_word("anticipating", c.lower_) for c in verb.children)


def _performative(verb: Token, lexicon: Lexicon) -> bool:
    """A first-person statement verb ("I can confirm", "we can say"): saying it asserts it."""
    return lexicon.is_word("performative", verb.lemma_.lower()) and any(
        c.dep_ == "nsubj" and c.lower_ in FIRST_PERSON for c in verb.children)


def _past(verb: Token) -> bool:
    """A past or perfect clause ("arrested", "was hauled out", "had stripped")."""
    return verb.tag_ == "VBD" or any(
        c.dep_ in {"aux", "auxpass"} and (c.tag_ == "VBD" or c.lemma_.lower() == "have") for c in verb.children)


def _nonrestrictive(token: Token) -> bool:
    """A relative clause set off by a comma ("the United States, which gives aid to ..."):
    it tells a fact about its noun, whatever the clause around it says."""
    first = token.left_edge.i
    return token.dep_ == "relcl" and first > token.sent.start and token.doc[first - 1].text == ","


def _presupposing(token: Token, lexicon: Lexicon) -> bool:
    """An adverbial clause the sentence takes as a fact ("while Russia lifted sanctions",
    "after police arrested him"): modality.tsv `presupposing` markers."""
    return token.dep_ == "advcl" and any(
        c.dep_ == "mark" and lexicon.is_word("presupposing", c.lower_) for c in token.children)


def is_fact(token: Token, lexicon: Lexicon) -> bool:
    """A clause nothing above it can make not done: a non-restrictive relative clause, or a
    presupposed adverbial clause in the past ("after Quito stripped him of his status")."""
    return _nonrestrictive(token) or (_presupposing(token, lexicon) and _past(token))


def _perfect(verb: Token, auxiliaries: list[Token]) -> bool:
    """"would have objected", "would have been sent": a perfect auxiliary after the modal."""
    return verb.tag_ == "VBN" and any(a.dep_ in {"aux", "auxpass"} and a.lemma_.lower() == "have"
                                      for a in auxiliaries)


def _auxiliaries(verb: Token) -> list[Token]:
    """The verb's auxiliaries; a conjoined verb with no subject or auxiliary of its own shares
    its head's ("should cut off support and implement the deal": both under "should")."""
    own = [c for c in verb.children if c.dep_ in {"aux", "auxpass"}]
    if own or verb.dep_ != "conj" or any(c.dep_ in {"nsubj", "nsubjpass"} for c in verb.children):
        return own
    return [c for c in verb.head.children if c.dep_ in {"aux", "auxpass"}]


def refuses(verb: Token, lexicon: Lexicon) -> bool:
    """"Russia will not extend the grain deal", "Kenya won't attend the summit": a negated
    future act (not a counterfactual "would not have") in a clause nothing above doubts. Said
    or narrated of its doer, it is a refusal (coding.coder makes it one of a cooperative act)."""
    if not any(c.dep_ == "neg" for c in verb.children):
        return False
    auxiliaries = _auxiliaries(verb)
    if _perfect(verb, auxiliaries) or not any(
            a.dep_ == "aux" and lexicon.is_word("future", a.lemma_) for a in auxiliaries):  # "wo" of "won't": will
        return False
    return governing_modality(verb, lexicon) == Modality.ASSERTED


def governing_modality(verb: Token, lexicon: Lexicon) -> Modality:
    """The strongest doubt cast on a clause by the words above it in the parse.

    Walks every ancestor: a speculative, denying or accusing governor ("expected to", "fear
    that", "denied that", "charged with"), a conditional marker on the way, or a governing clause that is itself
    negated, conditional, speculative or future ("would confront any aircraft that violated")
    means the clause is not reported as done. A prospective governor ("is about to", "set
    to", "on the verge of") gives PROSPECTIVE unless something above casts a stronger doubt.
    """
    token, prospective = verb, False
    while token.head.i != token.i:
        if token.dep_ in {"advcl", "ccomp", "xcomp", "relcl", "acl", "pcomp"} and any(
                c.dep_ == "mark" and lexicon.is_word("conditional", c.lower_) for c in token.children):
            return Modality.CONDITIONAL
        if is_fact(token, lexicon):
            break  # "The US, which gives aid to Jordan, would be caught": the aid is given
        head = token.head
        lemma = known_lemma(head, lexicon)
        if token.dep_ != "conj":
            if lexicon.is_word("negating", lemma):
                return Modality.NEGATED
            if kept_from(token):
                return Modality.NEGATED  # "barred the students from marching": they did not march
            if token.dep_ == "dobj" and lexicon.is_word("averting", lemma):
                return Modality.NEGATED  # "foiled a plot to assassinate", "thwarted a plan to bomb": stopped
            if unrealised_noun_clause(token, head, lexicon):
                return Modality.SPECULATIVE  # "announced plans to withdraw", "reports that it had shelled"
            if lexicon.is_word("alleging", lemma) and token.dep_ in ALLEGED_DEPS:
                return Modality.SPECULATIVE  # "accused X of attacking": the attack is the charge
            if token.dep_ == "pcomp" and head.lower_ == "for" and lexicon.is_word("punishing", head.head.lemma_.lower()):
                return Modality.SPECULATIVE  # "jailed a man for helping militants": the reason is the charge
            if lexicon.is_word("speculative", lemma) or lexicon.frames.get(lemma) == "speculative":
                return Modality.SPECULATIVE
            if token.dep_ == "ccomp" and unconfirmed_speaker(head, lexicon):
                return Modality.SPECULATIVE  # "unconfirmed reports said police had arrested him"
            if token.dep_ == "xcomp" and any(c.dep_ == "advmod" and lexicon.is_word("pending", c.lower_) for c in head.children):
                return Modality.NEGATED  # "has yet to release", "is yet to sign": still to be done
            if token.dep_ == "pcomp" and head.lower_ == "against":
                return Modality.SPECULATIVE  # "warned Kyiv against joining NATO": an act opposed, not done
            if asked_for(token, head, lexicon):
                return Modality.SPECULATIVE  # "called for Cambodia to withdraw": the withdrawal is asked
            complement = token.dep_ in FRAME_COMPLEMENT_DEPS or clauses.is_misparsed_infinitive(token) \
                or clauses.is_gerund_complement(token)
            if complement and head.pos_ in {"VERB", "AUX", "ADJ"} and \
                    frame_of(head, lexicon, lemma) in UNREALISED_FRAMES and token is not verb:
                return Modality.SPECULATIVE  # an act nested in a frame's complement: the frame is the event
            if lexicon.is_word("scheduling", lemma) and token.dep_ in PROSPECTIVE_DEPS:
                return Modality.SCHEDULED  # "is scheduled to visit", "was due to be released"
            if lexicon.is_word("prospective", lemma) and token.dep_ in PROSPECTIVE_DEPS:
                prospective = True
            if head.pos_ in {"VERB", "AUX", "ADJ"}:
                head_own = own_modality(head, lexicon)
                if head_own == Modality.NEGATED and _presupposing(token, lexicon):
                    pass  # "sees no chance of talks while Seoul orders a drill": the order stands
                elif head_own == Modality.NEGATED and token.dep_ == "xcomp" and lexicon.is_word("hesitating", lemma):
                    if any(a.dep_ == "aux" and lexicon.is_word("modal", a.lower_) for a in _auxiliaries(head)):
                        return Modality.FUTURE  # "will not hesitate to strike": a threat, not done
                    # "did not hesitate to expel the envoy": it expelled him
                elif head_own != Modality.ASSERTED:
                    return head_own
        token = head
    return Modality.PROSPECTIVE if prospective else Modality.ASSERTED


def known_lemma(verb: Token, lexicon: Lexicon) -> str:
    """The verb's lemma; when the tagger's is no word the lexicon knows ("hoped" -> "hop"), the
    lexicon verb the form inflects ("hope")."""
    lemma = verb.lemma_.lower()
    if lemma in lexicon.verbs or lemma in lexicon.frames:
        return lemma
    return lexicon.lemma_of(verb.lower_) or lemma


def not_done(verb: Token, lexicon: Lexicon) -> str | None:
    """Why a clause reports nothing done or promised: "negated", "conditional" or
    "speculative" (its own words, or a governor's: "denied that", "if", "expected to"),
    "under a future clause" ("would confront any aircraft that violated"); None when it is
    reported as done, or as a future or imminent act."""
    return _reading(verb, lexicon)[0]


def reported_modality(verb: Token, lexicon: Lexicon) -> Modality | None:
    """How a clause is coded, from its own words and those above it: None when it reports
    nothing done or promised (negated, conditional, speculative, or governed by such a
    clause or a future one: `not_done` says which), FUTURE for a future or imminent act
    ("will restore", "is about to restore": an intent or a threat), else ASSERTED."""
    return _reading(verb, lexicon)[1]


def _reading(verb: Token, lexicon: Lexicon) -> tuple[str | None, Modality | None]:
    """(not_done, reported_modality) of a clause, reading the parse once."""
    own = own_modality(verb, lexicon)
    if own in (Modality.NEGATED, Modality.CONDITIONAL, Modality.SPECULATIVE):
        return own.value, None
    governing = governing_modality(verb, lexicon)
    if governing == Modality.FUTURE:
        return "under a future clause", None
    if governing not in (Modality.ASSERTED, Modality.PROSPECTIVE):
        return governing.value, None
    if own == Modality.FUTURE or governing == Modality.PROSPECTIVE:
        return None, Modality.FUTURE
    return None, Modality.ASSERTED
