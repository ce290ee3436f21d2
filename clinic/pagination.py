"""Pagination for lists that can match a large share of the registry.

Django's Paginator counts every match to print "page X of Y". For a three-letter search over
100,000 patients that COUNT(*) costs more than the page itself, so long lists here fetch one
row more than a page instead: enough to know whether there is a next page.
"""

from dataclasses import dataclass


@dataclass
class CountlessPage:
    object_list: list
    number: int
    has_next: bool
    paginator = None  # no total: templates print "Page N" only

    def has_previous(self):
        return self.number > 1

    def has_other_pages(self):
        return self.has_next or self.has_previous()

    def next_page_number(self):
        return self.number + 1

    def previous_page_number(self):
        return self.number - 1


# Beyond this, a page number is nonsense (and an OFFSET the database cannot take).
MAX_PAGE_NUMBER = 1_000_000


def countless_page(queryset, page_number, per_page):
    """The page asked for; page 1 for a number that is not one; the last page past the end.

    Only a page past the end costs a COUNT, to find the last page.
    """
    try:
        number = int(str(page_number or 1).strip())
    except (TypeError, ValueError):
        number = 1
    number = max(number, 1)
    if number <= MAX_PAGE_NUMBER:
        start = (number - 1) * per_page
        rows = list(queryset[start : start + per_page + 1])
        if rows or number == 1:
            return CountlessPage(
                object_list=rows[:per_page], number=number, has_next=len(rows) > per_page
            )
    last = max((queryset.count() + per_page - 1) // per_page, 1)
    start = (last - 1) * per_page
    return CountlessPage(
        object_list=list(queryset[start : start + per_page]), number=last, has_next=False
    )
