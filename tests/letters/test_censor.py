"""The censor check: the examples from issue 12, disguises, language, flags, and the engine's own rules.
Recall and false alarms on the labelled sentences are in test_censor_cases.py."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from letters.censor import MAX_CHARS, MAX_WORDS, RULES, check_letter, language
from letters.censor.lexicon import ENTRIES, HARMLESS, REWORDINGS

SERVICE_CODES = {"foreign_language", "too_long"}


def topics(text):
    return [flag.code for flag in check_letter(text) if flag.code not in SERVICE_CODES]


# The issue's examples, each with the topic a censor would stop it for.
MISSED_BEFORE = [
    ("«Весны» передают привет", "organisation"),
    ("«Вясна» Вас памятае", "organisation"),
    ("Поздравляю с Нобелевской премией", "nobel"),
    ("Хутчэй бы Вы выйшлі на волю", "release"),
    ("Мы все следим за Вашим делом", "case"),
    ("Мы все ждём перемен в стране", "politics"),
    ("Усатый таракан скоро уйдёт", "official"),
    ("Мы ходзім на пікеты каля амбасады", "protest"),
    ("Желаем Вам свoбоды", "politics"),  # a Latin 'o' inside
    ("Бабарико передаёт привет", "official"),
    ("Колесникова держится", "official"),
    ("Навальный погиб в колонии", "official"),
    ("Вы настоящий правозащитник", "labels"),
    ("Вы сапраўдны праваабаронца", "labels"),
    ("Как прошла голодовка?", "case"),
    ("Вас опять отправили в ШИЗО?", "case"),
    ("Пусть придёт с в о б о д а", "politics"),
    ("Полит. заключённые держатся", "labels"),
]
FLAGGED_BEFORE = [
    "Я читаю «Войну и мир» Толстого.",
    "Телефон ночью в спящем режиме.",
    "Судьи на соревнованиях по плаванию были строгие.",
    "Мы змагаліся з пустазеллем увесь дзень.",
]


@pytest.mark.parametrize(("text", "topic"), MISSED_BEFORE, ids=[text for text, _ in MISSED_BEFORE])
def test_the_issues_missed_examples_are_caught(text, topic):
    assert topic in topics(text)


@pytest.mark.parametrize("text", FLAGGED_BEFORE)
def test_the_issues_harmless_examples_pass(text):
    assert check_letter(text) == []


def test_the_names_in_one_sentence_are_three_flags():
    flags = check_letter("Бабарико, Колесникова, Навальный — все в наших мыслях.")
    assert [(f.code, f.fragment) for f in flags] == [
        ("official", "Бабарико"),
        ("official", "Колесникова"),
        ("official", "Навальный"),
    ]


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        ("Желаем Вам cвoбoды", "cвoбoды"),  # Latin c and o
        ("Желаем Вам св0б0ды", "св0б0ды"),  # digits
        ("Желаем Вам сво\u00adбоды", "сво\u00adбоды"),  # a soft hyphen
        ("Желаем Вам сво\u200bбоды", "сво\u200bбоды"),  # a zero-width space
        ("Желаем Вам свобо\u0301ды", "свобо\u0301ды"),  # a stress mark
        ("Желаем Вам с в о б о д ы", "с в о б о д ы"),
        ("Желаем Вам с.в.о.б.о.д.ы", "с.в.о.б.о.д.ы"),
        ("Желаем Вам с-в-о-б-о-д-ы", "с-в-о-б-о-д-ы"),
        ("Зычым Вам свабоды", "свабоды"),
        ("Зычым Вам свабодзе", "свабодзе"),
        ("Лук*шенко опять", "Лук*шенко"),
        ("Привет от «Bесны»", "Bесны"),  # a Latin B
        ("ЛУКАШЕНКО", "ЛУКАШЕНКО"),
        ("Łukaszenka", "Łukaszenka"),
        ("Палiтвязні ў нашых думках.", "Палiтвязні"),  # Latin 'i' for Belarusian 'і'
    ],
)
def test_disguises_are_undone_and_the_flag_quotes_what_was_typed(text, fragment):
    assert fragment in [flag.fragment for flag in check_letter(text)]


@pytest.mark.parametrize(
    "text",
    [
        "А я в шоке от погоды.",  # one-letter words in a row are not a spelled-out word
        "P.S. Целую!",
        "В XXI веке всё ещё пишут письма от руки.",
        "Какие у Вас новости? Что читаете?",
        "Такая уж у него судьба — всегда опаздывать.",
        "В свободное время я вяжу носки.",
        "Мы ждём перемен погоды к лучшему.",
        "Весна в этом году ранняя.",
        "Вясна сёлета ранняя.",
        "Собака сорвалась с поводка и убежала на волю.",
        "Брат вызваліўся раней з працы.",
        "Режим дня у меня простой.",
        "Я работаю фронтенд-разработчиком.",
        "Мой выбар — гарбата з мёдам.",
    ],
)
def test_near_misses_pass(text):
    assert check_letter(text) == []


@pytest.mark.parametrize(
    ("text", "topic"),
    [
        # Belarusian by stem: a lemma in the list, its forms in the letter
        ("Што сказалі ў судзе?", "case"),
        ("Суддзёй быў той самы чалавек.", "case"),
        ("Гэтым рэжымам усе стомленыя.", "politics"),
        ("Ля амбасады было шмат пікетаў.", "protest"),
        ("Колькі цяпер палітвязняў?", "labels"),
        ("Дзякуй праваабаронцам.", "labels"),
        ("Спадзяемся на амністыю.", "release"),
        ("Можа, Вас памілуюць.", "release"),
        ("Чакаем, калі Вы вызваліцеся.", "release"),
        ("Калеснікавай перадайце прывітанне.", "official"),
        ("Пра гэта пісалі ў Нашай Ніве.", "organisation"),
        # Russian by pymorphy3's dictionary
        ("Правозащитникам всего мира спасибо.", "labels"),
        ("Политзаключённых всё больше.", "labels"),
        ("Тихановской передайте привет.", "official"),
        ("Скоро Вы освободитесь.", "release"),
        ("Борьба продолжается.", "politics"),
    ],
)
def test_forms_of_a_lemma_are_caught(text, topic):
    assert topic in topics(text)


@pytest.mark.parametrize(
    "text",
    [
        "Сестра освободилась пораньше с работы.",
        "Мы боремся с сорняками всё лето.",
        "Рэжым дня ў нас просты.",
        "Судьи на конкурсе были добрые.",
        "Дочка стала лауреатом конкурса юных пианистов.",
        "На даче большой фронт работ.",
        "Соседка — мать-одиночка, мы ей помогаем.",
        "Внук пересматривает «Звёздные войны».",
    ],
)
def test_a_word_in_a_harmless_sentence_passes(text):
    assert topics(text) == []


def test_a_page_of_lone_letters_is_read_in_bounded_time():
    # Joining spelled-out letters tries a bounded number of candidates (engine.SPELLED_OUT_BUDGET).
    assert [flag.code for flag in check_letter("а " * 3000)] == ["too_long"]
    assert topics("ж ы в е б е л а р у с ь") == ["protest"]


def test_a_phrase_wins_over_the_word_inside_it():
    [flag] = check_letter("Ждём Вас на свободе!")
    assert (flag.code, flag.fragment) == ("release", "на свободе")


def test_a_harmless_context_is_only_the_context():
    assert topics("Я читаю «Войну и мир», а война всё идёт.") == ["war"]


def test_a_flag_names_the_reason_and_offers_a_rewording_in_the_letters_language():
    [ru] = check_letter("Поздравляю с Нобелевской премией!")
    assert (ru.code, ru.fragment, ru.span) == ("nobel", "Нобелевской", (13, 24))
    assert "Nobel Prize" in ru.message and ru.suggestion
    assert ru.rewording == REWORDINGS["congratulate"]["ru"]
    [be] = check_letter("Віншую з Нобелеўскай прэміяй!")
    assert be.rewording == REWORDINGS["congratulate"]["be"]
    [official] = check_letter("Лукашенко опять выступал.")
    assert official.rewording == ""  # nothing to say instead


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Добры дзень! Як Ваша здароўе? Мы ўсе Вас абдымаем.", "be"),
        ("Сёння цёпла і сонечна.", "be"),
        ("Здравствуйте! Как Ваше здоровье? Мы все Вас обнимаем.", "ru"),
        ("Добрий день! Як Ваше здоров'я? Ми всі Вас обіймаємо.", "uk"),
        ("Ми дуже чекаємо на Вашого листа.", "uk"),
        ("Hello! How are you? We all send our love.", "latin"),
        ("Hi", None),
    ],
)
def test_language_tells_belarusian_russian_ukrainian_and_latin_apart(text, expected):
    assert language(text) == expected


def test_ukrainian_is_flagged_as_a_foreign_language_and_belarusian_is_not():
    [flag] = check_letter("Ми дуже чекаємо на Вашого листа.")
    assert flag.code == "foreign_language" and "Ukrainian" in flag.message
    assert check_letter("Мы вельмі чакаем Вашага ліста.") == []


def test_an_english_letter_is_one_foreign_language_flag():
    text = "Dear friend,\n\nI hope you are well. The garden is green.\n\nWith love,\nAnna"
    [flag] = check_letter(text)
    assert (flag.code, flag.span) == ("foreign_language", (0, len(text)))


def test_a_disguised_word_is_not_a_foreign_word():
    assert [flag.code for flag in check_letter("Желаем Вам cвoбoды")] == ["politics"]


def test_one_flag_per_occurrence():
    assert topics("Суд, суд и ещё раз суд.") == ["case", "case", "case"]


def test_short_letter_is_fine_and_long_letter_is_flagged_from_the_limit():
    sentence = "Сегодня тепло и тихо. "
    assert check_letter(sentence * 10) == []
    long_text = sentence * 200
    [flag] = check_letter(long_text)
    assert flag.code == "too_long"
    assert flag.end == len(long_text)
    assert flag.start <= MAX_CHARS


def test_too_many_words_is_flagged_at_the_first_extra_word():
    text = "да " * (MAX_WORDS + 5)
    [flag] = check_letter(text)
    assert (flag.code, flag.start) == ("too_long", 3 * MAX_WORDS)


def test_crlf_line_breaks_count_once():
    assert check_letter("-\r\n" * (MAX_CHARS // 2)) == []


def test_every_entry_has_a_known_topic_and_rewording():
    for entry in ENTRIES:
        # the tokeniser splits at hyphens and dots, so a word list never holds one
        assert not any(c in f"{entry.ru}{entry.be}{entry.en}" for c in "-."), entry
        assert entry.topic == HARMLESS or entry.topic in RULES, entry
        assert isinstance(entry.unless, str) and isinstance(entry.context, str), entry
        assert not entry.reword or set(REWORDINGS[entry.reword]) == {"ru", "be", "en"}, entry


@given(st.text(alphabet=st.sampled_from("абвгдсуоэіўaeiouxyz .,!?\r\n-'*@0312«»"), max_size=400))
def test_flags_are_in_order_and_fragments_match_their_spans(text):
    flags = check_letter(text)
    assert flags == sorted(flags, key=lambda flag: (flag.start, flag.end, flag.code))
    assert all(text[flag.start : flag.end] == flag.fragment for flag in flags)


def test_a_short_sentence_is_reworded_in_the_letters_language():
    flags = check_letter("Добры дзень! Сёння ў нас цёпла. «Вясна» Вас памятае.")
    assert [(flag.code, flag.rewording) for flag in flags] == [("organisation", REWORDINGS["greetings"]["be"])]


@pytest.mark.parametrize(
    ("text", "topic"),
    [("Мы были на акции с бело-красно-белым флагом.", "protest"), ("Прочитала в телеграм-канале.", "news")],
)
def test_hyphenated_phrases_are_caught(text, topic):
    assert topic in topics(text)
