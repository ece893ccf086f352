"""Surface forms: the key a name is registered and looked up under.

A lexicon's forms, a stop-list's names and a mention's text are compared after the same character
cleaning texts get (full-width digits, brackets, quotes), and a form written with layout spaces
(长三角 G60 科创走廊) is also matched without them, since PDF normalisation removes spaces next to
Chinese characters.
"""
from __future__ import annotations

import re
from functools import lru_cache

from extractors.normalize import clean_characters
from extractors.textutil import CJK_PUNCT, HAN

_PLAIN = re.compile("[\u4e00-\u9fff]+")  # what character cleaning and space removal leave as it is
_SPACE_IN_FORM = re.compile(
    rf"(?<=[{HAN}{CJK_PUNCT}0-9A-Za-z])[ ]+(?=[{HAN}{CJK_PUNCT}])|(?<=[{HAN}{CJK_PUNCT}])[ ]+(?=[0-9A-Za-z])"
)


@lru_cache(maxsize=8192)
def surface_key(form: str) -> str:
    """The key a surface form is registered and looked up under."""
    if _PLAIN.fullmatch(form):
        return form  # most names: nothing to clean
    return clean_characters(form.strip())


def surface_variants(form: str) -> set[str]:
    """The written variants a form is matched in: as cleaned, and without layout spaces
    (PDF normalisation removes spaces next to Chinese characters)."""
    if _PLAIN.fullmatch(form):
        return {form}
    key = surface_key(form)
    return {key, _SPACE_IN_FORM.sub("", key)}
