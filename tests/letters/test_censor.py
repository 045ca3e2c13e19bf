import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from letters import censor
from letters.censor import MAX_CHARS, MAX_WORDS, check_letter, rules_for_client

CENSOR_JS = Path(censor.__file__).parent / "static" / "letters" / "censor.js"

# (sentence, flag codes expected in text order). English sentences always carry foreign_language:
# letters not in Russian or Belarusian are usually not delivered.
EXAMPLES = [
    # Belarusian, nothing to flag
    ("Сёння на двары цёпла і сонечна, і я доўга шпацыравала ў парку.", ()),
    ("Наш кот увесь дзень спаў на падаконніку.", ()),
    ("Віншую Вас з днём нараджэння! Зычу моцнага здароўя.", ()),
    ("У вольны час я чытаю кнігі Караткевіча.", ()),
    ("Такі ўжо ў яго лёс — заўсёды спазняцца.", ()),
    ("Я не змагла прыйсці, бо ішоў моцны дождж.", ()),
    ("Раніцай выпаў першы снег, і двор стаў белы.", ()),
    ("Мой выбар — гарбата з мёдам.", ()),
    ("Ураджай яблыкаў сёлета вялікі.", ()),
    ("Які ў Вас рэжым дня?", ()),
    ("Якія ў Вас навіны? Напішыце, калі будзе час.", ()),
    # Belarusian, to flag
    ("Свабоду палітвязням!", ("politics", "politics")),
    ("Жыве Беларусь!", ("politics",)),
    ("Мы не спынім барацьбу, пакуль не пераможам.", ("politics",)),
    ("Верым у свабоду і ў перамогу.", ("politics",)),
    ("Шмат хто змагаецца за Вас.", ("politics",)),
    ("Гэты рэжым не вечны.", ("politics",)),
    ("Як прайшоў суд? Што сказалі ў судзе?", ("case", "case")),
    ("Адвакат кажа, што апеляцыю разгледзяць у маі.", ("case", "case")),
    ("Спадзяюся, што Вас хутка вызваляць.", ("case",)),
    ("Вайна ва Ўкраіне цягнецца ўжо гады.", ("war", "war")),
    ("Мой брат служыць у войску.", ("war",)),
    ("Лукашэнка зноў выступаў.", ("official",)),
    ("Пра гэта казалі ў навінах.", ("news",)),
    ("Чытай паміж радкоў.", ("coded",)),
    ("Палiтвязні ў нашых думках.", ("politics",)),  # Latin 'i' typed for Cyrillic 'і'
    # Russian, nothing to flag
    ("Сегодня солнечно, и мы гуляли в парке до самого вечера.", ()),
    ("Мой кот Барсик всё утро спал на батарее.", ()),
    ("Поздравляю с днём рождения! Желаю здоровья и тепла.", ()),
    ("В свободное время я вяжу носки и пеку пироги.", ()),
    ("Такая уж у него судьба — всегда опаздывать.", ()),
    ("Наш кот очень воинственный: гоняет всех голубей.", ()),
    ("Во дворе расцвела сирень.", ()),
    ("Режим дня у меня простой: подъём в семь.", ()),
    ("Я прочитала интересную статью о садоводстве.", ()),
    ("По вечерам решаю судоку.", ()),
    ("Сделай свой выбор: чай или кофе?", ()),
    ("Какие у Вас новости? Что читаете?", ()),
    ("Наша малявка пошла в первый класс.", ()),
    ("Твоё письмо вызвало у меня улыбку.", ()),
    ("Я работаю фронтенд-разработчиком.", ()),
    ("P.S. Целую!", ()),
    ("В XXI веке всё ещё пишут письма от руки.", ()),
    ("На рынке продавали много кочанов капусты.", ()),
    ("Властелин колец — моя любимая книга.", ()),
    # Russian, to flag
    ("Желаем Вам свободы и сил!", ("politics",)),
    ("Мы продолжаем борьбу, а Вы держитесь.", ("politics",)),
    ("Мы все боремся за Вас.", ("politics",)),
    ("Режим Лукашенко рано или поздно падёт.", ("politics", "official")),
    ("Говорят, Лукашенку это не понравилось.", ("official",)),
    ("После выборов в 2020 году были протесты.", ("politics", "politics")),
    ("Репрессии не прекращаются.", ("politics",)),
    ("Все политзаключённые должны быть на свободе.", ("politics", "politics")),
    ("Как прошёл суд? Что сказал судья?", ("case", "case")),
    ("Адвокат сказал, что апелляцию рассмотрят в мае.", ("case", "case")),
    ("Приговор несправедливый, мы все это знаем.", ("case",)),
    ("Вас осудили по статье 342.", ("case",)),
    ("Желаю Вам скорейшего освобождения!", ("case",)),
    ("Надеемся на помилование.", ("case",)),
    ("Война в Украине идёт уже который год.", ("war", "war")),
    ("Началась мобилизация, многих забрали в армию.", ("war", "war")),
    ("Мой брат служил на фронте.", ("war",)),
    ("Я читаю «Войну и мир» Толстого.", ("war",)),  # a book title still says 'war'
    ("Вчера в новостях говорили про санкции.", ("news", "news")),
    ("Многие друзья эмигрировали.", ("news",)),
    ("Путин и Лукашенко снова встретились.", ("official", "official")),
    ("Ты понимаешь, о чём я.", ("coded",)),
    ("Посылаю тебе фото, our cat Murka is so funny.", ("foreign_language",)),
    # English
    ("The weather is lovely and the garden is full of tulips.", ("foreign_language",)),
    ("We sat in the courtyard and drank tea.", ("foreign_language",)),
    ("In my free time I read detective novels.", ("foreign_language",)),
    ("It is warm, and the warden of the park let the ducks in.", ("foreign_language",)),
    ("Freedom will come!", ("politics", "foreign_language")),
    ("I hope the court hears your appeal.", ("foreign_language", "case", "case")),
    ("Stay strong, we fight for you.", ("foreign_language", "politics")),
    ("The war in Ukraine goes on.", ("foreign_language", "war", "war")),
    ("Lukashenko and Putin again.", ("official", "foreign_language", "official")),
    ("Hi!", ()),  # too short to be a language
]


@pytest.mark.parametrize(("text", "expected"), EXAMPLES, ids=[text[:40] for text, _ in EXAMPLES])
def test_examples(text, expected):
    assert tuple(flag.code for flag in check_letter(text)) == expected


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        ("Без свабоды", "свабоды"),
        ("о свободе", "свободе"),
        ("у свабодзе", "свабодзе"),
        ("за свабодай", "свабодай"),
        ("у барацьбе", "барацьбе"),
        ("без борьбы", "борьбы"),
        ("да суда", "суда"),
        ("вайна", "вайна"),
        ("пасля вайны", "вайны"),
        ("после войны", "войны"),
        ("о войне", "войне"),
        ("ЛУКАШЕНКО", "ЛУКАШЕНКО"),
        ("Лукашэнку", "Лукашэнку"),
        ("Łukaszenka", "Łukaszenka"),
        ("Lukaschenko", "Lukaschenko"),
        ("свабодай,", "свабодай"),
    ],
)
def test_inflected_forms_are_caught(text, fragment):
    assert fragment in [flag.fragment for flag in check_letter(text)]


def test_flag_carries_the_span_message_and_suggestion():
    text = "Желаю свободы."
    [flag] = check_letter(text)
    assert (flag.code, flag.fragment, flag.span) == ("politics", "свободы", (6, 13))
    assert text[flag.start : flag.end] == flag.fragment
    assert "freedom" in flag.message
    assert flag.suggestion


def test_one_flag_per_occurrence():
    assert [flag.code for flag in check_letter("Суд, суд и ещё раз суд.")] == ["case", "case", "case"]


def test_an_english_letter_is_one_foreign_language_flag():
    text = "Dear friend,\n\nI hope you are well. The garden is green.\n\nWith love,\nAnna"
    [flag] = check_letter(text)
    assert (flag.code, flag.span) == ("foreign_language", (0, len(text)))


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
    text = "-\r\n" * (MAX_CHARS // 2)  # MAX_CHARS characters as a browser counts them
    assert check_letter(text) == []


def test_no_term_is_in_two_rules():
    terms = [term for rule in censor.TERM_RULES for term in rule.terms]
    assert len(terms) == len(set(terms))


def test_belarusian_i_is_never_inside_a_character_class():
    # _term_source widens 'і' to '[іi]', which would break a class like '[іы]'.
    for rule in censor.TERM_RULES:
        for term in rule.terms:
            assert not re.search(r"\[[^\]]*і", term), term


def test_rules_for_client_is_json_with_js_patterns():
    rules = json.loads(json.dumps(rules_for_client()))
    assert rules["flags"] == "giu"
    codes = [rule["code"] for rule in rules["rules"]]
    assert codes == ["politics", "case", "war", "news", "official", "coded", "foreign_language"]
    assert all(r"\p{L}" in rule["pattern"] or r"\P{L}" in rule["pattern"] for rule in rules["rules"])
    assert rules["length"]["code"] == "too_long"
    assert (rules["length"]["max_chars"], rules["length"]["max_words"]) == (MAX_CHARS, MAX_WORDS)


@given(st.text(alphabet=st.sampled_from("абвгдсуоэіўaeiouxyz .,!?\r\n-'12"), max_size=400))
def test_flags_are_in_order_and_fragments_match_their_spans(text):
    flags = check_letter(text)
    assert flags == sorted(flags, key=lambda flag: (flag.start, flag.end, flag.code))
    assert all(text[flag.start : flag.end] == flag.fragment for flag in flags)


# Runs censor.js under node, if it is installed, on the same texts: the browser must agree with the server.
NODE_CHECK = """
const {compile, check} = require(process.argv[1]);
let input = "";
process.stdin.on("data", (chunk) => { input += chunk; });
process.stdin.on("end", () => {
  const {rules, texts} = JSON.parse(input);
  const compiled = compile(rules);
  const result = texts.map((text) => check(text, compiled).map((f) => [f.code, f.fragment, f.start, f.end]));
  process.stdout.write(JSON.stringify(result));
});
"""


@pytest.mark.skipif(shutil.which("node") is None, reason="node is not installed")
def test_browser_rules_agree_with_the_server():
    texts = [text for text, _ in EXAMPLES]
    texts += [
        "Сегодня тепло. " * 200,
        "да " * (MAX_WORDS + 1),
        "а\r\n" * MAX_CHARS,
        "Свабоду палітвязням! " * 3,
    ]
    payload = json.dumps({"rules": rules_for_client(), "texts": texts})
    result = subprocess.run(
        [shutil.which("node"), "-e", NODE_CHECK, str(CENSOR_JS)],
        input=payload,
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
    )
    in_browser = json.loads(result.stdout)
    on_server = [[[f.code, f.fragment, f.start, f.end] for f in check_letter(text)] for text in texts]
    assert in_browser == on_server
