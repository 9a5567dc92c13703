"""Is the act an event noun names reported as done? ("imposed sanctions": the verb's; "calls
for talks": asked for; "the visit was postponed": not done; "lose sight of the occupation": a
fact whatever the clause says.) Read by coding.event_nouns."""

from __future__ import annotations

from spacy.tokens import Token

from eventscope.coding.modality import Modality, known_lemma, reported_modality
from eventscope.knowledge import taxonomy
from eventscope.knowledge.inflection import inflections
from eventscope.knowledge.verb_lexicon import Lexicon

STANDING_ROOTS = {"16", "17"}  # sanctions, embargoes, bans: measures that stand until lifted


def reported_done(noun: Token, lexicon: Lexicon, beside_verb: bool = False) -> bool:
    """No unrealising word over the noun up to its clause's verb, the noun not the object of
    a verb the lexicon codes (unless `beside_verb`: another's act the verb is about), and the
    clause reported as done."""
    if any(lexicon.is_word("unrealised", c.lower_) or lexicon.is_word("unrealised", c.lemma_.lower())
           for c in noun.children if c.dep_ in {"amod", "det", "compound", "neg"}):
        return False
    token = noun
    while token.pos_ not in {"VERB", "AUX"} and token.head.i != token.i:
        if token is not noun and lexicon.is_word("unrealised", token.lemma_.lower()):
            return False
        if token.dep_ == "dobj" and lexicon.is_word("averting", token.head.lemma_.lower()):
            return False  # "thwarted an attack by pirates": stopped before it was done (modality.tsv)
        if token.dep_ == "pobj" and (lexicon.is_word("anticipating_preps", token.head.lower_) or (
                token.head.lower_ == "of" and lexicon.is_word("anticipating_preps", token.head.head.lower_))):
            return False  # "gathered ahead of the release of the prisoners": still to come
        if prospective_to(token, lexicon):
            return False  # "is set to host talks", its verb read as a noun: the talks are to come
        if not beside_verb and token.dep_ in {"dobj", "attr", "oprd"} and token.head.pos_ == "VERB" and (
                known_lemma(token.head, lexicon) in lexicon.verbs or known_lemma(token.head, lexicon) in lexicon.frames):
            return False  # "imposed sanctions", "staged protests" (tagged "stag"): the verb codes it
        token = token.head
    if token.pos_ not in {"VERB", "AUX"}:
        return True  # a headline without a verb
    below = next(t for t in [noun, *noun.ancestors] if t.head.i == token.i)
    if below.dep_ in {"nsubj", "nsubjpass"} and any(lexicon.is_word("unrealising", w.lemma_.lower()) for w in (
            token, *(c for c in token.children if c.dep_ == "acomp"))):
        return False  # "talks are planned for May", "the visit was postponed", "an attack is imminent"
    if known_lemma(token, lexicon) in lexicon.frames and below.dep_ not in {"nsubj", "nsubjpass"}:
        return False  # "agreed to talks", "called for talks" (but "the occupation continues")
    if _presupposed(noun, token, lexicon):
        return True  # "not to lose sight of Russia's occupation of Crimea": it is there
    return reported_modality(token, lexicon) == Modality.ASSERTED  # "would bring the talks": not yet


def prospective_to(token: Token, lexicon: Lexicon) -> bool:
    """"to" right after a verb that puts what follows in the near future ("Egypt is set to
    host talks", "poised to" : modality.tsv `prospective`), where the parser made the verb
    after it a noun ("host talks"); not the adjective or preposition "due to the strike"."""
    head = token.head
    return token.dep_ == "prep" and token.lower_ == "to" and head.pos_ == "VERB" and head.i == token.i - 1 \
        and lexicon.is_word("prospective", head.lemma_.lower())


def _presupposed(noun: Token, verb: Token, lexicon: Lexicon) -> bool:
    """A definite event noun ("the", a possessive) the clause reaches through a preposition of
    modality.tsv `presupposing_preps` ("lose sight *of* the occupation by Russia"): a fact the
    clause speaks about, whatever it says of its own act."""
    if not any(c.dep_ == "poss" or (c.dep_ == "det" and c.lower_ == "the") for c in noun.children):
        return False
    path = [noun, *(t for t in noun.ancestors if t.i != verb.i and verb in t.ancestors)]
    return any(t.dep_ == "prep" and lexicon.is_word("presupposing_preps", t.lower_) for t in path)


def standing_measure(noun: Token, code: str, lexicon: Lexicon) -> bool:
    """A sanction or ban that is lifted, eased or ended exists, whatever becomes of the lifting:
    "steps will be taken on the lifting of U.S. sanctions on Turkish ministers", "called for
    an end to the embargo" (modality.tsv `reversal` words, and their -ing nouns)."""
    if taxonomy.cameo_root(code) not in STANDING_ROOTS:
        return False
    head = noun.head
    if noun.dep_ == "pobj" and head.lower_ in {"of", "to", "on"}:
        head = head.head  # "the lifting of sanctions", "an end to the embargo"
    elif noun.dep_ != "dobj":
        return False
    return any(head.lemma_.lower() == word or head.lower_ in inflections(word)
               for word in lexicon.modality.get("reversal", ()))
