"""Lemmas for the word lists: Russian forms from pymorphy3's dictionary, Belarusian and names by stem.

pymorphy3 (with pymorphy3-dicts-ru) expands every Russian lemma of the word lists into all its forms
once per process, so matching a letter is a dictionary look-up per word, not an analysis. Belarusian has
no packaged analyser of the same quality, so a Belarusian lemma (and a surname the dictionary doesn't
know) is matched by stem: `stem` strips one inflectional ending, Snowball-style, and keeps
reflexive verbs apart from the others ('вызваліцца' from work is not 'вызваліць' from prison). English
lemmas take the regular endings.
"""

import functools

from letters.censor.text import fold

MIN_STEM = 3

_VERB_ENDINGS = (
    # infinitives, present and past, Russian and Belarusian (folded: 'і'→'и', 'ў'→'у')
    "ать ять ить ыть еть уть оть ти ть аць яць иць ыць ець уць оць ци ць "
    "ешь ишь ете ите еце ице аем яем аеш яеш аюць яюць уць юць ают яют аете "
    "ил ила ило или ал ала ало али ял яла яло яли ыл ыла ыли ел ела ели иу ау ыу еу ла ло ли"
).split()
_REFLEXIVE_ENDINGS = ("ецца юцца уцца ацца яцца ицца ыцца цца ется ются ится ятся ется ться тся").split()
_NOUN_ENDINGS = (
    "ыми ими ами ями ого его ому ему ага яга аму яму ах ях ам ям ом ем ой ей ою ею ая яя ое ее ые ие ыя ия "
    "ый ий ых их ым им ую юю ов ев оу ау яу ай яй аю яю ье ья ью ьи ию ии ие иям иях иями "
    "а я о е ы и у ю ь"
).split()
_VERB_U_ENDINGS = tuple(
    sorted("аваць авала авали авау авалися уюць уем уеце уеш уецца уюцца".split(), key=len, reverse=True)
)
_ENDINGS = sorted(set(_VERB_ENDINGS) | set(_NOUN_ENDINGS), key=len, reverse=True)


@functools.lru_cache(maxsize=100_000)
def stem(word: str) -> str:
    """A folded word's stem; a reflexive verb's stem ends in '~'."""
    reflexive = False
    for ending in _REFLEXIVE_ENDINGS:
        if word.endswith(ending) and len(word) - len(ending) >= MIN_STEM:
            return word[: -len(ending)] + "~"
    if word.endswith(("ся", "сь")) and len(word) - 2 >= MIN_STEM + 1:
        word, reflexive = word[:-2], True
    if word.endswith("дзе") and len(word) >= MIN_STEM + 2:  # Belarusian 'свабодзе', 'судзе': д → дз
        word = word[:-2]
    elif (
        word.endswith("це") and not word.endswith(("цце", "еце", "ице")) and len(word) > MIN_STEM + 2
    ):  # 'Белсаце': т → ц
        word = word[:-2] + "т"
    elif word.endswith(_VERB_U_ENDINGS) and len(word) > MIN_STEM + 3:  # 'памілаваць', 'памілуюць'
        word = word[: -len(next(e for e in _VERB_U_ENDINGS if word.endswith(e)))] + "у"
    else:
        for ending in _ENDINGS:
            if word.endswith(ending) and len(word) - len(ending) >= MIN_STEM:
                word = word[: -len(ending)]
                break
    if word.endswith("дз") and len(word) >= MIN_STEM + 1:  # 'суддзя' and 'суддзі' share 'судд'
        word = word[:-1]
    if word.endswith(("ы", "и")) and len(word) > MIN_STEM + 1:  # 'санкцыя', 'санкцыі' share 'санкц'
        word = word[:-1]
    return word + ("~" if reflexive else "")


def english_forms(word: str) -> set[str]:
    forms = {word, word + "s", word + "es", word + "ed", word + "d", word + "ing", word + "'s", word + "’s"}
    if word.endswith("e"):
        forms |= {word[:-1] + "ing"}
    if word.endswith("y"):
        forms |= {word[:-1] + "ies", word[:-1] + "ied"}
    if word == "fight":
        forms |= {"fought"}
    return forms


@functools.cache
def analyser():
    """The pymorphy3 analyser, loaded once per process (about 0.1 s and 15 MB)."""
    import pymorphy3

    return pymorphy3.MorphAnalyzer(lang="ru")


def russian_forms(lemma: str) -> set[str]:
    """Every form of a Russian lemma in the dictionary (folded), or an empty set if it isn't there."""
    forms = set()
    for parse in analyser().parse(lemma):
        if fold(parse.normal_form) == lemma and parse.is_known:
            forms |= {fold(form.word) for form in parse.lexeme}
    return forms


def is_russian_word(word: str) -> bool:
    return analyser().word_is_known(word)
