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


def countless_page(queryset, page_number, per_page):
    try:
        number = max(int(page_number or 1), 1)
    except (TypeError, ValueError):
        number = 1
    start = (number - 1) * per_page
    rows = list(queryset[start : start + per_page + 1])
    return CountlessPage(object_list=rows[:per_page], number=number, has_next=len(rows) > per_page)
