"""What a prison censor in Belarus stops, as words: each entry states a lemma once, per language.

Why these topics: shared/FACTS.md. Viasna and its sites are an 'extremist formation' in Belarus since
August 2023, so its name, the campaign, the Nobel Prize and the words 'political prisoner' and 'human
rights defender' endanger the prisoner; the guides (Libereco, PEN Belarus, Memorial, Mediazona) add
politics, the war, news, the case, release and coded writing.

How an entry is written (`Entry`):
  - ru / be / en: alternatives separated by '|'. Each is a lemma ('свобода') or a phrase of lemmas
    ('выйти на воля'); in a phrase 'a/b' means either word and a trailing '?' an optional word, and a
    hyphenated word is two words ('бело красно белый'). Up to `gap` other words may stand between the
    words of a phrase ('следим за Вашим делом').
    Russian lemmas are expanded to all their forms by pymorphy3's dictionary; Belarusian ones, for which
    no such dictionary exists, are matched by stem (morphology.stem); English ones by a few regular
    endings. A lemma is written once: never list its forms.
  - proper: the word is an everyday word too ('весна' the season, 'зеркало' a mirror), so it counts only
    as a name: in quotation marks, capitalised inside a sentence, or next to a word that gives a name
    away (CONTEXT: 'привет', 'сайт', 'писать'…).
  - gap: how many other words may stand between the words of a phrase.
  - '=word' is that exact form only (for a lemma whose forms a stem would confuse with another word's).
  - unless: the entry doesn't count in a sentence that also has one of these words ('судья' at a
    swimming contest, 'бороться с сорняками').
  - reword: a key of REWORDINGS, offered to the writer in the letter's language.
Entries with topic HARMLESS are known harmless contexts: a flag inside one is dropped («Война и мир»,
'спящий режим', 'режим дня').
"""

from dataclasses import dataclass

HARMLESS = "harmless"


@dataclass(frozen=True)
class Entry:
    topic: str
    ru: str = ""
    be: str = ""
    en: str = ""
    proper: bool = False
    unless: str = ""
    reword: str = ""
    gap: int = 2
    context: str = ""  # for a proper entry: words that give the name away (CONTEXT unless given)


# What a writer can say instead. Texts in the letter's language, so they can be copied as they are.
REWORDINGS = {
    "greetings": {
        "ru": "Друзья передают Вам большой привет.",
        "be": "Сябры перадаюць Вам вялікае прывітанне.",
        "en": "Friends send you their warmest greetings.",
    },
    "congratulate": {"ru": "Поздравляю Вас!", "be": "Віншую Вас!", "en": "Congratulations!"},
    "meet": {
        "ru": "Очень жду встречи с Вами.",
        "be": "Вельмі чакаю сустрэчы з Вамі.",
        "en": "I look forward to seeing you.",
    },
    "thinking": {"ru": "Мы все думаем о Вас.", "be": "Мы ўсе думаем пра Вас.", "en": "We all think of you."},
    "health": {"ru": "Как Ваше здоровье?", "be": "Як Ваша здароўе?", "en": "How is your health?"},
    "wishes": {
        "ru": "Желаю Вам сил, здоровья и тепла.",
        "be": "Зычу Вам сіл, здароўя і цяпла.",
        "en": "I wish you strength, health and warmth.",
    },
    "many": {
        "ru": "О Вас помнят очень многие люди.",
        "be": "Пра Вас памятае вельмі шмат людзей.",
        "en": "Very many people remember you.",
    },
    "respect": {
        "ru": "Мы Вас очень уважаем и гордимся Вами.",
        "be": "Мы Вас вельмі паважаем і ганарымся Вамі.",
        "en": "We respect you and are proud of you.",
    },
}

# Words that show an everyday word is used as a name: greetings, colleagues, media.
CONTEXT = (
    "привет|передавать|помнить|приветствовать|коллега|сотрудник|ребята|друг|правозащитный|центр|сайт|"
    "писать|сообщить|показывать|статья|репортаж|читать|поддержка|"
    "прывітанне|вітанне|вітаць|перадаваць|памятаць|калега|супрацоўнік|сябры|праваабарончы|цэнтр|"
    "сайт|пісаць|паведаміць|паказваць|артыкул|чытаць|падтрымка|"
    "greetings|regards|love|colleague|friend|centre|center|website|site|write|report"
)
SPORT = (
    "соревнование|конкурс|матч|турнир|чемпионат|олимпиада|жюри|плавание|футбол|хоккей|бокс|гимнастика|"
    "фигурный|игра|шахматы|забег|пенальти|"
    "спаборніцтва|конкурс|матч|турнір|чэмпіянат|алімпіяда|журы|плаванне|футбол|хакей|гульня|шахматы|"
    "contest|competition|match|tournament|championship|swimming|football|game|race|olympics|show"
)
CHORES = (
    "сорняк|вредитель|жук|моль|болезнь|простуда|снег|грызун|лень|"
    "пустазелле|шкоднік|жук|моль|хвароба|прастуда|снег|гультайства|"
    "weed|pest|illness|cold|snow|laziness|mould|slug"
)

ENTRIES = (
    # --- Viasna and other organisations designated 'extremist', their sites and nicknames ---------
    Entry("organisation", ru="весна", be="вясна|вясновец", proper=True, reword="greetings"),
    Entry(
        "organisation",
        ru="вясновец|беляцкий",
        be="бяляцкі",
        en="viasna|vyasna|wiasna|viasna96|spring96|bialiatski|byalyatsky|belyatsky",
        reword="greetings",
    ),
    Entry("organisation", ru="правозащитный центр", be="праваабарончы цэнтр", en="human rights centre/center"),
    Entry("organisation", ru="белсат", be="белсат", en="belsat", reword="greetings"),
    Entry("organisation", ru="радио свобода|радио liberty", be="радыё свабода", en="radio liberty|radio svaboda"),
    Entry("organisation", ru="хартия", be="хартыя", en="charter97"),
    Entry("organisation", ru="наш нива", be="наш ніва", en="nasha niva"),
    Entry("organisation", ru="зеркало|мемориал", be="люстэрка|мемарыял", proper=True),
    Entry("organisation", en="zerkalo|memorial"),
    Entry("organisation", ru="тутбай|еврорадио", be="еўрарадыё", en="euroradio|tutby"),
    Entry("organisation", ru="киберпартизан", be="кіберпартызан", en="cyberpartisans|bypol|bysol"),
    # --- the campaign and its site -------------------------------------------------------------------
    Entry(
        "campaign",
        ru="петиция|солидарность|кампания|free viasna|freeviasna|акция солидарность",
        be="петыцыя|салідарнасць|кампанія|акцыя салідарнасць",
        en="petition|solidarity|campaign|freeviasna",
        reword="many",
    ),
    Entry("campaign", ru="в ваш поддержка", be="у ваш падтрымка", en="in your support|to support you", reword="many"),
    Entry("campaign", ru="подпись за", be="подпіс за", en="signature for", reword="many"),
    # --- the Nobel Prize and other awards -------------------------------------------------------------
    Entry(
        "nobel",
        ru="нобелевский|нобель|премия мир|премия сахаров",
        be="нобелеўскі|нобель|прэмія мір|прэмія сахараў",
        en="nobel|peace prize|sakharov",
        reword="congratulate",
    ),
    # a laureate of a children's piano contest is no Nobel laureate
    Entry("nobel", ru="лауреат", be="лаўрэат", en="laureate", unless=SPORT, reword="congratulate"),
    # --- release and amnesty --------------------------------------------------------------------------
    Entry(
        "release",
        ru="освобождение|освободить|освобождать|амнистия|амнистировать|помилование|помиловать|удо|"
        "на свобода|выйти/выходить/оказаться/ждать/встретить/увидеть/увидеться/быть на воля|"
        "вы/тебя/их отпустить|отпустить вы/тебя/их",
        be="вызваленне|вызваліць|вызваляць|амністыя|памілаванне|памілаваць|на свабода|"
        "выйсці/выйшлі/выходзіць/апынуцца/чакаць/сустрэць/убачыць/быць на воля|вы/цябе адпусціць|адпусціць вы/цябе",
        en="release|amnesty|pardon|be free|set free|get out|walk free",
        reword="meet",
    ),
    Entry(
        "release",
        ru="освободиться|освобождаться",
        be="вызваліцца|вызваляцца",
        unless=(
            "работа|место|время|пораньше|раньше|дела|день|вечер|праца|месца|час|раней|справы|дзень|вечар|"
            "work|early|place|time"
        ),
        reword="meet",
    ),
    # --- the prisoner's case and prison conditions ----------------------------------------------------
    Entry(
        "case",
        ru="суд|приговор|адвокат|апелляция|кассационный|кассация|прокурор|следователь|следствие|обвинение|"
        "обвинять|уголовный|арест|арестовать|обыск|осудить|судить|судебный|статья #|ст #",
        be="суд|прысуд|адвакат|апеляцыя|касацыйны|касацыя|пракурор|следчы|следства|абвінавачванне|"
        "абвінавачанне|крымінальны|арышт|арыштаваць|вобшук|асудзіць|судзіць|судовы|артыкул #",
        en="court|trial|verdict|sentenced|lawyer|attorney|appeal|prosecutor|investigator|charge|arrest|"
        "court hearing|cassation|article #",
        unless=SPORT,
        reword="thinking",
    ),
    Entry("case", ru="судья", be="суддзя", en="judge", unless=SPORT, reword="thinking"),
    Entry(
        "case",
        ru="следить/следим/следящий за ваш?/твой?/его?/её? дело/процесс/суд|ваш дело|дело против|условие содержание",
        be="сачыць/сочым за ваш?/твой?/яго?/яе? справа/працэс/суд|ваша справа|справа супраць|умова утрымання",
        en="follow/following your? case/trial|your case|prison conditions",
        reword="thinking",
    ),
    Entry(
        "case",
        ru="шизо|пкт|карцер|голодовка|одиночка|этапировать|этап колония|штрафной изолятор",
        be="шізо|шіза|пкт|карцэр|галадоўка|адзіночка",
        en="shizo|hunger strike|punishment cell|solitary confinement|solitary",
        reword="health",
    ),
    # --- politicians and officials, with their nicknames ---------------------------------------------
    Entry(
        "official",
        ru="лукашенко|лукашенка|путин|зеленский|тихановская|тихановский|бабарико|колесникова|навальный|"
        "латушко|цепкало|статкевич|кочанова|тертель|вольфович|головченко|турчин|ермошина|карпенков|"
        "эйсмонт|шуневич|караев|макей|протасевич|максим знак|президент|"
        "усатый таракан|таракан усатый|саша #|саша три процент|бульбафюрер|лукашист",
        be="лукашэнка|пуцін|зяленскі|ціханоўская|ціханоўскі|бабарыка|калеснікава|навальны|латушка|цапкала|"
        "статкевіч|качанава|тэртэль|вольфавіч|галоўчанка|турчын|ярмошына|карпянкоў|эйсмант|шуневіч|караеў|"
        "макей|пратасевіч|максім знак|прэзідэнт|вусаты тарган|тарган вусаты|саша #|саша тры працэнт",
        en="lukashenko|lukashenka|lukaschenko|łukaszenka|putin|zelensky|zelenskyy|tsikhanouskaya|tikhanovskaya|"
        "babaryka|babariko|kalesnikava|kolesnikova|navalny|latushka|president|dictator",
    ),
    Entry("official", ru="батька", proper=True, context="-", unless="мой|мама|наш|папа|дед"),
    # --- protests and pickets -------------------------------------------------------------------------
    Entry(
        "protest",
        ru="протест|протестовать|пикет|митинг|демонстрация|забастовка|акция протест|"
        "жыве беларусь|живе беларусь|=жывебеларусь|=живебеларусь|бчб|бело красно белый|белый красный белый|революция|"
        "выйти/выходить на улица/площадь/марш",
        be="пратэст|пратэставаць|пікет|мітынг|дэманстрацыя|страйк|акцыя пратэст|"
        "жыве беларусь|бчб|бел чырвона белы|рэвалюцыя|выйсці/выходзіць на вуліца/плошча/марш",
        en="protest|picket|rally|demonstration|strike|zhyve belarus|long live belarus|white red white|revolution",
    ),
    Entry(
        "protest",
        ru="марш",
        be="марш",
        en="march",
        unless="свадебный|оркестр|музыка|мендельсон|вясельны|аркестр|музыка|wedding|band|music|month",
    ),
    # --- politics: freedom, fight, regime, elections ---------------------------------------------------
    Entry(
        "politics",
        ru="свобода|режим|диктатура|диктатор|оппозиция|оппозиционный|выборы|избирательный|голосование|"
        "референдум|репрессия|репрессировать|демократия|демократический|экстремист|экстремистский|"
        "террорист|власть|правительство|кгб|омон|губопик|силовик|политика|политик|политический|"
        "перемена в страна|перемена в беларусь|змагар",
        be="свабода|рэжым|дыктатура|дыктатар|апазіцыя|=выбары/=выбараў/=выбарам/=выбарамі/=выбарах|выбарчы|галасаванне|рэферэндум|рэпрэсія|"
        "дэмакратыя|экстрэміст|тэрарыст|улада|урад|кдб|амап|сілавік|палітыка|палітык|палітычны|"
        "перамена у краіна|перамены у краіна|перамена у беларусь|змагар",
        en="freedom|regime|dictatorship|opposition|election|referendum|repression|democracy|extremist|"
        "terrorist|government|authorities|kgb|omon|politics|political|change in the country",
        reword="wishes",
    ),
    Entry(
        "politics",
        ru="борьба|бороться",
        be="барацьба|змагацца|змаганне",
        en="fight|struggle",
        unless=CHORES,
        reword="wishes",
    ),
    # --- 'political prisoner' and 'human rights defender', in all forms -------------------------------
    Entry(
        "labels",
        ru="политзаключённый|политзэк|политзек|политический заключённый/узник|узник совесть|правозащитник|"
        "правозащитница|правозащитный",
        be="палітвязень|палітвязні|палітзняволены|палітычны вязень/вязні/зняволены|вязень сумленне|праваабаронца|"
        "праваабарончы|праваабаронніца",
        en="political prisoner/detainee|prisoner of conscience|human rights defender/activist|human rights",
        reword="respect",
    ),
    # --- the war and sanctions ------------------------------------------------------------------------
    Entry(
        "war",
        ru="война|украина|армия|войско|военный|мобилизация|мобилизовать|фронт|солдат|сво|спецоперация|"
        "санкция|нато|вторжение|оккупация|военкомат",
        be="вайна|украіна|армія|войска|вайсковы|ваенны|мабілізацыя|фронт|салдат|санкцыя|нато|уварванне|"
        "акупацыя|ваенкамат",
        en="war|ukraine|army|military|troops|soldier|mobilise|mobilize|frontline|sanction|nato|invasion|occupation",
    ),
    # --- news of the country and the world ------------------------------------------------------------
    Entry(
        "news",
        ru="в новость|по новость|в последний новость|сми|телеграм канал|эмиграция|эмигрировать|релокация|"
        "инфляция|кризис|беженец",
        be="у навіна|па навіна|у апошні навіна|смі|эміграцыя|эмігр|інфляцыя|крызіс|бежанец",
        en="in the news|on the news|emigrate|emigration|inflation|crisis|refugee",
        gap=0,
    ),
    # --- coded writing and prison slang ---------------------------------------------------------------
    Entry(
        "coded",
        ru="между строка|понимать о что я|ну ты понять|намёк|шифр|зашифровать|зэк|зек|малява|вертухай|шмон|мент",
        be="паміж =радкоў|разумець пра што я|шыфр|зашыфраваць|зэк|малява|мент",
        en="between the lines|you know what i mean|cipher|code word",
    ),
    # --- known harmless contexts ----------------------------------------------------------------------
    Entry(
        HARMLESS,
        ru="война и мир|режим дня/сна/питания/питание/работы/экономии/стирки|спящий/ночной/дневной/авиа режим|"
        "режим энергосбережение|режим полёт|мировой суд|свобода выбор|"
        "борьба с/со сорняк/вредитель/моль/болезнь/простуда/снег/лень|фронт работа|мать одиночка|"
        "звёздный война|кризис средний возраст",
        be="вайна і мір|рэжым дня/сну/харчавання/харчаванне/працы/эканоміі/эканомія|начны рэжым|"
        "змагацца/змагаліся з пустазелле/шкоднік/хвароба/прастуда/снег",
        en="war and peace|star wars|sleep/night/airplane mode|fight a cold",
    ),
)
