"""Who says a future act: its doer (an intent or a threat) or someone else (a forecast, or a
plan an outlet relays). Helpers of coding.coder and coding.classify.revise; the clause's own
modality is coding.modality's."""

from __future__ import annotations

from spacy.tokens import Token

from eventscope.actors.whose import country_from_story
from eventscope.coding import clause_roles
from eventscope.coding.modality import FIRST_PERSON
from eventscope.coding.selection import NEWS_SECTORS
from eventscope.coding.targets import through_quantities
from eventscope.knowledge.verb_lexicon import Lexicon

# verbs that report someone's words: statements, and the intents, demands, complaints,
# rejections and threats said in them ("warned [Tehran would confront ...]")
SAYING_ROOTS = {"01", "03", "10", "11", "12", "13"}
STATE_SECTORS = {None, "GOV", "MIL", "COP", "JUD", "LEG", "SPY"}  # None: the country itself ("Israel")
SPOKEN_DEPS = {"ccomp", "conj", "xcomp", "parataxis", "acomp", "prep", "pcomp", "pobj"}  # up from a reported clause ("is about to attack") to its statement verb


def speech_above(verb: Token, lexicon: Lexicon) -> Token | None:
    """The saying verb whose reported clause holds `verb` ("analysts *say* Iran will
    retaliate", "Israel *announced* it would free ..."), or None."""
    token = verb
    while token.head.i != token.i and token.dep_ in SPOKEN_DEPS:
        token = token.head
        if any(p.cameo[:2] in SAYING_ROOTS for p in lexicon.verbs.get(token.lemma_.lower(), ())):
            return token
    return None


def forecast_by_another(verb: Token, actors, lexicon: Lexicon) -> bool:
    """Is a future act someone else's forecast ("analysts say Iran will retaliate", "Peru said
    Chile would close the border")? Then it is expected, no one's stated intent, not done.
    A future act narrated ("the minister will visit Paris": a plan made public) or said by
    its doer ("Israel announced it would free", "We will retaliate") is an intent or threat.
    A state's speaker (a country, its government, forces, police, courts: STATE_SECTORS)
    speaks for its country; a news outlet only relays (`actors`: the document's mentions)."""
    speech = speech_above(verb, lexicon)
    if speech is None or any(c.dep_ in {"nsubj", "nsubjpass"} and c.lower_ in FIRST_PERSON for c in verb.children):
        return False
    speakers = _speakers(speech, actors)
    if not speakers:
        return False
    return not _speaks_for_doer(verb, speakers, actors)


def relayed(verb: Token, actors, lexicon: Lexicon) -> bool:
    """Is a future act reported by someone other than its doer: a news outlet or an unnamed
    statement ("Qureshi will meet Pompeo, Xinhua reported", "..., a statement said") or
    another actor? Narrated by the text itself ("the minister will visit Paris") or said by
    its doer ("he said he will meet", "We will meet"), it is not."""
    speech = speech_above(verb, lexicon)
    if speech is None or any(c.dep_ in {"nsubj", "nsubjpass"} and c.lower_ in FIRST_PERSON for c in verb.children):
        return False
    speakers = _speakers(speech, actors)
    return not (speakers and _speaks_for_doer(verb, speakers, actors))


def _speakers(speech: Token, actors) -> list:
    """Who says it, news outlets left out (they relay); "a number of analysts": the analysts."""
    subjects = through_quantities(clause_roles.subject_tokens(speech)[0])
    return [a for a in actors.actors_of(subjects) if a.sector not in NEWS_SECTORS]


def _speaks_for_doer(verb: Token, speakers, actors) -> bool:
    """A speaker is the doer, or a state's speaker (STATE_SECTORS) speaking for its country."""
    doers = actors.actors_of(clause_roles.subject_tokens(verb)[0])
    state = {a.country for a in speakers if a.country and a.sector in STATE_SECTORS and not country_from_story(a)}
    return bool({a.entity for a in speakers} & {a.entity for a in doers}
                or state & {a.country for a in doers if a.country})
