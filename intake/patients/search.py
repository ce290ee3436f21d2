"""Finding a patient the way the front desk types: the matching rules of patient search.

- every word of the query in the name, accents, case, apostrophes, hyphens and periods ignored
  ("oneil" finds O'Neil, "elodie" finds Élodie, "jean pierre" finds Jean-Pierre);
- "Last, First" as the list itself shows names ("gagnon, r": a last name containing "gagnon"
  and a first name starting with "r");
- any part of a phone number, three digits or more ("0104", "555-0104", "(438) 200-0104"), and
  the record number;
- then, only when those leave room on the first page, names one typo away ("Margret" finds
  Margaret), listed after the exact matches. On PostgreSQL that is pg_trgm's word similarity,
  served by the trigram index on search_name; SQLite has no trigram index, so there the names
  are compared in Python with an edit distance of one (a letter missing, extra, wrong or two
  letters swapped), which reads the whole registry: fine for the clinic-sized SQLite default,
  PostgreSQL for large registries.
"""

import re

from django.db import connection, transaction
from django.db.models import Q, Value
from django.db.models.functions import Concat, Left
from django.db.models.lookups import Exact
from phonenumbers import NumberParseException, PhoneNumberFormat, format_number, is_valid_number
from phonenumbers import parse as parse_phone

from intake.models import RECORD_NUMBER_DIGITS, Patient, fold_name

_PHONE_LIKE = re.compile(r"[\d\s().+-]+")
# Shorter phone fragments match too many numbers to mean anything (and have no trigram).
MIN_PHONE_DIGITS = 3
# A typo in a shorter word is a different name ("ann" / "anne" / "dan").
MIN_TYPO_WORD = 4
# pg_trgm's word_similarity from which a name counts as "one typo away". Its default, 0.6,
# misses a letter left out of a seven-letter name ("margret" / "margaret smith": 0.55); at 0.5
# one letter missing, added, changed or swapped passes and two typos ("mrgret": 0.29) or
# another name ("marjorie": 0.38) do not.
TYPO_SIMILARITY = 0.5


def _as_phone(query, region):
    try:
        number = parse_phone(query, region)
    except NumberParseException:
        return None
    return format_number(number, PhoneNumberFormat.E164) if is_valid_number(number) else None


def _base(date_of_birth, include_archived):
    patients = Patient.objects.all() if include_archived else Patient.objects.active()
    if date_of_birth is not None:
        patients = patients.filter(date_of_birth=date_of_birth)
    return patients


def _name_match(query):
    """Q for the name rules, or None when the query has no name in it."""
    if "," in query:
        last, _comma, first = query.partition(",")
        last_words, first_words = fold_name(last).split(), fold_name(first).split()
        if last_words:
            match = Q()
            for word in last_words:
                match &= Q(search_name__contains=word)
            if first_words:
                # search_name is "first last": the first name starts it. Compared through
                # Left() so that PostgreSQL checks it on the last name's few matches instead of
                # asking the trigram index for every name starting with one letter (40 ms).
                first = " ".join(first_words)
                match &= Q(Exact(Left("search_name", len(first)), Value(first)))
            return match
    words = fold_name(query.replace(",", " ")).split()
    if not words:
        return None
    match = Q()
    for word in words:
        # search_name is folded the same way, so a plain LIKE suffices and the trigram index on
        # PostgreSQL can serve it.
        match &= Q(search_name__contains=word)
    return match


def search_patients(*, query="", date_of_birth=None, include_archived=False, region="CA"):
    """Patients matching the query by name, phone or record number (see the module's rules),
    and the date of birth when given, in list order (last name, first name)."""
    patients = _base(date_of_birth, include_archived)
    query = query.strip()
    if not query:
        return patients.order_by("last_name", "first_name", "pk")

    matches = Q(pk__in=[])
    name_match = _name_match(query)
    if name_match is not None:
        matches |= name_match
    if _PHONE_LIKE.fullmatch(query):
        digits = re.sub(r"\D", "", query)
        if digits and len(digits) <= RECORD_NUMBER_DIGITS + 3:
            matches |= Q(pk=int(digits))
        if len(digits) >= MIN_PHONE_DIGITS:
            # Stored as E.164 (+14382000104): the digits typed, whatever their punctuation.
            matches |= Q(phone__contains=digits)
        phone = _as_phone(query, region)
        if phone:
            matches |= Q(phone=phone)
    ordering = ["last_name", "first_name", "pk"]
    words = fold_name(query.replace(",", " ")).split()
    if any(len(word) >= 3 for word in words):
        # On PostgreSQL, ordering by the indexed name columns tempts the planner to walk that
        # index, filtering every patient until a page of matches is found (70 ms for a name late
        # in the alphabet at 100,000 patients). An expression no index serves makes it use the
        # trigram index and sort the few matches instead (a few ms). Same order. One word of
        # three letters or more is enough: the index finds its names and the shorter words are
        # checked on those ("Chiara Li": 75 ms walking, 7 ms so). A query of only shorter words
        # has no trigram to look up, so it keeps the index walk. (Asking first
        # whether a fragment matches thousands, to walk the index for those, cost 13-21 ms per
        # search and won only for fragments spread over the alphabet: not kept.)
        ordering[0] = Concat("last_name", Value(""))
    return patients.filter(matches).order_by(*ordering)


def typo_words(query):
    """The words of a query that a near match may get wrong (long enough to be a name)."""
    if _PHONE_LIKE.fullmatch(query.strip() or "x"):
        return []
    return fold_name(query.replace(",", " ")).split()


def near_patients(
    *, query, exclude=(), limit=25, date_of_birth=None, include_archived=False, columns=()
):
    """Patients whose name is one typo away from the query's, closest first, not in `exclude`.

    Every word of the query must still be in the name, except that a word of four letters or
    more may instead be one typo away from a word of the name. ``columns``: read only these
    (and the names it sorts by), as a list shows them; else every column.
    """
    words = typo_words(query)
    if limit <= 0 or not any(len(word) >= MIN_TYPO_WORD for word in words):
        return []
    patients = _base(date_of_birth, include_archived).exclude(pk__in=list(exclude))
    if columns:
        patients = patients.only(*columns, "first_name", "last_name")
    if connection.vendor == "postgresql":
        return _near_postgresql(patients, words, limit)
    return _near_python(patients, words, limit)


def _near_postgresql(patients, words, limit):
    from django.contrib.postgres.lookups import TrigramWordSimilar
    from django.contrib.postgres.search import TrigramWordSimilarity
    from django.db.models import F

    condition = Q()
    score = Value(0.0)
    for word in words:
        if len(word) >= MIN_TYPO_WORD:
            # `search_name %> word`: served by the gin_trgm_ops index on search_name.
            condition &= Q(search_name__contains=word) | Q(
                TrigramWordSimilar(F("search_name"), Value(word))
            )
            score = score + TrigramWordSimilarity(Value(word), "search_name")
        else:
            condition &= Q(search_name__contains=word)
    # At least one word must really be a typo, as in the Python path: a name holding every word
    # as typed is the exact search's to find or leave out ("gagnon, r" is Rose Gagnon, not Marc
    # Gagnon, whose name merely contains an r).
    every_word_as_typed = Q()
    for word in words:
        every_word_as_typed &= Q(search_name__contains=word)
    condition &= ~every_word_as_typed
    with transaction.atomic(), connection.cursor() as cursor:
        # Both LOCAL (this query only), in one round trip. The `%>` operator reads its
        # threshold from the first. Without the second, with a LIMIT, the planner bets on
        # finding the few rows early in a scan of the whole registry, computing the similarity
        # of every name: when there are none (a full name typed right, which the exact search
        # already found) it reads all 100,000 (170-240 ms). The trigram index answers in a few
        # ms whatever the outcome.
        cursor.execute(
            "SELECT set_config('pg_trgm.word_similarity_threshold', %s, true), "
            "set_config('enable_seqscan', 'off', true)",
            [str(TYPO_SIMILARITY)],
        )
        # No ORDER BY: a typo of a common name ("Margret") is near 1,500 of 100,000 patients,
        # and sorting them all by closeness cost 90 ms; the first `limit` found are all one
        # typo away, and are sorted here, closest first.
        found = list(patients.filter(condition).annotate(closeness=score).order_by()[:limit])
    return sorted(found, key=lambda p: (-p.closeness, p.last_name, p.first_name, p.pk))


def _near_python(patients, words, limit):
    found = near_names(patients.values_list("pk", "search_name"), words)
    by_pk = patients.in_bulk(found)
    return sorted(by_pk.values(), key=lambda p: (p.last_name, p.first_name, p.pk))[:limit]


def near_names(rows, words):
    """The keys of the (key, folded name) rows whose name holds every word, a word of four
    letters or more possibly one edit away from a word of the name, with one such typo at
    least."""
    rows = list(rows)
    # The edit distance is worked out once per distinct word of the registry, not once per
    # name: a clinic's names share their words (2,000 patients, a few hundred words).
    vocabulary = {word for _key, name in rows for word in name.split()}
    typos_of = {
        word: {
            known
            for known in vocabulary
            if _could_be_one_edit(word, known) and one_edit_apart(word, known)
        }
        for word in words
        if len(word) >= MIN_TYPO_WORD
    }
    found = []
    for key, name in rows:
        typos = 0
        for word in words:
            if word in name:
                continue
            if typos_of.get(word) and not typos_of[word].isdisjoint(name.split()):
                typos += 1
                continue
            break
        else:
            if typos:
                found.append(key)
    return found


def _could_be_one_edit(typed, name):
    """A cheap test that rules out most of a registry's names before one_edit_apart: one edit
    changes the length by one at most, and leaves the first letter or the last one in place
    (an edit at the start leaves the end of a word of two letters or more alone)."""
    return abs(len(typed) - len(name)) <= 1 and (typed[0] == name[0] or typed[-1] == name[-1])


def one_edit_apart(typed, name):
    """True when `typed` becomes `name` by one letter added, removed, changed, or two
    neighbouring letters swapped (Damerau-Levenshtein distance exactly 1)."""
    if typed == name or abs(len(typed) - len(name)) > 1:
        return False
    if len(typed) == len(name):
        differ = [i for i, (a, b) in enumerate(zip(typed, name, strict=True)) if a != b]
        if len(differ) == 1:
            return True
        return (
            len(differ) == 2
            and differ[1] == differ[0] + 1
            and typed[differ[0]] == name[differ[1]]
            and typed[differ[1]] == name[differ[0]]
        )
    shorter, longer = (typed, name) if len(typed) < len(name) else (name, typed)
    return any(longer[:i] + longer[i + 1 :] == shorter for i in range(len(longer)))
