"""A letter as a censor reads it: words with their spans, their sentence, and their disguises undone.

`tokens(text)` splits the text into words and folds each into the spelling the word lists use:
lower case, 'ё'→'е', 'і'→'и', 'ў'→'у', no apostrophes or stress marks, Latin or digit look-alikes
inside a Cyrillic word turned back into Cyrillic ('cвoбoдa', 'св0б0да'), letters spaced or dotted apart
joined ('с в о б о д а', 'с.в.а.б.о.д.а'), and a few abbreviations expanded ('полит.' → 'политический').
Spans always index into the text as given, so a flag quotes exactly what the writer typed.

`language(text)` tells Belarusian from Russian, Ukrainian and Latin-script text by the letters that
only one of them uses.
"""

import functools
import re
from collections import Counter
from dataclasses import dataclass, field

# Characters that sit inside a word without being letters: apostrophes (Belarusian 'сям'я'), stress
# marks, soft hyphens and zero-width characters (invisible, so also a way to hide a word), and the
# '@' or '*' that stands for a letter ('св@бода', 'Лук*шенко').
_JOINERS = "'’ʼ\u0301\u00ad\u200b\u200c\u200d\u2060\ufeff@*"
_INVISIBLE = str.maketrans("", "", "'’ʼ\u0301\u00ad\u200b\u200c\u200d\u2060\ufeff")
_WORD = re.compile(rf"[^\W_]+(?:[{_JOINERS}]+[^\W\d_][^\W_]*)*")
_SENTENCE_END = re.compile(r"[.!?…\n]")
_OPENING_QUOTES = "«\"„“‘'‹"
_CLOSING_QUOTES = "»\"“”’'›"

_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
_LATIN = re.compile(r"[a-zA-Z\u00c0-\u024f]")

# Latin letters and digits that look like Cyrillic ones; used only in a word that is Cyrillic already
# (or that is all look-alikes among Cyrillic words), so English stays English.
_LOOK_ALIKES = str.maketrans(
    "AaBCcEeHKkMmOoPpTXxYyIiurn0364@",
    "АаВСсЕеНКкМмОоРрТХхУуІіигпозбча",
)
_LOOK_ALIKE_LETTERS = set("AaBCcEeHKkMmOoPpTXxYyIi")
_FOLD = str.maketrans("ёіўїє", "еиуие")

# Abbreviations a writer uses to dodge a word, written out (folded spelling).
ABBREVIATIONS = {
    "полит": "политический",
    "палит": "палитычны",
    "политич": "политический",
    "палитыч": "палитычны",
    "правозащ": "правозащитник",
    "нобел": "нобелевский",
}


def fold(word: str) -> str:
    """The spelling the word lists are kept in (see the module docstring)."""
    return word.lower().translate(_INVISIBLE).translate(_FOLD)


@dataclass(slots=True)
class Token:
    start: int
    end: int
    surface: str  # as typed
    norm: str  # folded, disguises undone
    sentence: int
    first_in_sentence: bool
    quoted: bool  # right after an opening or right before a closing quotation mark
    latin: bool  # a Latin-script word, as typed (not a disguised Cyrillic one)
    joined: bool = False  # letters spaced apart, joined
    keys: frozenset = field(default=frozenset())  # filled by the lexicon: lemmas and the word itself

    @property
    def capitalised(self) -> bool:
        return self.surface[:1].isupper()


@functools.lru_cache(maxsize=100_000)
def _unmask(word: str, cyrillic_context: bool) -> tuple[str, bool]:
    """Fold a word; undo look-alike letters where the word is (or sits among) Cyrillic.
    Returns (folded word, whether it is a Latin-script word)."""
    has_cyrillic = bool(_CYRILLIC.search(word))
    has_latin = bool(_LATIN.search(word))
    if has_cyrillic or (has_latin and cyrillic_context and all(c in _LOOK_ALIKE_LETTERS for c in word if c.isalpha())):
        return fold(word.translate(_LOOK_ALIKES)), False
    return fold(word), has_latin


def tokens(text: str) -> list[Token]:
    matches = list(_WORD.finditer(text))
    cyrillic_words = sum(1 for m in matches if _CYRILLIC.search(m.group()))
    cyrillic_context = cyrillic_words * 2 >= len(matches)
    result: list[Token] = []
    sentence, previous_end, previous_short = 0, 0, False
    for match in matches:
        start, end = match.span()
        gap = text[previous_end:start]
        first = not result
        if result and _SENTENCE_END.search(gap):
            # a dot after an abbreviation or a lone letter ('полит.', 'с.в.о') does not end a sentence
            if "\n" in gap or re.search(r"[!?…]", gap) or not previous_short:
                sentence += 1
                first = True
        surface = match.group()
        norm, latin = _unmask(surface, cyrillic_context)
        short = len(norm) == 1
        if norm in ABBREVIATIONS and text[end : end + 1] == ".":
            norm, short = ABBREVIATIONS[norm], True
        after = text[end : end + 1]
        quoted = bool(gap and gap[-1] in _OPENING_QUOTES) or bool(after and after in _CLOSING_QUOTES and after != "'")
        result.append(Token(start, end, surface, norm, sentence, first, quoted, latin))
        previous_end, previous_short = end, short
    return result


_SPACER = re.compile(r"[ \t.\-_*·•,/]{1,3}")


def spaced_runs(text: str, words: list[Token]) -> list[list[Token]]:
    """Runs of three or more one-letter words with short spacers between them ('с в о б о д а')."""
    runs, run = [], []
    for token in words:
        if len(token.norm) == 1 and token.norm.isalpha():
            if run and not (_SPACER.fullmatch(text[run[-1].end : token.start]) and token.sentence == run[-1].sentence):
                if len(run) >= 3:
                    runs.append(run)
                run = []
            run.append(token)
        else:
            if len(run) >= 3:
                runs.append(run)
            run = []
    if len(run) >= 3:
        runs.append(run)
    return runs


def joined(run: list[Token]) -> Token:
    first, last = run[0], run[-1]
    return Token(
        first.start,
        last.end,
        "".join(t.surface for t in run),
        "".join(t.norm for t in run),
        first.sentence,
        first.first_in_sentence,
        first.quoted,
        latin=False,
        joined=True,
    )


# --- which language --------------------------------------------------------------------------------

BE, RU, UK, LATIN = "be", "ru", "uk", "latin"
_BE_ONLY = "ўЎ"
_RU_ONLY = "ъЪщЩ"
_UK_ONLY = "їЇєЄґҐ"
_BE_UK = "іІ"  # Belarusian and Ukrainian, never Russian
_RU_UK = "иИ"  # Russian and Ukrainian, never Belarusian
_NOT_UK = "ыЫэЭёЁ"  # Russian and Belarusian, never Ukrainian
_MARKER_CLASS = {
    char: name
    for name, letters in (
        ("be", _BE_ONLY),
        ("ru", _RU_ONLY),
        ("uk", _UK_ONLY),
        ("be_uk", _BE_UK),
        ("ru_uk", _RU_UK),
        ("not_uk", _NOT_UK),
    )
    for char in letters
}
_MARKERS = re.compile(f"[{''.join(_MARKER_CLASS)}]")
_CYRILLIC_LETTERS = re.compile(r"[\u0400-\u04ff]")
_LATIN_LETTERS = re.compile(r"[a-zA-Z]")
_APOSTROPHE_IN_WORD = re.compile(r"[^\W\d_]['’ʼ][^\W\d_]")


def language(text: str) -> str | None:
    """'be', 'ru', 'uk' or 'latin' for the script and letters the text is written in, None if it has
    too few letters to tell."""
    latin = len(_LATIN_LETTERS.findall(text))
    cyrillic = len(_CYRILLIC_LETTERS.findall(text))
    if cyrillic + latin < 3:
        return None
    if latin > cyrillic:
        return LATIN
    markers = Counter(_MARKER_CLASS[char] for char in _MARKERS.findall(text))
    if markers["uk"] or (
        markers["be_uk"] and markers["ru_uk"] and not (markers["be"] or markers["ru"] or markers["not_uk"])
    ):
        return UK
    be = markers["be"] + markers["be_uk"] + len(_APOSTROPHE_IN_WORD.findall(text))
    ru = markers["ru"] + markers["ru_uk"]
    if be > ru:
        return BE
    if ru:
        return RU
    return None
