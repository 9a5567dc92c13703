"""Words over a clause that make its act not done, read by coding.modality: a frame verb
("refused to", "ruled out"), a frame noun ("announced plans to withdraw", "its call for Israel
to withdraw") and a claim's that-clause ("denied claims that it had shelled")."""

from __future__ import annotations

from spacy.tokens import Token

from eventscope.coding import clauses
from eventscope.coding.frame_nouns import frame_of_noun
from eventscope.knowledge.verb_lexicon import Lexicon

# frames whose complement is an act not (yet) done: the frame verb is coded as the event
# ("pledged to punish X by freezing its revenue": a pledge; the freezing is not done)
UNREALISED_FRAMES = {"intent", "plan", "threat", "appeal", "demand", "refuse", "speculative"}


def frame_of(verb: Token, lexicon: Lexicon, lemma: str | None = None) -> str | None:
    """The frame of a verb (frames.tsv), phrasal first ("ruled out" refuses, "ruled" is no
    frame); `lemma`: the lexicon's lemma when the tagger's is wrong ("hop" for "hoped")."""
    keys = clauses.verb_keys(verb) + ([lemma] if lemma else [])
    return next((lexicon.frames[k] for k in keys if k in lexicon.frames), None)


def asked_for(token: Token, head: Token, lexicon: Lexicon) -> bool:
    """A "for" clause of an appeal or demand ("called for Cambodia to withdraw", "pressed for
    Mali to hold elections", "renewed its call for Israel to withdraw"): the parser makes it an
    adverbial clause of the verb, but it is the act asked for."""
    asking = lexicon.frames.get(head.lemma_.lower()) in {"appeal", "demand"} or any(
        c.dep_ == "dobj" and frame_of_noun(c, lexicon) in {"appeal", "demand"} for c in head.children)
    return token.dep_ == "advcl" and asking and any(c.dep_ == "mark" and c.lower_ == "for" for c in token.children)


def unrealised_noun_clause(token: Token, noun: Token, lexicon: Lexicon) -> bool:
    """The clause of a noun that makes it no act done: the to-infinitive of a noun naming a
    plan, offer, call or threat with no owner ("announced plans to withdraw": with a possessive,
    "Uganda's refusal to attend", coding.frame_nouns codes the frame), or the that-clause of
    a claim ("denied claims that its troops had shelled", "the allegation that Rwanda armed":
    modality.tsv `hearsay_noun`; a claim is not the act), or of any noun a verb dismisses
    ("dismissed reports that its troops had shelled": `dismissing`)."""
    if token.dep_ not in {"acl", "ccomp", "relcl"} or noun.pos_ != "NOUN":
        return False  # a relcl: "the allegation [that Rwanda armed ...]" misparsed, its "that" a mark
    if any(c.dep_ == "aux" and c.lower_ == "to" for c in token.children):
        return not any(c.dep_ == "poss" for c in noun.children) and frame_of_noun(noun, lexicon) in UNREALISED_FRAMES
    if not any(c.dep_ == "mark" and c.lower_ == "that" for c in token.children):
        return False
    return lexicon.is_word("hearsay_noun", noun.lemma_.lower()) or (
        noun.dep_ == "dobj" and lexicon.is_word("dismissing", noun.head.lemma_.lower()))  # "dismissed reports that"


def unconfirmed_speaker(verb: Token, lexicon: Lexicon) -> bool:
    """Does an unconfirmed source say it ("*unconfirmed* reports said", "unverified accounts
    say": modality.tsv `unconfirmed`)? What it says is not reported as done."""
    return any(c.dep_ == "nsubj" and any(m.dep_ == "amod" and lexicon.is_word("unconfirmed", m.lower_) for m in c.children)
               for c in verb.children)


def kept_from(token: Token) -> bool:
    """A gerund after "from" on a verb with an object, or a passive one: an act someone is
    kept from ("barred the students from marching", "blocked supporters from rallying", "was
    banned from travelling"); not "refrained from", with no one kept (modality.tsv `negating`)."""
    prep = token.head
    if token.dep_ != "pcomp" or prep.lower_ != "from" or prep.dep_ != "prep" or prep.head.pos_ != "VERB":
        return False
    return any(c.dep_ in {"dobj", "nsubjpass"} and c.i < prep.i for c in prep.head.children)


TERMS_PREPS = {"under", "according", "in"}  # "under the plan", "according to the draft", "in its first phase"
PRESENT_TAGS = {"VBZ", "VBP"}
PROVISION_PRONOUNS = {"it", "they"}  # "... debated the bill. It bans foreign media"
NOUN_DEPS = {"nsubj", "nsubjpass", "dobj", "pobj", "attr", "appos"}


def provision_of(verb: Token, lexicon: Lexicon) -> bool:
    """A present-tense clause that tells what a plan, draft or deal provides, no act done
    (modality.tsv `provision_noun`): set "under" one ("Under the plan, troops withdraw from the
    crossing", "in the first phase, Hamas releases 33 hostages"), or said of one by a pronoun
    after the sentence that names it ("Parliament debated the bill. It bans foreign-funded
    media": the actor the pronoun may also stand for is not said to ban anything now; a news
    report tells acts done in the past). In the past or perfect ("under the deal, Israel
    released") the act is done; with "will" it stays a promise (coding.modality). A verb of
    providing (modality.tsv `providing`) with such a noun as subject tells terms in any tense
    ("the deal provides for the release of 50 prisoners", "the plan envisaged a pullout")."""
    if any(k in lexicon.modality.get("providing", ()) for k in clauses.verb_keys(verb)) and any(
            c.dep_ == "nsubj" and lexicon.is_word("provision_noun", c.lemma_.lower()) for c in verb.children):
        return True
    if verb.tag_ not in PRESENT_TAGS or any(c.dep_ in {"aux", "auxpass"} for c in verb.children):
        return False
    for child in verb.children:
        if child.dep_ == "prep" and child.lower_ in TERMS_PREPS:
            nouns = [g for g in child.subtree if g.dep_ == "pobj"]
            if any(lexicon.is_word("provision_noun", n.lemma_.lower()) for n in nouns[:2]):
                return True
        if child.dep_ == "nsubj" and child.lower_ in PROVISION_PRONOUNS and _names_a_provision(verb.sent.start - 1, verb, lexicon):
            return True
    return False


def _names_a_provision(last: int, verb: Token, lexicon: Lexicon) -> bool:
    """Does the sentence before `verb`'s (ending at token `last`) name a plan, draft or deal?"""
    if last < 0:
        return False
    before = verb.doc[last].sent
    return any(t.pos_ == "NOUN" and t.dep_ in NOUN_DEPS and lexicon.is_word("provision_noun", t.lemma_.lower())
               for t in before)


def to_be_done(verb: Token, lexicon: Lexicon) -> bool:
    """A passive to-infinitive that names what is still to be done to a noun ("hostages to be
    released under the deal", "a list of prisoners to be freed by Israel"), as a relative clause
    or, misparsed, as the root or a purpose clause of the verb ("published a list of soldiers to
    be freed by Russia"); not after a noun singled out by order ("the first hostages to be
    released were two women": modality.tsv `singling`, an ordinal, a superlative), and not in
    the perfect ("to have been freed")."""
    if verb.dep_ not in {"relcl", "acl", "ROOT", "advcl"}:
        return False
    aux = {c.lower_ for c in verb.children if c.dep_ in {"aux", "auxpass"}}
    if not {"to", "be"} <= aux or "have" in aux:
        return False
    if verb.dep_ == "advcl":
        return True  # a purpose: "flown to Paris to be treated"
    noun = verb.head if verb.dep_ != "ROOT" else next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
    if noun is None or noun.pos_ not in {"NOUN", "PROPN", "PRON"}:
        return False
    return not any(c.tag_ == "JJS" or c.ent_type_ == "ORDINAL" or lexicon.is_word("singling", c.lower_)
                   for c in noun.children if c.dep_ in {"amod", "advmod", "nummod", "det"})

