"""What a profile computes rather than stores: where a person stands today, the days behind bars,
and the dates coming up. Plain functions of the data and of `today`, so tests can pick the day.

The day count is the number of days from the first day of detention to the day of release (or to
today while held), not counting the first day: 14 July 2021 to 13 December 2025 is 1,613 days, the
figure Viasna gave on his release (and 4 August 2011 to 21 June 2014 is the 1,052 days of his first
imprisonment).
"""

import calendar
from dataclasses import dataclass
from datetime import date
from zoneinfo import ZoneInfo

from django.conf import settings
from django.utils import formats, timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from campaign.models import Person, StatusChange
from campaign.translated import FALLBACK_LANGUAGE, translated

MINSK = ZoneInfo("Europe/Minsk")


def minsk_today(now=None):
    """Today's date in Minsk, where the days behind bars are lived; UTC 23:30 is already tomorrow there."""
    return timezone.localdate(now or timezone.now(), timezone=MINSK)


@dataclass(frozen=True)
class Standing:
    person: Person
    current: StatusChange | None  # None: no status recorded yet
    free_since: date | None
    days: int | None  # None: no detention date, so no count is shown
    # Held, and no source has confirmed the status for longer than settings.STATUS_CHECK_AFTER_DAYS.
    stale: bool = False

    @property
    def held(self):
        return self.current is not None and not self.current.is_free

    @property
    def free(self):
        return self.current is not None and self.current.is_free


def standing_of(person, today):
    """Where `person` stands on `today`, from their status history: the one place that decides it,
    for profiles, the letters pages and the admin. Fetch people with `Person.objects.with_standing()`."""
    history = list(person.status_changes.all())  # newest first
    current = history[0] if history else None
    free_since = None
    if current is not None and current.is_free:
        # Released, then deported the same day: freedom began at the oldest of the run of free statuses.
        for change in history:
            if not change.is_free:
                break
            free_since = change.date
    days = None
    end = free_since or today
    if current is not None and person.detention_start and end >= person.detention_start:
        days = (end - person.detention_start).days
    return Standing(
        person=person, current=current, free_since=free_since, days=days, stale=status_is_stale(current, today)
    )


def status_is_stale(current, today):
    """Whether a held person's status has gone unconfirmed for longer than organisers allow."""
    if current is None or current.is_free:
        return False
    return current.age_in_days(today) > settings.STATUS_CHECK_AFTER_DAYS


@dataclass(frozen=True)
class ComingDate:
    date: date
    title: str
    text: str
    lang: str = ""  # "en" when a key date has no translation yet and is shown in English


def anniversary_in(year, month, day):
    """`month`/`day` in `year`; 29 February falls on 28 February in other years."""
    return date(year, month, min(day, calendar.monthrange(year, month)[1]))


def next_occurrence(month, day, today):
    """The next `month`/`day` on or after `today`."""
    this_year = anniversary_in(today.year, month, day)
    return this_year if this_year >= today else anniversary_in(today.year + 1, month, day)


def coming_dates(*, standing, key_dates, today, limit=4):
    """The person's next birthday and arrest anniversary (while held), and the campaign's key dates."""
    person = standing.person
    found = []
    if person.birth_date:
        when = next_occurrence(person.birth_date.month, person.birth_date.day, today)
        title = _("%(name)s's birthday") % {"name": person.display_name}
        found.append(ComingDate(when, title, _("Turns %(age)s.") % {"age": when.year - person.birth_date.year}))
    if standing.held and standing.days is not None:
        start = person.detention_start
        when = next_occurrence(start.month, start.day, today)
        years = when.year - start.year
        if years > 0:
            title = ngettext("%(count)s year since the arrest", "%(count)s years since the arrest", years) % {
                "count": years
            }
            text = _("Arrested on %(date)s.") % {"date": formats.date_format(start, "j E Y")}
            found.append(ComingDate(when, title, text))
    taken = {(d.date.month, d.date.day) for d in found}
    for key_date in key_dates:
        when = next_occurrence(key_date.month, key_date.day, today)
        if (when.month, when.day) not in taken:
            title, text = translated(key_date, "title"), translated(key_date, "text")
            lang = FALLBACK_LANGUAGE if title.fallback or text.fallback else ""
            found.append(ComingDate(when, title.text, text.text, lang))
    found.sort(key=lambda d: d.date)
    return found[:limit]
