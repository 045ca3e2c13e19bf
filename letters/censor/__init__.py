"""Check a letter for what tends to get it withheld by prison censors in Belarus.

The check reads words, not spellings: it undoes disguises (text.py), finds the lemmas of the word lists
in any of their forms, as phrases and in context (engine.py, lexicon.py), and tells the writer why each
find matters and, where one exists, a rewording in the letter's language. It advises, it never blocks,
and a clean result is no promise of delivery. The browser's live check asks the server (views.check),
so there is one engine.

Flags come back in text order, one per occurrence; spans index into the text as given.
"""

import re
from dataclasses import dataclass

from django.contrib.humanize.templatetags.humanize import intcomma
from django.utils.functional import lazy
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from letters.censor import engine
from letters.censor.lexicon import REWORDINGS
from letters.censor.text import BE, LATIN, UK, language

MAX_CHARS = 2500  # about one handwritten page; guides say short is better
MAX_WORDS = 400
LATIN_MIN_LETTERS = 4  # below this a Latin run is an initialism or numeral ('P.S.', 'XXI'), not a language

__all__ = ["MAX_CHARS", "MAX_WORDS", "Flag", "Rule", "RULES", "check_letter", "language", "warm_up"]


@dataclass(frozen=True)
class Rule:
    code: str
    message: str  # lazy: read in the page's language
    suggestion: str


RULES = {
    rule.code: rule
    for rule in (
        Rule(
            "organisation",
            _(
                "Viasna and other organisations banned as 'extremist' in Belarus: naming them can put the "
                "prisoner at risk, and the letter is withheld."
            ),
            _("Don't name the organisation or its website, in any spelling; say that friends send greetings."),
        ),
        Rule(
            "campaign",
            _("Campaigns, petitions and solidarity actions are political in a censor's eyes."),
            _("Leave out the campaign and this site; say that many people remember the prisoner."),
        ),
        Rule(
            "nobel",
            _("The Nobel Prize and other awards are linked to Viasna's work, which Belarus calls extremist."),
            _("Congratulate without naming the prize."),
        ),
        Rule(
            "release",
            _("Talk of release, amnesty or pardon is about the case, and such letters are usually withheld."),
            _("Write that you look forward to meeting, not about release."),
        ),
        Rule(
            "case",
            _("Letters that discuss the prisoner's case, the court, the sentence or release are usually withheld."),
            _("Don't write about the case; lawyers and family deal with it. Wish health and warmth instead."),
        ),
        Rule(
            "official",
            _("Names of officials and politicians make a letter political, and it is withheld."),
            _("Don't name officials or politicians, in any spelling."),
        ),
        Rule(
            "protest",
            _("Protests, pickets and their symbols are among the first things a censor looks for."),
            _("Leave protests and pickets out of the letter."),
        ),
        Rule(
            "politics",
            _("Political words such as 'freedom', 'fight' or 'regime' get letters withheld by the prison censor."),
            _("Leave politics out; write about everyday life, books, nature and the people around you."),
        ),
        Rule(
            "labels",
            _(
                "The words 'political prisoner' and 'human rights defender' are themselves a reason to withhold "
                "a letter."
            ),
            _("Leave these words out; write to the person, not about their status."),
        ),
        Rule(
            "war",
            _("Mentions of the war, Ukraine or the army get letters withheld."),
            _("Leave the war and the army out of the letter."),
        ),
        Rule(
            "news",
            _("News and current events are a common reason for a letter to be held back."),
            _("Share personal news (family, pets, weather, books), not events in the country or the world."),
        ),
        Rule(
            "coded",
            _("Hints at hidden meaning, ciphers and prison slang look like coded writing, which is withheld."),
            _("Write plainly and say exactly what you mean."),
        ),
    )
}

FOREIGN_LANGUAGE = Rule(
    "foreign_language",
    _("Letters not in Russian or Belarusian are usually not delivered."),
    _("Write in Russian or Belarusian (the phrasebook can help) and leave out foreign words."),
)
UKRAINIAN = Rule(
    "foreign_language",
    _("This looks like Ukrainian. Letters not in Russian or Belarusian are usually not delivered."),
    _("Write in Russian or Belarusian (the phrasebook can help) and leave out foreign words."),
)


def _too_long_suggestion():
    return gettext(
        "Keep to about one page (%(max_chars)s characters or %(max_words)s words); the part past that is marked."
    ) % {"max_chars": intcomma(MAX_CHARS), "max_words": MAX_WORDS}


TOO_LONG = Rule(
    "too_long",
    _("Long letters are more likely to be held back: short is better."),
    lazy(_too_long_suggestion, str)(),
)


@dataclass(frozen=True)
class Flag:
    code: str
    message: str  # why it is a problem
    suggestion: str  # what to do
    fragment: str  # text[start:end]
    start: int
    end: int
    rewording: str = ""  # a safe line to use instead, in the letter's language, if there is one

    @property
    def span(self) -> tuple[int, int]:
        return (self.start, self.end)


def _flag(rule: Rule, text: str, start: int, end: int, rewording: str = "", texts=None) -> Flag:
    message, suggestion = texts[rule] if texts else (str(rule.message), str(rule.suggestion))
    return Flag(rule.code, message, suggestion, text[start:end], start, end, rewording)


class _Texts(dict):
    """A rule's message and suggestion in the active language, translated once per check."""

    def __missing__(self, rule):
        self[rule] = (str(rule.message), str(rule.suggestion))
        return self[rule]


_WORD = re.compile(r"[^\W_]+")


def _excess_start(text: str) -> int | None:
    """Where the text first goes past MAX_WORDS or MAX_CHARS, or None if it doesn't."""
    candidates = []
    words = list(_WORD.finditer(text))
    if len(words) > MAX_WORDS:
        candidates.append(words[MAX_WORDS].start())
    # '\r' is not counted: browsers submit CRLF line breaks but count them as one character.
    if len(text) - text.count("\r") <= MAX_CHARS:
        return min(candidates, default=None)
    count = 0
    for offset, char in enumerate(text):
        if char != "\r":
            count += 1
            if count > MAX_CHARS:
                candidates.append(offset)
                break
    return min(candidates, default=None)


def _sentences(words):
    spans = {}
    for word in words:
        first, _last = spans.get(word.sentence, (word.start, word.end))
        spans[word.sentence] = (first, word.end)
    return spans


def _foreign(text, words, sentences, languages, texts):
    """A run of Latin-script words (with at least LATIN_MIN_LETTERS letters), and every Ukrainian sentence."""
    flags, run = [], []

    def close():
        if run and sum(sum(c.isalpha() for c in w.surface) for w in run) >= LATIN_MIN_LETTERS:
            flags.append(_flag(FOREIGN_LANGUAGE, text, run[0].start, run[-1].end, texts=texts))
        run.clear()

    for word in words:
        if word.latin:
            run.append(word)
        elif word.norm.isalpha():
            close()
    close()
    for index, (start, end) in sentences.items():
        if languages[index] == UK:
            flags.append(_flag(UKRAINIAN, text, start, end, texts=texts))
    return flags


def check_letter(text: str) -> list[Flag]:
    """Flag what a prison censor in Belarus tends to object to, in text order, one flag per occurrence."""
    words = engine.read(text)
    sentences = _sentences(words)
    whole = language(text)  # for a sentence too short to tell on its own ('«Вясна» Вас памятае.')
    languages = {index: language(text[start:end]) or whole for index, (start, end) in sentences.items()}
    texts = _Texts()
    flags = []
    for match in engine.matches(words):
        first, last = words[match.first], words[match.last]
        rewording = ""
        if match.entry.reword:
            written_in = languages[first.sentence]
            key = "be" if written_in == BE else "en" if written_in == LATIN else "ru"
            rewording = REWORDINGS[match.entry.reword][key]
        flags.append(_flag(RULES[match.entry.topic], text, first.start, last.end, rewording, texts))
    flags += _foreign(text, words, sentences, languages, texts)
    excess = _excess_start(text)
    if excess is not None:
        flags.append(_flag(TOO_LONG, text, excess, len(text), texts=texts))
    return sorted(flags, key=lambda flag: (flag.start, flag.end, flag.code))


def warm_up() -> None:
    """Build the word tables now rather than on the first letter (about a second)."""
    engine.compiled()
