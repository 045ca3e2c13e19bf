"""Seed content for the Free Viasna campaign site: people, timelines, key dates, the petition.

This module is plain Python data (no Django imports). The site's text is written in our own words from
the facts gathered in FACTS.md and the source texts the project started from; every dated fact carries
its source. Quotations are reproduced verbatim, attributed to the person who said them, with the place
they were published. Anything the sources did not confirm is left out rather than guessed.

The seed only fills in what is missing: organisers' edits in the admin are never overwritten by it.
"""

from datetime import date

# ---------------------------------------------------------------------------------------------------
# Sources, named once so that statuses, timelines and quotations cite them the same way.
# ---------------------------------------------------------------------------------------------------

SRC_VIASNA_BIO = "Viasna, campaign biography of Ales Bialiatski (late 2022)"
SRC_PALITVIAZNI = "palitviazni.info, profile of Ales Bialiatski (2012)"
SRC_PEN_2014 = "PEN International statement, via IFEX, 25 June 2014"
SRC_OHCHR_2022 = "UN Special Procedures (OHCHR) press release, 10 October 2022"
SRC_FIDH_2023 = "FIDH press release, 3 March 2023"
SRC_CHARTER97_2023 = "charter97.org, 11 December 2023"
SRC_SPRING96_113737 = "Viasna, spring96.org/en/news/113737"
SRC_EURORADIO_2024 = "Euroradio, euroradio.fm, 29 April 2024"
SRC_LIBERECO_2024 = "Libereco, on the demonstration in Brussels of 25 September 2024"
SRC_AMNESTY_2025 = "Amnesty International, 14 July 2025"
SRC_HRW_2025 = "Human Rights Watch, 15 December 2025"
SRC_PRAVDA_2025 = "Ukrainska Pravda, pravda.com.ua, 13 December 2025 (quoting Viasna)"
SRC_AFP_OSLO = "AFP, via pozirk.online (Oslo, 8 January 2026)"
SRC_SPRING96_112319 = "Viasna, spring96.org/en/news/112319"
SRC_100X = "100xsolidaritaet.de, prisoner profile"
SRC_ZERKALO_2025 = "Zerkalo, 1 August 2025"

URL_OHCHR_2022 = (
    "https://www.ohchr.org/en/press-releases/2022/10/"
    "un-experts-call-immediate-release-jailed-nobel-winner-and-other-rights"
)
URL_HRW_2025 = (
    "https://www.hrw.org/news/2025/12/15/more-than-1000-belarusians-remain-in-prison-for-exercising-their-rights"
)
URL_IFEX_2014 = "https://www.ifex.org/belarus/2014/06/25/early_release/"
URL_LIBERECO_2024 = "https://www.libereco.org/en/demonstration-brussels-free-ales/"


# The same sources as entries for a page's source list.
SOURCE_VIASNA_BIO = {"title": SRC_VIASNA_BIO, "url": "", "date": None}
SOURCE_PALITVIAZNI = {"title": SRC_PALITVIAZNI, "url": "", "date": None}
SOURCE_PEN_2014 = {
    "title": SRC_PEN_2014,
    "url": URL_IFEX_2014,
    "date": date(2014, 6, 25),
}
SOURCE_OHCHR_2022 = {
    "title": SRC_OHCHR_2022,
    "url": URL_OHCHR_2022,
    "date": date(2022, 10, 10),
}
SOURCE_FIDH_2023 = {"title": SRC_FIDH_2023, "url": "", "date": date(2023, 3, 3)}
SOURCE_CHARTER97_2023 = {"title": SRC_CHARTER97_2023, "url": "", "date": date(2023, 12, 11)}
SOURCE_SPRING96_113737 = {
    "title": SRC_SPRING96_113737,
    "url": "https://spring96.org/en/news/113737",
    "date": None,
}
SOURCE_EURORADIO_2024 = {"title": SRC_EURORADIO_2024, "url": "", "date": date(2024, 4, 29)}
SOURCE_LIBERECO_2024 = {
    "title": SRC_LIBERECO_2024,
    "url": URL_LIBERECO_2024,
    "date": None,
}
SOURCE_AMNESTY_2025 = {"title": SRC_AMNESTY_2025, "url": "", "date": date(2025, 7, 14)}
SOURCE_HRW_2025 = {
    "title": SRC_HRW_2025,
    "url": URL_HRW_2025,
    "date": date(2025, 12, 15),
}
SOURCE_PRAVDA_2025 = {"title": SRC_PRAVDA_2025, "url": "", "date": date(2025, 12, 13)}
SOURCE_AFP_OSLO = {"title": SRC_AFP_OSLO, "url": "", "date": None}
SOURCE_SPRING96_112319 = {
    "title": SRC_SPRING96_112319,
    "url": "https://spring96.org/en/news/112319",
    "date": None,
}
SOURCE_100X = {"title": SRC_100X, "url": "", "date": None}
SOURCE_POZIRK_2026 = {"title": "pozirk.online (count for 5 March 2026)", "url": "", "date": None}
SOURCE_ZERKALO_2025 = {"title": SRC_ZERKALO_2025, "url": "", "date": date(2025, 8, 1)}


def _paragraphs(*parts):
    """Join paragraphs with a blank line, the way the site stores long plain text."""
    return "\n\n".join(parts)


# ---------------------------------------------------------------------------------------------------
# Quotations (verbatim from the seed texts; see each "source").
# ---------------------------------------------------------------------------------------------------

QUOTE_AMNESTY_2025 = {
    "text": (
        "Four years is four years too many. On this sombre anniversary, Amnesty International stands in "
        "solidarity with Ales Bialiatski, Valentsin Stefanovich, Uladzimir Labkovich and all those unjustly "
        "imprisoned in Belarus. The international community must not let these brave human rights defenders "
        "be forgotten and should raise its voice for their release."
    ),
    "speaker": "Marie Struthers, Amnesty International's Eastern Europe and Central Asia Director",
    "source": "Amnesty International, statement on the fourth anniversary of the arrests, 14 July 2025",
    "url": "",
}

# ---------------------------------------------------------------------------------------------------
# People
# ---------------------------------------------------------------------------------------------------

ALES_BIALIATSKI = {
    "slug": "ales-bialiatski",
    "name_latin": "Ales Bialiatski",
    "name_be": "Аляксандр Віктаравіч Бяляцкі",
    "name_ru": "Александр Викторович Беляцкий",
    "short_name_be": "Алесь Бяляцкі",
    "short_name_ru": "Алесь Беляцкий",
    "group": "viasna",
    "name_dative_be": "",
    "name_dative_ru": "",
    "postal_name_be": "",
    "postal_name_ru": "",
    "patronymic_source": "",
    "role": "Founder and chair of the Human Rights Centre Viasna; Nobel Peace Prize laureate 2022",
    "summary": (
        "Ales Bialiatski set up the Human Rights Centre Viasna in 1996 and has chaired it ever since. "
        "Belarus imprisoned him twice for that work: from 2011 to 2014, and again from 14 July 2021, when he "
        "was arrested together with his colleagues Valiantsin Stefanovich and Uladzimir Labkovich. He was "
        "awarded the Nobel Peace Prize in 2022 while in custody and sentenced to ten years in 2023. On "
        "13 December 2025, after 1,613 days behind bars, he was freed and deported to Lithuania. Some of his "
        "Viasna colleagues were still in prison after his release."
    ),
    "biography": _paragraphs(
        "Ales Bialiatski (full name Aliaksandr Viktaravich Bialiatski) was born on 25 September "
        "1962 in Värtsilä, in the Sortavala district of Karelia, where his parents had gone to work. Two "
        "years later the family returned to Belarus and settled in Svetlahorsk, in the Gomel region. He "
        "began studying history and philology at Gomel State University in 1979 and qualified as a teacher "
        "of philology in 1984. At nineteen he took the name Ales and from then on spoke only Belarusian.",
        "In the second half of the 1980s he threw himself into the Belarusian literary and national revival. "
        "In 1986 he co-founded the Tuteishyia (The Locals) society of young writers and later chaired it. On "
        "19 October 1988 he became a co-founder of Martyrology of Belarus and joined the organising "
        "committee of the Belarusian Popular Front (Adradzhenne). Eleven days later, on 30 October 1988, he "
        "was detained as the organiser of the Dziady march in Minsk and fined 200 roubles.",
        "From 1989 he worked at the Museum of the History of Belarusian Literature and then became director "
        "of the Maksim Bahdanovich Literary Museum, a post he left in 1998; he ran the museum as a meeting "
        "place for the independent Belarusian life of those years. From 1991 to 1996 he also sat on the "
        "Minsk City Council.",
        "In 1996, after the authorities broke up the Chernobyl March and detained more than 200 people, he "
        "brought activists together to help the detainees and their families. That initiative, Viasna-96, "
        "grew into the Human Rights Centre Viasna, which he has led ever since. The Supreme Court took away "
        "Viasna's registration in 2003; in 2007 the UN Human Rights Committee found that this violated its "
        "members' freedom of association, and Viasna carried on its work without registration. Also in "
        "2007 he was elected Vice-President of the International Federation for Human Rights (FIDH).",
        "On 4 August 2011 he was arrested on a tax evasion charge built on the foreign bank accounts through "
        "which Viasna received money to help victims of repression. On 24 November 2011 a Minsk court "
        "sentenced him to four and a half years and ordered his property confiscated; he served the "
        "sentence in penal colony No. 2 in Babruisk. In 2012 the UN Working Group on Arbitrary Detention "
        "found his detention arbitrary. He was freed under an amnesty on 21 June 2014, after 1,052 days, and "
        "returned to his work at Viasna.",
        "He is also a writer: he has published about ten books, four of them written in prison, among them "
        "his first book, 'Literature and Nation' (1991), and a book whose title is given in English as Mercurial "
        "Silver of Life. His human rights "
        "work has been recognised with, among others, the Per Anger Prize and the Homo Homini award (2006), "
        "the first Václav Havel Human Rights Prize of the Parliamentary Assembly of the Council of Europe "
        "(2013), the Right Livelihood Award, shared with Viasna, and the Sakharov Prize, awarded to the "
        "Belarusian democratic opposition with him among its representatives (both 2020). Paris, Genoa and "
        "Syracuse have made him an honorary citizen.",
        "During and after the disputed presidential election of 2020, Viasna documented the repression and "
        "helped its victims. On 14 July 2021 he was arrested again, with Valiantsin Stefanovich and "
        "Uladzimir Labkovich, and held in pre-trial detention centre No. 1 in Minsk, known as Valadarka. "
        "The tax evasion charge was dropped in September 2022 and replaced with charges of smuggling and of "
        "financing group actions that grossly violate public order. On 7 October 2022, still in custody, he "
        "was awarded the Nobel Peace Prize together with Memorial and the Center for Civil Liberties; it "
        "was his sixth nomination. On 3 March 2023 he was sentenced to ten years. In May 2023 he was moved "
        "to penal colony No. 9 in Horki, where from November 2023 he was held in a cell-type room.",
        "On 13 December 2025 he was one of 123 prisoners released in a deal brokered by the United States, "
        "and he was deported to Lithuania. He had spent 1,613 days behind bars, and he said he had not asked "
        "for a pardon. On 8 January 2026 he met the Norwegian Nobel Committee in Oslo and received his Nobel "
        "diploma. Colleagues of his were still in prison after his release, and at least 1,140 political "
        "prisoners were held in Belarus on 5 March 2026.",
    ),
    "birth_date": date(1962, 9, 25),
    "featured": True,
    "detention_start": date(2021, 7, 14),
    "statuses": [
        {
            "status": "detained",
            "date": date(2021, 7, 14),
            "note": "Arrested again, together with Valiantsin Stefanovich and Uladzimir Labkovich.",
            "source": SRC_VIASNA_BIO,
        },
        {
            "status": "pre_trial",
            "date": date(2021, 7, 14),
            "note": ("Held in custody from the arrest, in pre-trial detention centre No. 1 ('Valadarka'), Minsk."),
            "source": SRC_VIASNA_BIO,
        },
        {
            "status": "sentenced",
            "date": date(2023, 3, 3),
            "note": "Sentenced to 10 years on charges of smuggling and 'financing group actions'.",
            "source": SRC_FIDH_2023,
        },
        {
            "status": "penal_colony",
            "date": date(2023, 5, 1),
            "date_precision": "month",
            "note": "May 2023: moved to penal colony No. 9 in Horki.",
            "source": f"{SRC_CHARTER97_2023}; {SRC_SPRING96_113737}",
        },
        {
            "status": "cell_type_room",
            "date": date(2023, 11, 1),
            "date_precision": "month",
            "note": "From November 2023: held in a cell-type room in the Horki colony.",
            "source": f"{SRC_CHARTER97_2023}; {SRC_SPRING96_113737}",
        },
        {
            "status": "released",
            "date": date(2025, 12, 13),
            "note": (
                "Released among 123 prisoners in a US-brokered deal, after 1,613 days behind bars; "
                "he said he had not asked for a pardon."
            ),
            "source": f"{SRC_HRW_2025}; {SRC_PRAVDA_2025}",
        },
        {
            "status": "deported",
            "date": date(2025, 12, 13),
            "note": "Deported to Lithuania on the day of his release.",
            "source": SRC_HRW_2025,
        },
    ],
    "timeline": [
        {
            "date": date(1962, 9, 25),
            "date_precision": "day",
            "title": "Born in Karelia",
            "text": (
                "Born in Värtsilä, Sortavala district, Karelia, where his parents were working. Two years "
                "later the family returned to Belarus and settled in Svetlahorsk, Gomel region."
            ),
            "source": SRC_VIASNA_BIO,
        },
        {
            "date": date(1979, 1, 1),
            "date_precision": "year",
            "title": "Student in Gomel",
            "text": "Enters the history and philology faculty of Gomel State University.",
            "source": SRC_VIASNA_BIO,
        },
        {
            "date": date(1981, 1, 1),
            "date_precision": "year",
            "title": "He becomes Ales",
            "text": "At nineteen he takes the name Ales and from then on speaks only Belarusian.",
            "source": SRC_VIASNA_BIO,
        },
        {
            "date": date(1984, 1, 1),
            "date_precision": "year",
            "title": "Teacher's diploma",
            "text": "Graduates from Gomel State University as a teacher of philology.",
            "source": SRC_VIASNA_BIO,
        },
        {
            "date": date(1986, 1, 1),
            "date_precision": "year",
            "title": "Tuteishyia",
            "text": "Co-founds the Tuteishyia (The Locals) society of young writers, which he later chairs.",
            "source": f"{SRC_VIASNA_BIO}; {SRC_PEN_2014}",
        },
        {
            "date": date(1988, 10, 19),
            "date_precision": "day",
            "title": "Martyrology of Belarus and the Popular Front",
            "text": (
                "Co-founds Martyrology of Belarus and joins the organising committee of the Belarusian "
                "Popular Front (Adradzhenne) on the same day."
            ),
            "source": SRC_VIASNA_BIO,
        },
        {
            "date": date(1988, 10, 30),
            "date_precision": "day",
            "title": "Detained after the Dziady march",
            "text": "Detained as the organiser of the Dziady march in Minsk and fined 200 roubles.",
            "source": SRC_VIASNA_BIO,
        },
        {
            "date": date(1989, 1, 1),
            "date_precision": "year",
            "title": "Museum years",
            "text": (
                "Starts work at the Museum of the History of Belarusian Literature; he later becomes "
                "director of the Maksim Bahdanovich Literary Museum and stays until 1998."
            ),
            "source": f"{SRC_VIASNA_BIO}; {SRC_PEN_2014}",
        },
        {
            "date": date(1991, 1, 1),
            "date_precision": "year",
            "title": "First book; Minsk City Council",
            "text": (
                "Publishes his first book, 'Literature and Nation'. From 1991 to 1996 he is a deputy of the "
                "Minsk City Council."
            ),
            "source": SRC_VIASNA_BIO,
        },
        {
            "date": date(1996, 1, 1),
            "date_precision": "year",
            "title": "Viasna is founded",
            "text": (
                "After the Chernobyl March is broken up and more than 200 people are detained, he founds "
                "Viasna-96 to help them; it becomes the Human Rights Centre Viasna, which he chairs."
            ),
            "source": f"{SRC_VIASNA_BIO}; {SRC_OHCHR_2022}",
        },
        {
            "date": date(2003, 1, 1),
            "date_precision": "year",
            "title": "Viasna stripped of registration",
            "text": ("The Supreme Court of Belarus takes away Viasna's registration; Viasna continues its work."),
            "source": SRC_VIASNA_BIO,
        },
        {
            "date": date(2006, 1, 1),
            "date_precision": "year",
            "title": "Per Anger Prize and Homo Homini",
            "text": "Receives the Per Anger Prize and the Homo Homini award.",
            "source": SRC_VIASNA_BIO,
        },
        {
            "date": date(2007, 1, 1),
            "date_precision": "year",
            "title": "UN Human Rights Committee decision; FIDH Vice-President",
            "text": (
                "The UN Human Rights Committee finds that closing Viasna violated its members' freedom of "
                "association. He is elected Vice-President of FIDH."
            ),
            "source": f"{SRC_VIASNA_BIO}; {SRC_PEN_2014}",
        },
        {
            "date": date(2011, 1, 1),
            "date_precision": "year",
            "title": "Norwegian Authors' Union prize",
            "text": "Receives the Freedom of Expression Prize of the Norwegian Authors' Union.",
            "source": SRC_VIASNA_BIO,
        },
        {
            "date": date(2011, 8, 4),
            "date_precision": "day",
            "title": "First arrest",
            "text": ("Arrested on a tax evasion charge over the foreign accounts used to fund Viasna's aid work."),
            "source": f"{SRC_VIASNA_BIO}; {SRC_PEN_2014}",
        },
        {
            "date": date(2011, 11, 24),
            "date_precision": "day",
            "title": "Sentenced to four and a half years",
            "text": (
                "Sentenced to four and a half years with confiscation of his property; he serves the term "
                "in penal colony No. 2 in Babruisk."
            ),
            "source": f"{SRC_VIASNA_BIO}; {SRC_PEN_2014}",
        },
        {
            "date": date(2012, 1, 1),
            "date_precision": "year",
            "title": "Three prizes in one year",
            "text": "Receives a US State Department award, the Lech Wałęsa Prize and the Petra Kelly Prize.",
            "source": SRC_VIASNA_BIO,
        },
        {
            "date": date(2012, 11, 23),
            "date_precision": "day",
            "title": "UN: detention arbitrary",
            "text": (
                "The UN Working Group on Arbitrary Detention publishes its finding that his detention is arbitrary."
            ),
            "source": f"{SRC_VIASNA_BIO}; {SRC_PEN_2014}",
        },
        {
            "date": date(2013, 9, 1),
            "date_precision": "month",
            "title": "First Václav Havel Prize",
            "text": (
                "Still in prison, he is the first laureate of the Václav Havel Human Rights Prize of the "
                "Parliamentary Assembly of the Council of Europe."
            ),
            "source": SRC_PEN_2014,
        },
        {
            "date": date(2014, 6, 21),
            "date_precision": "day",
            "title": "Freed under an amnesty",
            "text": "Released under an amnesty after 1,052 days in prison; he returns to his work at Viasna.",
            "source": f"{SRC_VIASNA_BIO}; {SRC_PEN_2014}",
        },
        {
            "date": date(2020, 1, 1),
            "date_precision": "year",
            "title": "Right Livelihood Award and Sakharov Prize",
            "text": (
                "He and Viasna receive the Right Livelihood Award; the European Parliament's Sakharov Prize "
                "goes to the Belarusian democratic opposition, with him among its representatives."
            ),
            "source": SRC_VIASNA_BIO,
        },
        {
            "date": date(2021, 2, 16),
            "date_precision": "day",
            "title": "Viasna's offices searched",
            "text": ("Viasna's Minsk office is searched in his presence, as are its offices in several other towns."),
            "source": SRC_VIASNA_BIO,
        },
        {
            "date": date(2021, 7, 14),
            "date_precision": "day",
            "title": "Arrested again",
            "text": (
                "Arrested with Valiantsin Stefanovich and Uladzimir Labkovich and held in pre-trial "
                "detention centre No. 1 ('Valadarka') in Minsk."
            ),
            "source": f"{SRC_VIASNA_BIO}; {SRC_AMNESTY_2025}",
        },
        {
            "date": date(2021, 9, 17),
            "date_precision": "day",
            "title": "#FreeViasna",
            "text": (
                "The international #FreeViasna campaign for the release of Viasna's human rights defenders begins."
            ),
            "source": SRC_VIASNA_BIO,
        },
        {
            "date": date(2022, 9, 26),
            "date_precision": "day",
            "title": "New charges",
            "text": (
                "The tax evasion case is closed, but he stays in custody, now charged with smuggling and "
                "with financing group actions that grossly violate public order."
            ),
            "source": SRC_VIASNA_BIO,
        },
        {
            "date": date(2022, 10, 7),
            "date_precision": "day",
            "title": "Nobel Peace Prize",
            "text": (
                "Awarded the Nobel Peace Prize, together with Memorial and the Center for Civil Liberties, "
                "while in custody. It was his sixth nomination."
            ),
            "source": SRC_VIASNA_BIO,
        },
        {
            "date": date(2022, 10, 10),
            "date_precision": "day",
            "title": "UN experts call for his release",
            "text": (
                "Three UN Special Rapporteurs renew their call for his immediate release and that of other "
                "human rights defenders held in Belarus."
            ),
            "source": SRC_OHCHR_2022,
        },
        {
            "date": date(2023, 3, 3),
            "date_precision": "day",
            "title": "Sentenced to ten years",
            "text": ("Sentenced to 10 years; Valiantsin Stefanovich receives 9 years and Uladzimir Labkovich 7."),
            "source": f"{SRC_FIDH_2023}; {SRC_AMNESTY_2025}",
        },
        {
            "date": date(2023, 5, 1),
            "date_precision": "month",
            "title": "Moved to the Horki colony",
            "text": "Transferred to penal colony No. 9 in Horki.",
            "source": f"{SRC_CHARTER97_2023}; {SRC_SPRING96_113737}",
        },
        {
            "date": date(2023, 11, 1),
            "date_precision": "month",
            "title": "Cell-type room",
            "text": "From this month he is held in a cell-type room inside the colony.",
            "source": f"{SRC_CHARTER97_2023}; {SRC_SPRING96_113737}",
        },
        {
            "date": date(2024, 4, 29),
            "date_precision": "day",
            "title": "Valadarka closes",
            "text": (
                "The old Valadarka building at Valadarskaha 2 in Minsk, where he was held after his 2021 "
                "arrest, closes and pre-trial detention centre No. 1 moves to Pashkovichy, Minsk district. "
                "Older appeals that give the Valadarskaha address are out of date."
            ),
            "source": SRC_EURORADIO_2024,
        },
        {
            "date": date(2024, 9, 25),
            "date_precision": "day",
            "title": "Protest in Brussels on his 62nd birthday",
            "text": (
                "Libereco and FIDH demonstrate outside the Belarusian embassy in Brussels and deliver a "
                "petition with more than 82,000 signatures from 82 countries."
            ),
            "source": SRC_LIBERECO_2024,
        },
        {
            "date": date(2025, 7, 14),
            "date_precision": "day",
            "title": "Four years behind bars",
            "text": "Amnesty International marks four years since the arrests of the three Viasna leaders.",
            "source": SRC_AMNESTY_2025,
        },
        {
            "date": date(2025, 12, 13),
            "date_precision": "day",
            "title": "Released and deported",
            "text": (
                "Freed among 123 prisoners in a US-brokered deal after 1,613 days behind bars, and deported "
                "to Lithuania. He said he had not asked for a pardon."
            ),
            "source": f"{SRC_HRW_2025}; {SRC_PRAVDA_2025}",
        },
        {
            "date": date(2026, 1, 8),
            "date_precision": "day",
            "title": "Nobel diploma in Oslo",
            "text": "Meets the Norwegian Nobel Committee in Oslo and receives his Nobel diploma.",
            "source": SRC_AFP_OSLO,
        },
    ],
    "awards": [
        {
            "year": 2006,
            "name": "Per Anger Prize",
            "note": "Swedish human rights prize.",
            "source": SRC_VIASNA_BIO,
        },
        {
            "year": 2006,
            "name": "Homo Homini award",
            "note": "Presented to him by Václav Havel.",
            "source": SRC_VIASNA_BIO,
        },
        {
            "year": 2011,
            "name": "Norwegian Authors' Union Freedom of Expression Prize",
            "note": "",
            "source": SRC_VIASNA_BIO,
        },
        {"year": 2012, "name": "US State Department award", "note": "", "source": SRC_VIASNA_BIO},
        {"year": 2012, "name": "Lech Wałęsa Prize", "note": "", "source": SRC_VIASNA_BIO},
        {"year": 2012, "name": "Petra Kelly Prize", "note": "", "source": SRC_VIASNA_BIO},
        {
            "year": 2013,
            "name": "Václav Havel Human Rights Prize (Parliamentary Assembly of the Council of Europe)",
            "note": "The first time the prize was awarded; he received it while in prison.",
            "source": f"{SRC_VIASNA_BIO}; {SRC_PEN_2014}",
        },
        {
            "year": 2020,
            "name": "Right Livelihood Award",
            "note": "Shared with Viasna; the first Belarusian laureates.",
            "source": SRC_VIASNA_BIO,
        },
        {
            "year": 2020,
            "name": "Sakharov Prize for Freedom of Thought",
            "note": ("Awarded to the Belarusian democratic opposition; he was one of its named representatives."),
            "source": SRC_VIASNA_BIO,
        },
        {
            "year": 2022,
            "name": "Nobel Peace Prize",
            "note": ("Shared with Memorial and the Center for Civil Liberties; awarded while he was in custody."),
            "source": SRC_VIASNA_BIO,
        },
    ],
    "books": [
        {
            "title": "Literature and Nation",
            "year": 1991,
            "note": "His first book, based on his postgraduate research.",
        },
        {
            "title": "Mercurial Silver of Life. Prologue: Notes of Human Rights Defender",
            # An English rendering of the title: the published Belarusian title is not in our sources.
            "title_is_translation": True,
            "year": None,
            "note": "Awarded the Frantsishak Aliakhnovich Prize.",
        },
    ],
    "quotations": [
        {
            "text": (
                "I hope my release is only the beginning, and other political prisoners will also be free. "
                "I call on the Belarusian authorities with the demand not to stop only on releasing "
                "Bialiatski. Because my release does not make the situation any better. We must be a country "
                "without political prisoners."
            ),
            "speaker": "Ales Bialiatski",
            "source": (
                "On his release in June 2014; quoted on IFEX's page 'Early release for Belarusian writer and "
                "human rights defender', 25 June 2014"
            ),
            "url": URL_IFEX_2014,
        },
        {
            "text": (
                "I am not sorry for those three years I spent in prison. This is the price you pay for "
                "making Belarus a free and democratic country. If we want to improve our life and drag "
                "Belarus out of the swamp it has been in for 20 years already, we need to be active and not "
                "to be afraid of repressions civil society faces. I knew what I was in prison for - that is "
                "why it was easy for me emotionally."
            ),
            "speaker": "Ales Bialiatski",
            "source": ("On his release in June 2014; PEN International statement published by IFEX, 25 June 2014"),
            "url": URL_IFEX_2014,
        },
        {
            "text": (
                "It is very important to understand that, in our situation, our rights can only be protected "
                "by the entire Belarusian society, not individual human rights defenders or journalists."
            ),
            "speaker": "Ales Bialiatski",
            "source": (
                "In a film by Radio Svaboda (RFE/RL's Belarusian service); quoted in Viasna's campaign "
                "biography 'Ales Bialiatski: Nobel Peace Prize Winner in prison' (late 2022)"
            ),
            "url": "",
        },
        {
            "text": (
                "We are dismayed at the ongoing arbitrary detention of Ales Bialiatski and the new charges "
                "which entail a sentence of up to 12 years in prison, brought against him for legitimate "
                "human rights work."
            ),
            "speaker": (
                "UN Special Rapporteurs Anaïs Marin (Belarus), Mary Lawlor (human rights defenders) and "
                "Irene Khan (freedom of opinion and expression)"
            ),
            "source": "UN Special Procedures press release, Geneva, 10 October 2022",
            "url": URL_OHCHR_2022,
        },
        QUOTE_AMNESTY_2025,
        {
            "text": (
                "Ales Bialiatski's unjust imprisonment is emblematic of the harsh challenges facing writers "
                "and activists in Belarus, a country whose government continues to severely restrict the "
                "rights to free expression, free association and assembly."
            ),
            "speaker": "Marian Botsford Fraser, Chair of PEN International's Writers in Prison Committee",
            "source": "PEN International statement on his release, published by IFEX, 25 June 2014",
            "url": URL_IFEX_2014,
        },
    ],
    "sources": [
        SOURCE_VIASNA_BIO,
        SOURCE_PALITVIAZNI,
        SOURCE_PEN_2014,
        SOURCE_OHCHR_2022,
        SOURCE_FIDH_2023,
        SOURCE_CHARTER97_2023,
        SOURCE_SPRING96_113737,
        SOURCE_EURORADIO_2024,
        SOURCE_LIBERECO_2024,
        SOURCE_AMNESTY_2025,
        SOURCE_PRAVDA_2025,
        SOURCE_HRW_2025,
        SOURCE_AFP_OSLO,
        SOURCE_POZIRK_2026,
    ],
    "honours": [
        {"name": "Honorary citizen of Paris (France)", "note": "", "source": SRC_VIASNA_BIO},
        {"name": "Honorary citizen of Genoa (Italy)", "note": "", "source": SRC_VIASNA_BIO},
        {"name": "Honorary citizen of Syracuse (Italy)", "note": "", "source": SRC_VIASNA_BIO},
    ],
}

# The newest source on those still held: each of their current statuses is confirmed as of its date.
HRW_CONFIRMED = {
    "confirmed_on": date(2025, 12, 15),
    "confirmed_source": "Human Rights Watch",
    "confirmed_source_url": URL_HRW_2025,
}

# Patronymics of the colleagues are not in our sources; organisers add them (needed for letters) from
# Viasna's database, prisoners.spring96.org, together with the date they checked it.

VALIANTSIN_STEFANOVICH = {
    "slug": "valiantsin-stefanovich",
    "name_latin": "Valiantsin Stefanovich",
    "name_be": "Валянцін Стэфановіч",
    "name_ru": "Валентин Стефанович",
    "short_name_be": "Валянцін Стэфановіч",
    "short_name_ru": "Валентин Стефанович",
    "group": "viasna",
    "name_dative_be": "Валянціну Стэфановічу",
    "name_dative_ru": "Валентину Стефановичу",
    # Surname and first name in the dative, as an envelope has them; his patronymic is not in our sources.
    "postal_name_be": "Стэфановічу Валянціну",
    "postal_name_ru": "Стефановичу Валентину",
    "patronymic_source": "",
    "role": "Member of the board of the Human Rights Centre Viasna",
    "summary": (
        "Valiantsin Stefanovich, a leading member of Viasna, was arrested with Ales Bialiatski on 14 July "
        "2021 and sentenced on 3 March 2023 to nine years. Human Rights Watch reported on 15 December 2025 "
        "that he was still in prison."
    ),
    "biography": _paragraphs(
        "Valiantsin Stefanovich sits on the board of the Human Rights Centre Viasna. On 14 July 2021 he was "
        "arrested together with Ales Bialiatski and Uladzimir Labkovich and taken to pre-trial detention "
        "centre No. 1 in Minsk. According to Amnesty International, the three were targeted for documenting "
        "human rights violations during the protests that followed the 2020 presidential election.",
        "On 3 March 2023 a court sentenced him to nine years on charges of smuggling and of financing group "
        "actions. He was not among the prisoners freed on 13 December 2025: Human Rights Watch listed him "
        "two days later among those still held.",
    ),
    "birth_date": None,
    "featured": False,
    "detention_start": date(2021, 7, 14),
    "statuses": [
        {
            "status": "detained",
            "date": date(2021, 7, 14),
            "note": "Arrested with Ales Bialiatski and Uladzimir Labkovich.",
            "source": f"{SRC_VIASNA_BIO}; {SRC_AMNESTY_2025}",
        },
        {
            "status": "pre_trial",
            "date": date(2021, 7, 14),
            "note": "Held in pre-trial detention centre No. 1 ('Valadarka'), Minsk.",
            "source": SRC_VIASNA_BIO,
        },
        {
            "status": "sentenced",
            "date": date(2023, 3, 3),
            "note": "Sentenced to 9 years. Still in prison as of 15 December 2025.",
            "source": f"{SRC_FIDH_2023}; {SRC_HRW_2025}",
            **HRW_CONFIRMED,
        },
    ],
    "timeline": [
        {
            "date": date(2021, 7, 14),
            "date_precision": "day",
            "title": "Arrested",
            "text": "Arrested with Ales Bialiatski and Uladzimir Labkovich.",
            "source": f"{SRC_VIASNA_BIO}; {SRC_AMNESTY_2025}",
        },
        {
            "date": date(2023, 3, 3),
            "date_precision": "day",
            "title": "Sentenced to nine years",
            "text": "Sentenced to 9 years in the same trial as Ales Bialiatski.",
            "source": SRC_FIDH_2023,
        },
        {
            "date": date(2025, 12, 15),
            "date_precision": "day",
            "title": "Still in prison",
            "text": "Human Rights Watch lists him among the political prisoners not freed on 13 December.",
            "source": SRC_HRW_2025,
        },
    ],
    "awards": [],
    "books": [],
    "quotations": [QUOTE_AMNESTY_2025],
    "sources": [SOURCE_VIASNA_BIO, SOURCE_FIDH_2023, SOURCE_AMNESTY_2025, SOURCE_HRW_2025],
    "honours": [],
}

ULADZIMIR_LABKOVICH = {
    "slug": "uladzimir-labkovich",
    "name_latin": "Uladzimir Labkovich",
    "name_be": "Уладзімір Лабковіч",
    "name_ru": "Владимир Лабкович",
    "short_name_be": "Уладзімір Лабковіч",
    "short_name_ru": "Владимир Лабкович",
    "group": "viasna",
    "name_dative_be": "Уладзіміру Лабковічу",
    "name_dative_ru": "Владимиру Лабковичу",
    "postal_name_be": "",
    "postal_name_ru": "",
    "patronymic_source": "",
    "role": "Leading member of the Human Rights Centre Viasna",
    "summary": (
        "Uladzimir Labkovich, a leading Viasna human rights defender, was arrested with Ales Bialiatski on "
        "14 July 2021 and sentenced on 3 March 2023 to seven years. He was released on 13 December 2025."
    ),
    "biography": _paragraphs(
        "Uladzimir Labkovich is one of Viasna's leading human rights defenders. He was arrested on 14 July "
        "2021 together with Ales Bialiatski and Valiantsin Stefanovich and held in pre-trial detention "
        "centre No. 1 in Minsk.",
        "On 3 March 2023 he was sentenced to seven years on charges of smuggling and of financing group "
        "actions. He was among the 123 prisoners released on 13 December 2025.",
    ),
    "birth_date": None,
    "featured": False,
    "detention_start": date(2021, 7, 14),
    "statuses": [
        {
            "status": "detained",
            "date": date(2021, 7, 14),
            "note": "Arrested with Ales Bialiatski and Valiantsin Stefanovich.",
            "source": f"{SRC_VIASNA_BIO}; {SRC_AMNESTY_2025}",
        },
        {
            "status": "pre_trial",
            "date": date(2021, 7, 14),
            "note": "Held in pre-trial detention centre No. 1 ('Valadarka'), Minsk.",
            "source": SRC_VIASNA_BIO,
        },
        {
            "status": "sentenced",
            "date": date(2023, 3, 3),
            "note": "Sentenced to 7 years.",
            "source": f"{SRC_FIDH_2023}; {SRC_AMNESTY_2025}",
        },
        {
            "status": "released",
            "date": date(2025, 12, 13),
            "note": "Released among 123 prisoners in a US-brokered deal.",
            "source": SRC_HRW_2025,
        },
    ],
    "timeline": [
        {
            "date": date(2021, 7, 14),
            "date_precision": "day",
            "title": "Arrested",
            "text": "Arrested with Ales Bialiatski and Valiantsin Stefanovich.",
            "source": f"{SRC_VIASNA_BIO}; {SRC_AMNESTY_2025}",
        },
        {
            "date": date(2023, 3, 3),
            "date_precision": "day",
            "title": "Sentenced to seven years",
            "text": "Sentenced to 7 years in the same trial as Ales Bialiatski.",
            "source": SRC_FIDH_2023,
        },
        {
            "date": date(2025, 12, 13),
            "date_precision": "day",
            "title": "Released",
            "text": "Freed among the 123 prisoners released on the same day as Ales Bialiatski.",
            "source": SRC_HRW_2025,
        },
    ],
    "awards": [],
    "books": [],
    "quotations": [QUOTE_AMNESTY_2025],
    "sources": [SOURCE_VIASNA_BIO, SOURCE_FIDH_2023, SOURCE_AMNESTY_2025, SOURCE_HRW_2025],
    "honours": [],
}

MARFA_RABKOVA = {
    "slug": "marfa-rabkova",
    "name_latin": "Marfa Rabkova",
    "name_be": "Марфа Рабкова",
    "name_ru": "Марфа Рабкова",
    "short_name_be": "Марфа Рабкова",
    "short_name_ru": "Марфа Рабкова",
    "group": "viasna",
    "name_dative_be": "Марфе Рабковай",
    "name_dative_ru": "Марфе Рабковой",
    # Her legal first name is Maryia (FIDH: 'Marfa (Maryia) Rabkova'); her patronymic is not in our sources.
    "postal_name_be": "Рабковай Марыі",
    "postal_name_ru": "Рабковой Марии",
    "patronymic_source": "",
    "role": "Human rights activist and coordinator of Viasna's volunteers",
    "summary": (
        "Marfa Rabkova coordinated Viasna's volunteers. She was given a 15-year sentence, later reduced to "
        "14 years and 9 months, and Human Rights Watch reported on 15 December 2025 that she was still in "
        "prison."
    ),
    "biography": _paragraphs(
        "Marfa Rabkova is a human rights activist with Viasna, where she coordinated the organisation's volunteers.",
        "She was sentenced to 15 years in prison; the term was later reduced to 14 years and 9 months. She "
        "was not among those freed on 13 December 2025, and Human Rights Watch named her two days later "
        "among the Viasna members still held in reprisal for their human rights work.",
    ),
    "birth_date": None,
    "featured": False,
    "detention_start": None,
    # Neither the date of her arrest nor that of her verdict is in our sources: her status is what Human
    # Rights Watch reported, in prison on 15 December 2025. Organisers add the earlier statuses from
    # Viasna's database, with the source.
    "statuses": [
        {
            "status": "in_prison",
            "date": date(2025, 12, 15),
            "note": "Serving a sentence of 15 years, later reduced to 14 years and 9 months.",
            "source": f"{SRC_HRW_2025}; {SRC_100X}",
            "source_url": URL_HRW_2025,
            **HRW_CONFIRMED,
        },
    ],
    "timeline": [
        {
            "date": date(2025, 12, 15),
            "date_precision": "day",
            "title": "Still in prison",
            "text": "Human Rights Watch lists her among the political prisoners not freed on 13 December.",
            "source": SRC_HRW_2025,
        },
    ],
    "awards": [],
    "books": [],
    "quotations": [],
    "sources": [SOURCE_HRW_2025, SOURCE_100X],
    "honours": [],
}

NASTA_LOIKA = {
    "slug": "nasta-loika",
    "name_latin": "Nasta Loika",
    "name_be": "Наста Лойка",
    "name_ru": "Анастасия Лойко",
    "short_name_be": "Наста Лойка",
    "short_name_ru": "Настя Лойко",
    # HRW calls her a human rights defender; Viasna, an activist of Human Constanta: not Viasna staff.
    "group": "defenders",
    "name_dative_be": "",
    "name_dative_ru": "Насте Лойко",
    # Her legal first name is Anastasia (HRW: 'Nasta (Anastasia) Lojka'); Лойко does not decline in Russian.
    # The Belarusian forms are left to organisers; her patronymic is not in our sources.
    "postal_name_be": "",
    "postal_name_ru": "Лойко Анастасии",
    "patronymic_source": "",
    "role": "Human rights defender",
    "summary": (
        "Nasta (Anastasia) Loika, a human rights defender known for her work against discrimination and for "
        "the rights of foreigners and stateless people, was sentenced on 20 June 2023 to seven years. Human "
        "Rights Watch reported on 15 December 2025 that she was still in prison."
    ),
    "biography": _paragraphs(
        "Nasta (Anastasia) Loika is a prominent Belarusian human rights defender. Her work has focused on "
        "anti-discrimination and equality, fair trial, the rights of foreigners and stateless people, and "
        "human rights education.",
        "On 20 June 2023 she was sentenced to seven years in prison. She was not among those freed on "
        "13 December 2025; Human Rights Watch listed her two days later among the human rights defenders "
        "still serving sentences in reprisal for their work.",
    ),
    "birth_date": None,
    "featured": False,
    # The date of her arrest is not in our sources: left empty until organisers add it with a source.
    "detention_start": None,
    "statuses": [
        {
            "status": "sentenced",
            "date": date(2023, 6, 20),
            "note": "Sentenced to 7 years. Still in prison as of 15 December 2025.",
            "source": f"{SRC_ZERKALO_2025}; {SRC_HRW_2025}",
            **HRW_CONFIRMED,
        },
    ],
    "timeline": [
        {
            "date": date(2023, 6, 20),
            "date_precision": "day",
            "title": "Sentenced to seven years",
            "text": "Sentenced to 7 years in prison.",
            "source": SRC_ZERKALO_2025,
        },
        {
            "date": date(2025, 12, 15),
            "date_precision": "day",
            "title": "Still in prison",
            "text": "Human Rights Watch lists her among the political prisoners not freed on 13 December.",
            "source": SRC_HRW_2025,
        },
    ],
    "awards": [],
    "books": [],
    "quotations": [],
    "sources": [SOURCE_ZERKALO_2025, SOURCE_HRW_2025],
    "honours": [],
}

LEANID_SUDALENKA = {
    "slug": "leanid-sudalenka",
    "name_latin": "Leanid Sudalenka",
    "name_be": "Леанід Судаленка",
    "name_ru": "Леонид Судаленко",
    "short_name_be": "Леанід Судаленка",
    "short_name_ru": "Леонид Судаленко",
    "group": "viasna",
    "name_dative_be": "",
    "name_dative_ru": "",
    "postal_name_be": "",
    "postal_name_ru": "",
    "patronymic_source": "",
    "role": "Viasna human rights defender and former political prisoner",
    "summary": (
        "Leanid Sudalenka, a Viasna human rights defender, was released on 21 July 2023 when his prison term "
        "ended. In September 2024 he joined a protest in Brussels for Ales Bialiatski's release."
    ),
    "biography": _paragraphs(
        "Leanid Sudalenka is a colleague of Ales Bialiatski at Viasna and a former political prisoner. He "
        "was released on 21 July 2023, at the end of his term.",
        "On 25 September 2024, Bialiatski's 62nd birthday, he joined members of the European Parliament, "
        "Libereco and FIDH outside the Belarusian embassy in Brussels to demand the release of Bialiatski "
        "and all political prisoners in Belarus.",
    ),
    "birth_date": None,
    "featured": False,
    # The date of his arrest is not stated in the seed texts, so it is left empty.
    "detention_start": None,
    "statuses": [
        {
            "status": "released",
            "date": date(2023, 7, 21),
            "note": "Released at the end of his prison term.",
            "source": SRC_SPRING96_112319,
        },
    ],
    "timeline": [
        {
            "date": date(2023, 7, 21),
            "date_precision": "day",
            "title": "Released",
            "text": "Freed at the end of his prison term.",
            "source": SRC_SPRING96_112319,
        },
        {
            "date": date(2024, 9, 25),
            "date_precision": "day",
            "title": "Speaking up in Brussels",
            "text": (
                "Takes part in the protest outside the Belarusian embassy in Brussels on Ales Bialiatski's "
                "62nd birthday."
            ),
            "source": SRC_LIBERECO_2024,
        },
    ],
    "awards": [],
    "books": [],
    "quotations": [],
    "sources": [SOURCE_SPRING96_112319, SOURCE_LIBERECO_2024],
    "honours": [],
}

PEOPLE = [
    ALES_BIALIATSKI,
    VALIANTSIN_STEFANOVICH,
    ULADZIMIR_LABKOVICH,
    MARFA_RABKOVA,
    NASTA_LOIKA,
    LEANID_SUDALENKA,
]

# ---------------------------------------------------------------------------------------------------
# Dates worth a reminder every year
# ---------------------------------------------------------------------------------------------------

# Sources: FACTS.md; 21 May from spring96.org/en/news/111705, 4 August from Viasna's campaign biography.
KEY_DATES = [
    {
        "month": 5,
        "day": 21,
        "title": "Day of Political Prisoners of Belarus",
        "text": ("A day to remember everyone held in Belarus for political reasons, and a good day to write to them."),
    },
    {
        "month": 7,
        "day": 14,
        "title": "Anniversary of the 2021 arrests",
        "text": (
            "On 14 July 2021 Ales Bialiatski, Valiantsin Stefanovich and Uladzimir Labkovich were arrested "
            "in a sweep against Viasna."
        ),
    },
    {
        "month": 8,
        "day": 4,
        "title": "Day of Solidarity with Belarusian civil society",
        "text": (
            "Marked on the anniversary of Ales Bialiatski's first arrest, on 4 August 2011. The first action "
            "was held outside the Belarusian embassy in Vilnius in 2013, and Viasna revived the day there in "
            "2022."
        ),
    },
    {
        "month": 9,
        "day": 25,
        "title": "Ales Bialiatski's birthday",
        "text": (
            "Ales Bialiatski was born on 25 September 1962. Supporters mark the day with solidarity actions, "
            "such as the protest outside the Belarusian embassy in Brussels on his 62nd birthday in 2024."
        ),
    },
    {
        "month": 12,
        "day": 10,
        "title": "Human Rights Day",
        "text": (
            "International Human Rights Day. A day to stand with the human rights defenders of Viasna and "
            "with everyone imprisoned in Belarus for political reasons."
        ),
    },
]

# ---------------------------------------------------------------------------------------------------
# The petition
# ---------------------------------------------------------------------------------------------------

PETITION = {
    "slug": "free-belarus-political-prisoners",
    "title": "Free Ales Bialiatski's colleagues and all political prisoners in Belarus",
    "summary": (
        "Ales Bialiatski is free, but his Viasna colleagues and more than a thousand other political "
        "prisoners are still held in Belarus: we ask for the release of every one of them."
    ),
    "body": _paragraphs(
        "Ales Bialiatski, the founder of the Human Rights Centre Viasna and a 2022 Nobel Peace Prize "
        "laureate, spent 1,613 days behind bars after his arrest on 14 July 2021. On 13 December 2025 he was "
        "released, one of 123 prisoners freed in a deal brokered by the United States, and deported to "
        "Lithuania.",
        "His release did not end the injustice. According to Human Rights Watch, his Viasna colleagues "
        "Valiantsin Stefanovich and Marfa Rabkova and the human rights defender Nasta Loika were still in "
        "prison on 15 December 2025, serving long sentences for their human rights work. At least 1,140 "
        "political prisoners were held in Belarus on 5 March 2026 (pozirk.online).",
        "We call on the authorities of the Republic of Belarus to release all political prisoners "
        "immediately and unconditionally, including the members of Viasna, and to stop prosecuting people "
        "for peaceful human rights work.",
        "We ask every government in a position to negotiate with Minsk to make the freedom of all political "
        "prisoners, not only of a few, the aim of those talks.",
        "Every signature tells the prisoners and their families that they have not been forgotten.",
    ),
    "addressee": (
        "The authorities of the Republic of Belarus, and the governments in a position to negotiate the "
        "release of political prisoners"
    ),
    "goal": 10000,
}
