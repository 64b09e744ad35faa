"""Whether a text is English, measured by its share of English function words.

English running text is about 40 % function words ("the", "of", "and", "to", …); text in
other languages, even with English names in it, stays far below the threshold used here. Only
English is recognised: for anything else the language is unknown, not guessed.

>>> is_english("Stalin: We cannot exclude Dairen from the military zone. In case of war we "
...            "would have to interfere. Chinese will want us to interfere.")
True
>>> is_english("Сталин: Мы не можем исключить Дальний из военной зоны.")
False
"""

from __future__ import annotations

import re

_FUNCTION_WORDS = frozenset(
    str.split("""
    the of and to in a an is are was were be been it that this these those for with as on at by
    from not no we you they he she i me us them our your their his her its will would shall
    should can could may might must have has had do does did but or if so than then there here
    what which who whom when where why how all any some such very
    """)
)
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")
_MIN_WORDS = 20
_MIN_SHARE = 0.25


def is_english(text: str) -> bool:
    """True when ``text`` has enough words and enough of them are English function words."""
    words = [w.casefold() for w in _WORD.findall(text)]
    if len(words) < _MIN_WORDS:
        return False
    share = sum(1 for w in words if w in _FUNCTION_WORDS) / len(words)
    return share >= _MIN_SHARE
