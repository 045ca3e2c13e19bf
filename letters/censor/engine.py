"""Matching a letter's words against the word lists (lexicon.py), with phrases, names and contexts.

The lists are compiled once per process into look-up tables (`compiled()`): a folded word form, or a
stem, gives the lemma keys it belongs to; a lemma key gives the patterns (single words and phrases)
that start with it. Reading a letter is then a handful of dictionary look-ups per word.
"""

import functools
import re
from collections import defaultdict
from dataclasses import dataclass

from letters.censor import lexicon
from letters.censor.lexicon import HARMLESS, Entry
from letters.censor.morphology import MIN_STEM, english_forms, is_russian_word, russian_forms, stem
from letters.censor.text import Token, fold, joined, spaced_runs, tokens

CONTEXT_WINDOW = 3  # words either side of a name that can give it away ('«Весна» передаёт привет')
NUMBER = "#"
_BE_LETTERS = re.compile("[іўІЎ'’ʼэЭ]")
_LATIN = re.compile("[a-zł]")
_WILDCARD_LETTERS = "аоеиуыяэю"
SPELLED_OUT_MAX = 16  # letters in a word spelled out letter by letter ('с в о б о д а')
SPELLED_OUT_BUDGET = 3000  # tries per letter, so a page of lone letters can't tie up the server
_VOWELS_AND_SIGNS = set("аоеиуыяэюьй")


@dataclass(frozen=True)
class Slot:
    keys: frozenset
    optional: bool


@dataclass(frozen=True)
class Pattern:
    entry: Entry
    slots: tuple[Slot, ...]


@dataclass(frozen=True)
class Match:
    entry: Entry
    first: int  # token indexes, inclusive
    last: int


class Lexicon:
    def __init__(self, entries):
        self.forms = defaultdict(set)  # folded form -> lemma keys
        self.stems = defaultdict(set)  # Belarusian stem -> lemma keys (not for Russian dictionary words)
        self.name_stems = defaultdict(set)  # stem of a name the dictionary lacks -> lemma keys
        self.starts = defaultdict(list)  # lemma key -> patterns whose first word it is
        self.context = {}  # (entry id) -> frozenset of keys that give a name away / make it harmless
        self._registered = {}
        for entry in entries:
            for language in ("ru", "be", "en"):
                for phrase in filter(None, getattr(entry, language).split("|")):
                    pattern = Pattern(entry, tuple(self._slot(word, language) for word in phrase.split()))
                    for key in pattern.slots[0].keys:
                        self.starts[key].append(pattern)
            unless = self._keys_of(entry.unless) if entry.unless else frozenset()
            context = self._keys_of(entry.context or lexicon.CONTEXT) if entry.proper else frozenset()
            self.context[id(entry)] = (context, unless)
        self.forms = {form: frozenset(keys) for form, keys in self.forms.items()}

    # --- building -------------------------------------------------------------------------------

    def _slot(self, word, language):
        optional = word.endswith("?")
        alternatives = word.rstrip("?").split("/")
        return Slot(frozenset(self._register(w, language) for w in alternatives), optional)

    def _keys_of(self, words):
        """Keys for context words, in whichever language they are written."""
        keys = set()
        for word in words.split("|"):
            if word == "-":
                continue
            if _LATIN.search(word):
                keys.add(self._register(word, "en"))
            elif _BE_LETTERS.search(word):
                keys.add(self._register(word, "be"))
            else:
                keys |= {self._register(word, "ru"), self._register(word, "be")}
        return frozenset(keys)

    def _register(self, word, language):
        folded = fold(word)
        if folded == NUMBER:
            return NUMBER
        if folded.startswith("="):  # this exact form only
            self.forms.setdefault(folded[1:], set()).add(folded)
            return folded
        if _LATIN.search(folded):
            language = "en"
        key = f"{language}:{folded}"
        if key in self._registered:
            return key
        self._registered[key] = True
        if language == "en":
            for form in english_forms(folded):
                self.forms.setdefault(form, set()).add(key)
            return key
        self.forms.setdefault(folded, set()).add(key)
        dictionary_forms = russian_forms(folded) if len(folded) > 1 else set()
        for form in dictionary_forms:
            self.forms.setdefault(form, set()).add(key)
        # A lemma that ends in a consonant ('рэжым', 'пікет') is its own stem: an ending-stripper would
        # take its last letters for an ending ('рэж-ым').
        word_stem = folded if folded[-1] not in _VOWELS_AND_SIGNS else stem(folded)
        if len(word_stem.rstrip("~")) < MIN_STEM:  # a one- or two-letter word: as written
            pass
        elif language == "be":
            self.stems[word_stem].add(key)
        elif not dictionary_forms:  # a Russian surname or word the dictionary lacks: by stem
            self.name_stems[word_stem].add(key)
        return key

    # --- reading --------------------------------------------------------------------------------

    @functools.lru_cache(maxsize=100_000)  # noqa: B019 (one Lexicon per process, never freed)
    def keys(self, norm: str) -> frozenset:
        if norm.isdigit():
            return frozenset((NUMBER,))
        if "*" in norm:
            return frozenset().union(*(self.keys(norm.replace("*", letter)) for letter in _WILDCARD_LETTERS))
        keys = set(self.forms.get(norm, ()))
        word_stem = stem(norm)
        keys |= self.name_stems.get(word_stem, set())
        if word_stem in self.stems and not is_russian_word(norm):
            keys |= self.stems[word_stem]
        return frozenset(keys)

    def starts_something(self, norm: str) -> bool:
        return any(key in self.starts for key in self.keys(norm))


@functools.cache
def compiled() -> Lexicon:
    """The word lists as look-up tables, built once per process."""
    return Lexicon(lexicon.ENTRIES)


def read(text: str) -> list[Token]:
    """The letter's words with their lemma keys; letters spaced apart are joined where that makes a
    listed word."""
    lex = compiled()
    words = tokens(text)
    budget = SPELLED_OUT_BUDGET
    for run in reversed(spaced_runs(text, words)):
        norms = [word.norm for word in run]
        offset, replaced = 0, []
        while offset <= len(run) - 3 and budget > 0:
            for size in range(min(len(run) - offset, SPELLED_OUT_MAX), 2, -1):
                budget -= 1
                if lex.starts_something("".join(norms[offset : offset + size])):
                    replaced.append((offset, size))
                    offset += size
                    break
            else:
                offset += 1
        for offset, size in reversed(replaced):
            at = words.index(run[offset])
            words[at : at + size] = [joined(run[offset : offset + size])]
    for word in words:
        word.keys = lex.keys(word.norm)
    return words


def _match_at(pattern: Pattern, words: list[Token], first: int) -> int | None:
    position = first
    sentence = words[first].sentence
    for slot in pattern.slots[1:]:
        found = None
        for candidate in range(position + 1, min(position + 2 + pattern.entry.gap, len(words))):
            if words[candidate].sentence != sentence:
                break
            if words[candidate].keys & slot.keys:
                found = candidate
                break
        if found is not None:
            position = found
        elif not slot.optional:
            return None
    return position


def _gives_a_name(words, index, context):
    word = words[index]
    if word.quoted or (word.capitalised and not word.first_in_sentence):
        return True
    low, high = max(0, index - CONTEXT_WINDOW), min(len(words), index + CONTEXT_WINDOW + 1)
    return any(words[i].sentence == word.sentence and words[i].keys & context for i in range(low, high) if i != index)


def matches(words: list[Token]) -> list[Match]:
    """Stop-list matches in text order, after names, harmless contexts and longer phrases are weighed."""
    lex = compiled()
    found, harmless = [], []
    sentence_keys = defaultdict(set)
    for word in words:
        sentence_keys[word.sentence] |= word.keys
    for index, word in enumerate(words):
        for key in word.keys:
            for pattern in lex.starts.get(key, ()):
                last = _match_at(pattern, words, index)
                if last is None:
                    continue
                if pattern.entry.topic == HARMLESS:
                    harmless.append((index, last))
                    continue
                context, unless = lex.context[id(pattern.entry)]
                if pattern.entry.proper and not _gives_a_name(words, index, context):
                    continue
                if unless & sentence_keys[word.sentence]:
                    continue
                found.append(Match(pattern.entry, index, last))
    found = [m for m in found if not any(a <= m.first and m.last <= b for a, b in harmless)]
    # A phrase wins over a word inside it ('на свободе' is release talk, not 'freedom').
    kept, seen = [], set()
    for m in sorted(found, key=lambda m: (m.first, -(m.last - m.first))):
        if any(k.first <= m.first and m.last <= k.last and (k.first, k.last) != (m.first, m.last) for k in kept):
            continue
        if (m.first, m.last) in seen:
            continue
        seen.add((m.first, m.last))
        kept.append(m)
    return kept
