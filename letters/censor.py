"""Check a letter for what tends to get it withheld by prison censors in Belarus.

The guides the campaign follows (Libereco, PEN Belarus, Memorial, Mediazona; see shared/FACTS.md) agree:
write in Russian or Belarusian, keep it short, and leave out politics, the war, news, the prisoner's case
and words like 'freedom' and 'fight'. `check_letter` flags those things so the writer can rethink them;
it advises, it never blocks, and a clean result is no promise of delivery.

The same rules run in the browser (static/letters/censor.js) from `rules_for_client()`, so the term
lists below are the single source for both.

How terms are written: each is a small regular expression in the subset shared by Python `re` and
JavaScript (groups, `|`, `?`, `(?!…)`, `\\s`, `\\d`; no `\\b` or `\\w`, which are ASCII-only in JS).
Shorthands, expanded by `_term_source`:
  - a trailing `*` means "followed by any letters" (a stem: 'свабод*');
  - a space means "one or more whitespace characters";
  - Cyrillic 'і' also matches a Latin 'i', which Belarusian keyboards often produce.
Every term must start and end at a word edge (no letter before or after), so short stems list their
endings explicitly: 'суд(а|у|зе)?' catches 'суда' and 'судзе' but not 'судьба'.

Flags come back in text order, one per occurrence (the browser shows each distinct fragment once).
Spans index into the text as given: Python counts code points, JavaScript UTF-16 units.
"""

import functools
import re
from dataclasses import dataclass

from django.contrib.humanize.templatetags.humanize import intcomma
from django.utils.functional import lazy
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

# --- data -------------------------------------------------------------------------------------------

MAX_CHARS = 2500  # about one handwritten page; guides say short is better
MAX_WORDS = 400
LATIN_MIN_LETTERS = 4  # below this a Latin run is an initialism or numeral ('P.S.', 'XXI'), not a language

POLITICS_TERMS = (
    # freedom: the noun only, so 'свободное время' / 'вольны час' / 'free time' stay clean
    "свобод(а|ы|е|у|ой|ою|ам|ами|ах)?",
    "свабод(а|ы|зе|у|ай|аю|ам|амі|ах)?",
    "freedoms?",
    "день воли",
    "дня воли",
    "дзень волі",
    "дня волі",
    # fight; 'змагла' (she could) shares a prefix with 'змагар', hence the explicit forms
    "борьб(а|ы|е|у|ой|ою)",
    "бороть*",
    "борем*",
    "борет*",
    "борют*",
    "борол*",
    "барацьб(а|ы|е|у|ой|ою)",
    "змагар*",
    "змаган*",
    "змагац*",
    "змагае*",
    "змагаю*",
    "змагал*",
    "fight*",
    # regime, but not 'режим дня' (daily routine), which prisoners and their families talk about
    "режим(а|у|ом|е|ы|ов)?(?! (дня|сна|питания|работы))",
    "рэжым(а|у|ам|е|ы|аў)?(?! (дня|сну|харчавання|працы))",
    "regimes?",
    "диктатор*",
    "диктатур*",
    "дыктатар*",
    "дыктатур*",
    "dictator*",
    "протест(?!ант)*",
    "пратэст(?!ант)*",
    "protest(?!ant)*",
    "митинг*",
    "мітынг*",
    "забастовк*",
    "страйк*",
    "революц*",
    "рэвалюц*",
    "revolution*",
    "оппозиц*",
    "апазіц*",
    "opposition*",
    # elections: plural 'выборы'; the singular 'выбор' / 'выбар' means 'choice'
    "выбор(ы|ов|ам|ами|ах)",
    "выбар(ы|аў|ам|амі|ах)",
    "избирательн*",
    "выбарч*",
    "elections?",
    "electoral",
    "голосован*",
    "галасаван*",
    "референдум*",
    "рэферэндум*",
    "referendum*",
    "репресс*",
    "рэпрэс*",
    "repress*",
    "политзаключ*",
    "политз[еэ]к*",
    "палітвяз*",
    "палітзняволен*",
    "political prisoner*",
    "политик*",
    "политич*",
    "политолог*",
    "палітык*",
    "палітыч*",
    "politic*",
    "демократ*",
    "дэмакрат*",
    "democra*",
    "экстремист*",
    "экстрэміст*",
    "extremis*",
    "террорист*",
    "тэрарыст*",
    "terroris*",
    "власт(ь|и|ей|ям|ями|ях|ью)",
    "[уў]лад(а|ы|зе|у|ай|аю)",
    "правительств*",
    "урад(а|у|зе|ам|ы)?",
    "government*",
    "authorities",
    "президент*",
    "прэзідэнт*",
    "president*",
    "кгб",
    "кдб",
    "kgb",
    "омон*",
    "амап*",
    "omon",
    "губоп*",
    "силовик*",
    "сілавік*",
    # slogans and symbols of the 2020 protests, and the best-known opposition figures
    "жыве беларусь",
    "живе беларусь",
    "zhyve belarus",
    "бчб",
    "бел-чырвона-бел*",
    "бело-красно-бел*",
    "white-red-white",
    "тихановск*",
    "ціханоўск*",
    "tsikhanousk*",
    "tikhanovsk*",
    "бабарык*",
    "babaryk*",
)

CASE_TERMS = (
    # court; explicit endings keep 'судьба', 'судно', 'судоку' clean
    "суд(а|у|ом|е|ы|ов|ам|ами|ах)?",
    "суд(зе|оў|амі)",
    "суд(ья|ьи|ье|ью|ьёй|ьей|ей|ьям|ьями|ьях)",
    "суддз*",
    "судебн*",
    "судов(ы|ая|ае|ыя|ага|аму|ым|ых)",
    "courts?",
    "courtroom",
    "trials?",
    "judges?",
    "verdicts?",
    "вердикт*",
    "трибунал*",
    "приговор*",
    "прысуд*",
    "sentenc(e|ed|es|ing)",
    "апелляц*",
    "апеляц*",
    "кассац*",
    "касац*",
    "appeal*",
    "адвокат*",
    "адвакат*",
    "lawyers?",
    "attorneys?",
    "прокурор*",
    "пракурор*",
    "prosecut*",
    "следовател*",
    "следств(ие|ия|ии|ием|а|у|ам|е)",
    "следч(ы|ага|аму|ым|ыя|ых)",
    "обвинен*",
    "обвиня*",
    "абвінавач*",
    "charged with",
    "charges against",
    "уголовн*",
    "крымінальн*",
    "criminal case",
    # 'article 342': with a number it is the criminal code, without one a newspaper article
    "стать(я|и|е|ю|ей|ёй) \\d+",
    "ст\\. ?\\d+",
    "артыкул(а|е|у|ам)? \\d+",
    "article \\d+",
    "арест*",
    "арышт*",
    "arrest*",
    "обыск*",
    "вобшук*",
    "невиновн*",
    "невінават*",
    "помилов*",
    "памілав*",
    "pardon*",
    "амнист*",
    "амніст*",
    "amnest*",
    # release: wishing it is the commonest way a kind letter talks about the case
    "освобожд*",
    "освобод*",
    "вызвален*",
    "вызвалі*",
    "вызваля*",
    "releas(e|ed|es|ing)",
)

WAR_TERMS = (
    "войн(а|ы|е|у|ой|ою|ам|ами|ах)?",
    "вайн(а|ы|е|у|ой|ою)",
    "войнаў",
    "wars?",
    "warfare",
    "wartime",
    "войск*",
    "вайск*",
    "военн*",
    "военком*",
    "ваенн*",
    "ваенкам*",
    "арми(я|и|ю|ей|ям|ями|ях)",
    "армі(я|і|ю|яй|ям|ямі|ях)",
    "армейск*",
    "army",
    "armies",
    "military",
    "troops?",
    "солдат*",
    "салдат*",
    "soldiers?",
    "фронт(?!енд|энд)*",  # not 'фронтенд' (front-end work)
    "front line",
    "frontline",
    "front-line",
    "мобилиз*",
    "мабіліз*",
    "mobili[sz]*",
    "[уў]краин*",
    "[уў]краін*",
    "ukrain*",
    "вторжен*",
    "уварван*",
    "invasion",
    "invad*",
    "оккупа*",
    "акупа*",
    "сво",
    "спецоперац*",
    "нато",
    "nato",
)

NEWS_TERMS = (
    # only news about the world; 'какие у Вас новости?' (what's new with you) is welcome
    "в новостях",
    "по новостям",
    "последн(ие|их) новост(и|ей|ях)",
    "новости в (стране|мире)",
    "новостн*",
    "[уў] навінах",
    "па навінах",
    "апошні(я|х) навін(ы|ах|аў)",
    "навіны [уў] (краіне|свеце)",
    "in the news",
    "on the news",
    "latest news",
    "происходит в (стране|мире)",
    "адбываецца [уў] (краіне|свеце)",
    "сми",
    "смі",
    "телеграм-канал*",
    "тэлеграм-канал*",
    "санкци*",
    "санкцы*",
    "sanction*",
    "эмигр*",
    "эмігр*",
    "emigra*",
    "релокац*",
    "инфляц*",
    "інфляц*",
    "inflation",
    "кризис*",
    "крызіс*",
    "crisis",
    "беженц*",
    "бежанц*",
    "refugees?",
)

OFFICIALS = (
    # Lukashenka in Russian, Belarusian and the common Latin spellings (en, de, pl, fr, cs, nl)
    "лукаш[еэ]нк*",
    "[lł]o?uka(sh|sch|sz|š|sj|ch)[ea]nk*",
    "путин*",
    "пуцін*",
    "putin*",
    "зеленск(ий|ого|ому|им|ом)",
    "зяленск(і|ага|аму|ім)",
    "zelensk(y|yy|iy|i)",
    "кочанов(а|ой|у|ою)",  # not 'кочанов' (of cabbage heads)
    "качанав(а|ай|у|аю)",
    "kachanava",
    "kochanova",
    "тертел*",
    "тэртэл*",
    "tertel",
    "вольфович*",
    "вольфовіч*",
    "volfovich",
    "кубраков*",
    "кубракоў*",
    "kubrakau",
    "kubrakov",
    "головченк*",
    "галоўчанк*",
    "halouchank*",
    "golovchenk*",
    "турчин*",
    "турчын*",
    "turchin",
    "turchyn",
    "ермошин*",
    "ярмошын*",
    "yermoshina",
)

CODED_TERMS = (
    "между строк",
    "паміж радкоў",
    "between the lines",
    "понимаешь,? о ч[её]м я",
    "понимаете,? о ч[её]м я",
    "разумееш,? пра што я",
    "разумееце,? пра што я",
    "you know what i mean",
    "ну ты понял",
    "ну ты зразуме*",
    "нам[её]к*",
    "шифр*",
    "зашифр*",
    "шыфр*",
    "зашыфр*",
    "cipher*",
    "code words?",
    # prison slang reads as an insider's code
    "з[эе]к(и|а|у|ов|ам|ами|ах|ом)?",
    "маляв(а|ы|у|ой|ам|ами|ах)?",  # not 'малявка' (a little one)
    "вертухай*",
    "шмон*",
    "мент(ы|ов|ам|ами|ах)",
)

# Latin letters, spelled out because Python `re` has no \p{Script=Latin}.
LATIN_LETTER = "[A-Za-z\\u00C0-\\u00D6\\u00D8-\\u00F6\\u00F8-\\u024F\\u1E00-\\u1EFF]"


@dataclass(frozen=True)
class Rule:
    code: str
    message: str  # lazy: read in the page's language (check_letter and rules_for_client() take str())
    suggestion: str
    terms: tuple[str, ...] = ()


TERM_RULES = (
    Rule(
        "politics",
        _("Political words such as 'freedom', 'fight' or 'regime' get letters withheld by the prison censor."),
        _("Leave politics out; write about everyday life, books, nature and the people around you."),
        POLITICS_TERMS,
    ),
    Rule(
        "case",
        _("Letters that discuss the prisoner's case, the court, the sentence or release are usually withheld."),
        _("Don't write about the case; lawyers and family deal with it. Wish health and warmth instead."),
        CASE_TERMS,
    ),
    Rule(
        "war",
        _("Mentions of the war, Ukraine or the army get letters withheld."),
        _("Leave the war and the army out of the letter."),
        WAR_TERMS,
    ),
    Rule(
        "news",
        _("News and current events are a common reason for a letter to be held back."),
        _("Share personal news (family, pets, weather, books), not events in the country or the world."),
        NEWS_TERMS,
    ),
    Rule(
        "official",
        _("Names of officials and politicians make a letter political, and it is withheld."),
        _("Don't name officials or politicians, in any spelling."),
        OFFICIALS,
    ),
    Rule(
        "coded",
        _("Hints at hidden meaning, ciphers and prison slang look like coded writing, which is withheld."),
        _("Write plainly and say exactly what you mean."),
        CODED_TERMS,
    ),
)

FOREIGN_LANGUAGE = Rule(
    "foreign_language",
    _("Letters not in Russian or Belarusian are usually not delivered."),
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


# --- matching ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Flag:
    code: str
    message: str  # why it is a problem
    suggestion: str  # what to do
    fragment: str  # text[start:end]
    start: int
    end: int

    @property
    def span(self) -> tuple[int, int]:
        return (self.start, self.end)


@dataclass(frozen=True)
class _Dialect:
    letter: str  # one letter
    non_letter: str  # one character that is not a letter
    word_char: str  # one letter or digit


# Python's [^\W\d_] is "word character minus digits and underscore": the letters, like JS \p{L}.
PYTHON = _Dialect(letter=r"[^\W\d_]", non_letter=r"[\W\d_]", word_char=r"[^\W_]")
JAVASCRIPT = _Dialect(letter=r"\p{L}", non_letter=r"\P{L}", word_char=r"[\p{L}\p{N}]")


def _term_source(term: str, dialect: _Dialect) -> str:
    source = term.replace(" ", r"\s+").replace("і", "[іi]")
    if source.endswith("*"):
        source = source[:-1] + dialect.letter + "*"
    return source


def _terms_source(terms: tuple[str, ...], dialect: _Dialect) -> str:
    # Longest first, so 'political prisoner*' wins over 'politic*' where both match.
    alternatives = "|".join(_term_source(t, dialect) for t in sorted(terms, key=len, reverse=True))
    return f"(?<!{dialect.letter})(?:{alternatives})(?!{dialect.letter})"


def _latin_run_source(dialect: _Dialect) -> str:
    # A run of Latin words joined by anything but letters, with at least LATIN_MIN_LETTERS letters in it
    # (the lookahead), so a whole English paragraph is one flag and 'P.S.' or 'XXI' is none.
    gap, latin = dialect.non_letter, LATIN_LETTER
    return f"(?={latin}(?:{gap}*{latin}){{{LATIN_MIN_LETTERS - 1}}}){latin}+(?:{gap}+{latin}+)*"


def _pattern_rules(dialect: _Dialect) -> list[tuple[Rule, str]]:
    rules = [(rule, _terms_source(rule.terms, dialect)) for rule in TERM_RULES]
    rules.append((FOREIGN_LANGUAGE, _latin_run_source(dialect)))
    return rules


@functools.cache
def _compiled_rules() -> list[tuple[Rule, re.Pattern[str]]]:
    return [(rule, re.compile(source, re.IGNORECASE)) for rule, source in _pattern_rules(PYTHON)]


_WORD = re.compile(f"{PYTHON.word_char}+")


def _flag(rule: Rule, text: str, start: int, end: int) -> Flag:
    return Flag(rule.code, str(rule.message), str(rule.suggestion), text[start:end], start, end)


def _excess_start(text: str) -> int | None:
    """Where the text first goes past MAX_WORDS or MAX_CHARS, or None if it doesn't."""
    candidates = []
    words = list(_WORD.finditer(text))
    if len(words) > MAX_WORDS:
        candidates.append(words[MAX_WORDS].start())
    # '\r' is not counted: browsers submit CRLF line breaks but count them as one character.
    count = 0
    for offset, char in enumerate(text):
        if char != "\r":
            count += 1
            if count > MAX_CHARS:
                candidates.append(offset)
                break
    return min(candidates, default=None)


def check_letter(text: str) -> list[Flag]:
    """Flag what a prison censor in Belarus tends to object to, in text order, one flag per occurrence."""
    flags = [
        _flag(rule, text, match.start(), match.end())
        for rule, pattern in _compiled_rules()
        for match in pattern.finditer(text)
    ]
    excess = _excess_start(text)
    if excess is not None:
        flags.append(_flag(TOO_LONG, text, excess, len(text)))
    return sorted(flags, key=lambda flag: (flag.start, flag.end, flag.code))


def rules_for_client() -> dict:
    """The same rules for the browser: JavaScript regex sources for the flags 'giu', with their texts in
    the active language.

    Render it with Django's `json_script` filter as `<script type="application/json" id="censor-rules">`.
    """

    def describe(rule: Rule) -> dict:
        return {"code": rule.code, "message": str(rule.message), "suggestion": str(rule.suggestion)}

    return {
        "flags": "giu",
        "rules": [describe(rule) | {"pattern": source} for rule, source in _pattern_rules(JAVASCRIPT)],
        "length": describe(TOO_LONG)
        | {"max_chars": MAX_CHARS, "max_words": MAX_WORDS, "word_pattern": f"{JAVASCRIPT.word_char}+"},
    }
