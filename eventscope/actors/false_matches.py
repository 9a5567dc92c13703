"""Lexicon matches in an actor phrase that are really parts of an unknown name (read by
actors.reading before it reads the phrase): a surname after someone else's given name, a town
after a capitalised word, a place naming a text or a sea, an acronym that spells the name before
it, a known body inside a longer name."""

from __future__ import annotations

from typing import Callable

from eventscope.knowledge.actor_lexicon import NOT_AN_ACTOR, PLACE_KINDS, Match, Token, tokenize
from eventscope.knowledge.place_words import names_a_sea

# written before a name without being part of it ("Mr Putin", "Gen. Milley")
HONORIFICS = {"mr", "mrs", "ms", "dr", "sir", "madam", "lord", "lady", "dame", "prof", "rev", "gen", "col",
              "lt", "sgt", "capt", "maj", "adm", "sen", "rep", "gov", "pres", "hon", "sheikh", "imam"}
DETERMINERS = {"the", "a", "an", "two", "three", "several", "some", "many", "its", "his", "her",
               "their", "this", "these", "those", "that", "and", "&"}


def plausible(toks: list[Token], matches: list[Match], words: list[str]) -> list[Match]:
    """Drop matches that are really parts of an unknown name: a person alias written in
    lowercase ("car-borne"), a town right after a capitalised word ("Feliciano Valencia",
    "Al-Sabah"), a pronoun before one ("He Zhihua"), a place naming a text ("the Minsk
    Protocol"), an organisation inside a longer name
    ("the Northern Kivu Self-Defense Forces" is not Japan's) and an acronym in parentheses
    that spells the name before it ("the Movement for Better Schools (MBS)" is no person)."""
    covered = {i for m in matches for i in range(m.start, m.end)}
    by_end = {m.end: m for m in matches}
    by_start = {m.start: m for m in matches}

    def name_word(i: int) -> bool:
        return 0 <= i < len(toks) and i not in covered and toks[i].text[:1].isupper() \
            and toks[i].norm not in DETERMINERS

    kept = []
    for m in matches:
        best = m.best
        if best.kind == "person" and not toks[m.end - 1].text[:1].isupper():
            continue
        if best.kind == "person" and _someone_elses_given_name(toks, m, name_word):
            continue
        if best.kind in ("city", "region") and name_word(m.start - 1):
            continue
        if best.kind in PLACE_KINDS and _names_a_document(toks, by_start.get(m.end)):
            continue  # "the Minsk Protocol", "the Paris Agreement": a text, not Belarus or France
        if best.kind in PLACE_KINDS and names_a_sea(toks, m.start, m.end):
            continue  # "the Gulf of Aden", "the South China Sea": at sea, not Yemen or China
        if best.kind == "sector" and best.priority == NOT_AN_ACTOR and name_word(m.end):
            continue
        if _spelled_acronym(toks, m, words, by_end.get(m.start)):
            continue
        if best.kind == "org" and _inside_longer_name(toks, m, by_end.get(m.start), name_word):
            continue
        kept.append(m)
    return kept


def _someone_elses_given_name(toks: list[Token], m: Match, name_word: Callable[[int], bool]) -> bool:
    """A known surname after a given name that is not the known person's ("Tim Morrison" is
    not Scott Morrison): another person of that surname. An initial ("Vladimir V. Putin"),
    an honorific ("Mr Putin") or a given name of the entry ("Tayyip Erdogan") keeps the match."""
    before = m.start - 1
    if m.end - m.start != 1 or not name_word(before):
        return False
    word = toks[before]
    if len(word.norm) <= 1 or word.norm in HONORIFICS:
        return False
    given = {t.norm for e in m.entries if e.kind == "person" for t in tokenize(e.name)}
    return word.norm not in given


def _names_a_document(toks: list[Token], after: Match | None) -> bool:
    """Is the match right after a place a capitalised word for a text (sectors.tsv: "Protocol",
    "Agreement", "Act", "Treaty", JNK), which makes the place part of that text's name?"""
    return after is not None and after.best.kind == "sector" and after.best.sector == "JNK" \
        and toks[after.start].text[:1].isupper() and not toks[after.start].text.isupper()


def _spelled_acronym(toks: list[Token], m: Match, words: list[str], before: Match | None) -> bool:
    """An acronym in parentheses after a capitalised name spells that name: a lexicon entry
    for it naming someone else (a person, another body) is a false match; "the Japan
    Self-Defense Forces (JSDF)", where both name the same body, is kept."""
    word = words[toks[m.start].index] if toks[m.start].index < len(words) else ""
    text = toks[m.start].text
    if m.end - m.start != 1 or not (word.startswith("(") and word.rstrip(",;:.").endswith(")")) \
            or not (text.isupper() and len(text) > 1) or m.start == 0:
        return False
    if not toks[m.start - 1].text[:1].isupper():
        return False
    return before is None or before.best.name != m.best.name


def _inside_longer_name(toks: list[Token], m: Match, before: Match | None,
                        name_word: Callable[[int], bool]) -> bool:
    """A known body right after an unknown capitalised word ("the Lakeside Self Defense
    Forces") or after a town or region of another country ("North Kivu") is part of a
    longer name: another body. The phrase's first word is left alone: it may be capitalised
    only because it opens a sentence ("Angry Hamas supporters")."""
    if m.start - 1 >= 1 and name_word(m.start - 1):
        return True
    country = m.best.country
    return before is not None and before.best.kind in ("city", "region") and country is not None \
        and country not in CLASS_CODES and before.best.country not in (None, country)


# class codes are no country: a body of one (IGO, NGO, ...) may work in any town
CLASS_CODES = {"IGO", "NGO", "IMG", "MNC", "EUR", "WST", "AFR", "ASA", "MEA", "LAM", "NAF", "SAS", "SEA"}
