"""Starting templates and a phrasebook for letters: pure data, no Django.

Templates: the body's greeting holds a '{name}' placeholder, which the composer fills with the
recipient's first name in the nominative ('Добры дзень, {name}!' → 'Добры дзень, Алесь!'), so no
declension is needed: `body.format(name=first_name)`. A '…' marks a gap for the writer (their name,
town, an occasion). The texts address the recipient as 'Вы' and keep first-person past tenses out, so
they fit any writer and any recipient without gender agreement.

Send the 'be' or 'ru' text: letters in other languages are usually not delivered. The 'en' texts are
translations that help a writer who doesn't read Russian or Belarusian know what they are sending.
Everything here passes letters.censor.check_letter with no flag (tests/letters/test_content.py).
"""

# Postage from abroad as Libereco published it (FACTS.md): the guide shows the year and, from the next
# year on, says the figures are probably out of date (only the year is known, not the day).
POSTAGE_YEAR = 2023

TEMPLATES = [
    # birthday
    {
        "kind": "birthday",
        "language": "be",
        "title": "З днём нараджэння",
        "body": (
            "Добры дзень, {name}!\n\n"
            "Віншую Вас з днём нараджэння! Зычу моцнага здароўя, цяпла, цікавых кніг і добрых лістоў. "
            "Няхай гэты дзень будзе хоць крыху святлейшым за іншыя.\n\n"
            "Адказваць не абавязкова — проста ведайце, што пра Вас памятаюць."
        ),
    },
    {
        "kind": "birthday",
        "language": "ru",
        "title": "С днём рождения",
        "body": (
            "Здравствуйте, {name}!\n\n"
            "Поздравляю Вас с днём рождения! Желаю крепкого здоровья, тепла, интересных книг и добрых писем. "
            "Пусть этот день будет хоть немного светлее других.\n\n"
            "Отвечать не обязательно — просто знайте, что о Вас помнят."
        ),
    },
    {
        "kind": "birthday",
        "language": "en",
        "title": "Happy birthday",
        "body": (
            "Hello, {name}!\n\n"
            "Happy birthday! I wish you good health, warmth, interesting books and kind letters. "
            "May this day be at least a little brighter than the others.\n\n"
            "There is no need to reply — just know that you are remembered."
        ),
    },
    # holiday: New Year and Christmas, the season most letters are sent in
    {
        "kind": "holiday",
        "language": "be",
        "title": "З Новым годам і Калядамі",
        "body": (
            "Добры дзень, {name}!\n\n"
            "Віншую Вас з Новым годам і Калядамі! Няхай новы год прынясе здароўе, спакой і шмат светлых "
            "дзён. У нас цяпер снег, на вокнах марозныя ўзоры, а дома пахне мандарынамі і ялінкай.\n\n"
            "Цёпла абдымаю і зычу Вам усяго найлепшага."
        ),
    },
    {
        "kind": "holiday",
        "language": "ru",
        "title": "С Новым годом и Рождеством",
        "body": (
            "Здравствуйте, {name}!\n\n"
            "Поздравляю Вас с Новым годом и Рождеством! Пусть новый год принесёт здоровье, покой и много "
            "светлых дней. У нас сейчас снег, на окнах морозные узоры, а дома пахнет мандаринами и ёлкой.\n\n"
            "Тепло обнимаю и желаю Вам всего самого доброго."
        ),
    },
    {
        "kind": "holiday",
        "language": "en",
        "title": "Happy New Year and Merry Christmas",
        "body": (
            "Hello, {name}!\n\n"
            "Happy New Year and Merry Christmas! May the new year bring health, peace of mind and many "
            "bright days. We have snow now, frost patterns on the windows, and the house smells of "
            "tangerines and the Christmas tree.\n\n"
            "A warm hug, and all the very best to you."
        ),
    },
    # first_letter
    {
        "kind": "first_letter",
        "language": "be",
        "title": "Першы ліст",
        "body": (
            "Добры дзень, {name}!\n\n"
            "Мяне завуць …, я жыву ў … . Мы не знаёмыя, але мне захацелася напісаць Вам і сказаць, "
            "што пра Вас памятаюць і думаюць.\n\n"
            "Крыху пра сябе: я люблю …, увечары чытаю і шпацырую. Калі захочаце, раскажыце, "
            "што Вы цяпер чытаеце і як праходзяць Вашы дні.\n\n"
            "Зычу Вам здароўя і цяпла. Адказваць не абавязкова."
        ),
    },
    {
        "kind": "first_letter",
        "language": "ru",
        "title": "Первое письмо",
        "body": (
            "Здравствуйте, {name}!\n\n"
            "Меня зовут …, я живу в … . Мы не знакомы, но мне захотелось написать Вам и сказать, "
            "что о Вас помнят и думают.\n\n"
            "Немного о себе: я люблю …, по вечерам читаю и гуляю. Если захотите, расскажите, "
            "что Вы сейчас читаете и как проходят Ваши дни.\n\n"
            "Желаю Вам здоровья и тепла. Отвечать не обязательно."
        ),
    },
    {
        "kind": "first_letter",
        "language": "en",
        "title": "A first letter",
        "body": (
            "Hello, {name}!\n\n"
            "My name is …, and I live in … . We have never met, but I wanted to write to you and say "
            "that you are remembered and thought of.\n\n"
            "A little about me: I love …, and in the evenings I read and go for walks. If you like, tell me "
            "what you are reading now and how your days go.\n\n"
            "I wish you health and warmth. There is no need to reply."
        ),
    },
    # thinking_of_you
    {
        "kind": "thinking_of_you",
        "language": "be",
        "title": "Думаю пра Вас",
        "body": (
            "Добры дзень, {name}!\n\n"
            "Пішу проста так, каб сказаць, што думаю пра Вас. У нас усё па-старому: раніцай п’ю гарбату "
            "каля акна і гляджу, як сініцы прылятаюць да кармушкі. Цяпер чытаю добрую кнігу і часта думаю, "
            "што яна б Вам спадабалася.\n\n"
            "Беражыце сябе. Цёпла абдымаю."
        ),
    },
    {
        "kind": "thinking_of_you",
        "language": "ru",
        "title": "Думаю о Вас",
        "body": (
            "Здравствуйте, {name}!\n\n"
            "Пишу просто так, чтобы сказать, что думаю о Вас. У нас всё по-старому: по утрам пью чай "
            "у окна и смотрю, как синицы прилетают к кормушке. Сейчас читаю хорошую книгу и часто думаю, "
            "что она бы Вам понравилась.\n\n"
            "Берегите себя. Тепло обнимаю."
        ),
    },
    {
        "kind": "thinking_of_you",
        "language": "en",
        "title": "Thinking of you",
        "body": (
            "Hello, {name}!\n\n"
            "I am writing just to say that I think of you. Everything here is as it was: in the mornings "
            "I drink tea by the window and watch the titmice come to the bird feeder. I am reading a good "
            "book now and often think you would like it.\n\n"
            "Take care of yourself. A warm hug."
        ),
    },
    # congratulations: the writer names the occasion in the gap
    {
        "kind": "congratulations",
        "language": "be",
        "title": "Віншаванне",
        "body": (
            "Добры дзень, {name}!\n\n"
            "Віншую Вас з …! Гэта выдатная нагода, і мне вельмі хацелася, каб у гэты дзень да Вас дайшоў "
            "і мой ліст. Радуюся разам з Вамі і зычу, каб добрых нагод станавілася ўсё больш.\n\n"
            "Моцнага здароўя, спакою і цяпла!"
        ),
    },
    {
        "kind": "congratulations",
        "language": "ru",
        "title": "Поздравление",
        "body": (
            "Здравствуйте, {name}!\n\n"
            "Поздравляю Вас с …! Это прекрасный повод, и мне очень хотелось, чтобы в этот день до Вас дошло "
            "и моё письмо. Радуюсь вместе с Вами и желаю, чтобы хороших поводов становилось всё больше.\n\n"
            "Крепкого здоровья, покоя и тепла!"
        ),
    },
    {
        "kind": "congratulations",
        "language": "en",
        "title": "Congratulations",
        "body": (
            "Hello, {name}!\n\n"
            "Congratulations on …! It is a wonderful occasion, and I very much wanted my letter to reach you "
            "on this day too. I am glad with you and wish you more and more good occasions.\n\n"
            "Good health, peace of mind and warmth!"
        ),
    },
]

PHRASES = [
    # greeting
    {"category": "greeting", "be": "Добры дзень!", "ru": "Здравствуйте!", "en": "Hello!"},
    {
        "category": "greeting",
        "be": "Шчыра вітаю Вас!",
        "ru": "Сердечно приветствую Вас!",
        "en": "Warm greetings!",
    },
    {
        "category": "greeting",
        "be": "Пішу Вам, каб проста сказаць добрае слова.",
        "ru": "Пишу Вам, чтобы просто сказать доброе слово.",
        "en": "I am writing just to say a kind word.",
    },
    {
        "category": "greeting",
        "be": "Мы не знаёмыя, але я часта думаю пра Вас.",
        "ru": "Мы не знакомы, но я часто думаю о Вас.",
        "en": "We have never met, but I often think of you.",
    },
    # wishes
    {
        "category": "wishes",
        "be": "Зычу Вам моцнага здароўя.",
        "ru": "Желаю Вам крепкого здоровья.",
        "en": "I wish you good health.",
    },
    {
        "category": "wishes",
        "be": "Няхай кожны дзень прыносіць хоць невялікую радасць.",
        "ru": "Пусть каждый день приносит хоть маленькую радость.",
        "en": "May every day bring at least a small joy.",
    },
    {"category": "wishes", "be": "Беражыце сябе.", "ru": "Берегите себя.", "en": "Take care of yourself."},
    {
        "category": "wishes",
        "be": "Зычу Вам спакою і цяпла.",
        "ru": "Желаю Вам покоя и тепла.",
        "en": "I wish you peace of mind and warmth.",
    },
    {
        "category": "wishes",
        "be": "Віншую Вас са святам!",
        "ru": "Поздравляю Вас с праздником!",
        "en": "Happy holiday!",
    },
    # everyday
    {
        "category": "everyday",
        "be": "У нас усё добра, усе здаровыя.",
        "ru": "У нас всё хорошо, все здоровы.",
        "en": "All is well here, everyone is healthy.",
    },
    {
        "category": "everyday",
        "be": "Сёння дома пахне яблычным пірагом.",
        "ru": "Сегодня дома пахнет яблочным пирогом.",
        "en": "Today the house smells of apple pie.",
    },
    {
        "category": "everyday",
        "be": "Наш кот спіць на падаконніку і глядзіць на птушак.",
        "ru": "Наш кот спит на подоконнике и смотрит на птиц.",
        "en": "Our cat sleeps on the windowsill and watches the birds.",
    },
    {
        "category": "everyday",
        "be": "Па вечарах я вучуся граць на гітары.",
        "ru": "По вечерам я учусь играть на гитаре.",
        "en": "In the evenings I am learning to play the guitar.",
    },
    {
        "category": "everyday",
        "be": "У выхадныя мы ездзілі ў лес па грыбы.",
        "ru": "На выходных мы ездили в лес за грибами.",
        "en": "At the weekend we went to the forest to pick mushrooms.",
    },
    # nature
    {
        "category": "nature",
        "be": "На вуліцы ўжо цёпла, і зацвіў бэз.",
        "ru": "На улице уже тепло, и зацвела сирень.",
        "en": "It is already warm outside, and the lilac is in bloom.",
    },
    {
        "category": "nature",
        "be": "Учора выпаў першы снег.",
        "ru": "Вчера выпал первый снег.",
        "en": "The first snow fell yesterday.",
    },
    {
        "category": "nature",
        "be": "Восень сёлета залатая і ціхая.",
        "ru": "Осень в этом году золотая и тихая.",
        "en": "Autumn this year is golden and quiet.",
    },
    {
        "category": "nature",
        "be": "Раніцай над рэчкай сцелецца туман.",
        "ru": "По утрам над речкой стелется туман.",
        "en": "In the mornings mist lies over the river.",
    },
    {
        "category": "nature",
        "be": "Вярнуліся буслы — значыць, хутка лета.",
        "ru": "Вернулись аисты — значит, скоро лето.",
        "en": "The storks are back, so summer is coming soon.",
    },
    # books
    {
        "category": "books",
        "be": "Цяпер я чытаю цікавую кнігу пра падарожжы.",
        "ru": "Сейчас я читаю интересную книгу о путешествиях.",
        "en": "I am reading an interesting book about travel.",
    },
    {
        "category": "books",
        "be": "Якую кнігу Вы б мне параілі?",
        "ru": "Какую книгу Вы бы мне посоветовали?",
        "en": "Which book would you recommend to me?",
    },
    {
        "category": "books",
        "be": "Я перачытваю вершы Максіма Багдановіча.",
        "ru": "Я перечитываю стихи Максима Богдановича.",
        "en": "I am rereading Maksim Bahdanovich's poems.",
    },
    {
        "category": "books",
        "be": "Што Вы цяпер чытаеце?",
        "ru": "Что Вы сейчас читаете?",
        "en": "What are you reading now?",
    },
    # closing
    {"category": "closing", "be": "Цёпла абдымаю.", "ru": "Тепло обнимаю.", "en": "A warm hug."},
    {
        "category": "closing",
        "be": "Адказваць не абавязкова — проста ведайце, што пра Вас памятаюць.",
        "ru": "Отвечать не обязательно — просто знайте, что о Вас помнят.",
        "en": "There is no need to reply — just know that you are remembered.",
    },
    {
        "category": "closing",
        "be": "З павагай і цяплом,",
        "ru": "С уважением и теплом,",
        "en": "With respect and warmth,",
    },
    {
        "category": "closing",
        "be": "Да наступнага ліста!",
        "ru": "До следующего письма!",
        "en": "Until my next letter!",
    },
]
