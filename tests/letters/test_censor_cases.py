"""Recall and false alarms of the censor check on labelled sentences (tests/letters/censor_cases/).

dev.tsv was used while building the word lists; heldout.tsv was written first and is only scored. A
stop sentence counts as caught when a flag of its topic is raised; a harmless one as a false alarm when
any topic flag is (the language and length flags are left out: an English sentence always carries
the language flag, which is the point of it, not an alarm)."""

from collections import Counter
from pathlib import Path

import pytest

from letters.censor import RULES, check_letter

CASES = Path(__file__).parent / "censor_cases"
SPLITS = ("dev", "heldout")
LANGUAGES = ("be", "ru", "en")
MIN_RECALL = 0.95
MAX_FALSE_ALARMS = 0.05


def load(split):
    rows = []
    for number, line in enumerate((CASES / f"{split}.tsv").read_text().splitlines(), 1):
        if line.strip() and not line.startswith("#"):
            language, label, sentence = line.split("\t")
            rows.append((number, language, label, sentence))
    return rows


def test_the_cases_are_enough_balanced_and_the_held_out_split_is_about_a_quarter():
    dev, heldout = load("dev"), load("heldout")
    everything = dev + heldout
    assert len(everything) >= 400
    assert 0.2 <= len(heldout) / len(everything) <= 0.3
    stops = [row for row in everything if row[2] != "ok"]
    assert 0.45 <= len(stops) / len(everything) <= 0.55
    assert {language for _, language, _, _ in everything} == set(LANGUAGES)
    assert {label for _, _, label, _ in everything} <= set(RULES) | {"ok"}
    sentences = [sentence for *_, sentence in everything]
    assert len(sentences) == len(set(sentences))  # nothing shared between the splits


def topics(sentence):
    return {flag.code for flag in check_letter(sentence) if flag.code not in ("foreign_language", "too_long")}


def score(split, language):
    counts, misses, alarms = Counter(), [], []
    for number, lang, label, sentence in load(split):
        if lang != language:
            continue
        found = topics(sentence)
        if label == "ok":
            counts["harmless"] += 1
            if found:
                alarms.append(f"{split}.tsv:{number} {sentence} -> {sorted(found)}")
        else:
            counts["stop"] += 1
            if label not in found:
                misses.append(f"{split}.tsv:{number} [{label}] {sentence} -> {sorted(found)}")
    return counts, misses, alarms


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("split", SPLITS)
def test_recall_and_false_alarms(split, language):
    counts, misses, alarms = score(split, language)
    recall = 1 - len(misses) / counts["stop"]
    false_alarms = len(alarms) / counts["harmless"]
    assert counts["stop"] >= 10 and counts["harmless"] >= 10
    assert recall >= MIN_RECALL, "\n".join([f"recall {recall:.1%}", *misses])
    assert false_alarms <= MAX_FALSE_ALARMS, "\n".join([f"false alarms {false_alarms:.1%}", *alarms])
