"""A list whose later pages open only from a drop-down of page numbers ("Страница: [1 ▼]
от 3"): by submitting its GET form (yavorets) or by a script setting ``location``."""

from __future__ import annotations

import pytest

from newsarchive.discover.next_pages import find_next_link, older_year_url
from newsarchive.models import Profile

SITE = Profile(id="x", name="x", origin="https://www.x.bg", hosts=("www.x.bg",))


def _options(selected: int, values: str = "{n}") -> str:
    return "".join(
        f'<option value="{values.format(n=n)}"{" selected" if n == selected else ""}>{n}</option>'
        for n in range(1, 4)
    )


@pytest.mark.parametrize("hidden", ["hidden", " HIDDEN "])
def test_the_next_option_of_a_get_form_is_the_next_page(hidden: str) -> None:
    """The form's hidden fields go with the choice, as a browser sends them (a type in
    any case: the form button pager's reading of a form, one for both)."""
    html = (
        f'<html><body><form action="novini.php" method="get"><input type="{hidden}" name="kat"'
        ' value="1">Страница: <select name="str" onchange="this.form.submit()">'
        f"{_options(2)}</select> от 3</form></body></html>"
    )
    url = "https://www.x.bg/novini.php?kat=1&str=2"
    assert find_next_link(html, url, SITE, 2) == "https://www.x.bg/novini.php?kat=1&str=3"


def test_a_script_going_to_the_option_or_to_an_address_built_on_it() -> None:
    html = (
        '<html><body><select onchange="window.location.href=this.value">'
        f"{_options(1, 'arhiv-{n}.html')}</select></body></html>"
    )
    assert find_next_link(html, "https://www.x.bg/arhiv-1.html", SITE, 1) == (
        "https://www.x.bg/arhiv-2.html"
    )
    html = (
        "<html><body><select onchange=\"location = '/novini/?p=' + this.value\">"
        f"{_options(1)}</select></body></html>"
    )
    assert (
        find_next_link(html, "https://www.x.bg/novini/", SITE, 1) == "https://www.x.bg/novini/?p=2"
    )


def test_the_last_page_a_post_form_and_a_choice_of_towns_have_no_next_page() -> None:
    last = (
        '<html><body><form method="get"><select name="str" onchange="this.form.submit()">'
        f"{_options(3)}</select></form></body></html>"
    )
    assert find_next_link(last, "https://www.x.bg/novini.php?str=3", SITE, 3) is None
    posted = last.replace('method="get"', 'method="post"').replace(_options(3), _options(1))
    assert find_next_link(posted, "https://www.x.bg/novini.php", SITE, 1) is None
    towns = (
        '<html><body><form action="/kmetstva.php">'
        '<select name="selo" onchange="this.form.submit()">'
        '<option value="1">Орешак</option><option value="2">Бели дол</option></select></form>'
        "</body></html>"
    )
    assert find_next_link(towns, "https://www.x.bg/novini.php", SITE, 1) is None


def test_a_search_form_choosing_a_day_is_no_pager() -> None:
    """An archive's search form ("Ден [1 ▼] Месец [Ноември ▼] Година [2026 ▼] Търси"):
    its day is a drop-down of numbers too, and was read as the pager, so the walk went
    on to ``arhiv.php?den=2``, ``?den=3``, … each a day's search, not the list's next
    page. A pager's drop-down is the one field its form asks for."""
    days = "".join(f'<option value="{n}">{n}</option>' for n in range(1, 32))
    html = (
        '<html><body><ul><li><a href="/novini/1.html">Новина</a></li></ul>'
        '<form action="arhiv.php" method="get">Ден <select name="den">'
        f'{days}</select> Месец <select name="mesec"><option value="11">Ноември</option>'
        '</select> Година <select name="godina"><option>2026</option><option>2025</option>'
        '</select><input type="submit" value="Търси"></form></body></html>'
    )
    assert find_next_link(html, "https://www.x.bg/novini.php", SITE, 1) is None
    keyword = html.replace(" Месец <select", ' <input type="text" name="q"><select')
    assert find_next_link(keyword, "https://www.x.bg/novini.php", SITE, 1) is None


def _years(selected: str, order: tuple[str, ...] = ("2026", "2025", "2024")) -> str:
    return "".join(
        f'<option value="{y}"{" selected" if y == selected else ""}>{y}</option>' for y in order
    )


def _year_form(options: str) -> str:
    return (
        '<html><body><form method="get" action="novini.php">Архив: <select name="godina"'
        f' onchange="this.form.submit()">{options}</select></form></body></html>'
    )


def test_a_drop_down_of_years_goes_to_the_year_before_the_one_shown() -> None:
    """ "Архив: [2026 ▼]": the years are no page numbers (no page 2027 follows 2026), but
    the year pages a list of news goes back through; the oldest has none before it."""
    base = "https://www.x.bg/novini.php"
    html = _year_form(_years("2026"))
    assert find_next_link(html, base, SITE, 1) is None  # no page 2027
    assert older_year_url(html, base, SITE, 2026) == f"{base}?godina=2025"
    assert older_year_url(_year_form(_years("")), base, SITE, 2026) == f"{base}?godina=2025"
    rising = _year_form(_years("2025", ("2024", "2025", "2026")))
    assert find_next_link(rising, f"{base}?godina=2025", SITE, 3) is None  # not 2026
    assert older_year_url(rising, f"{base}?godina=2025&str=2", SITE, 2026) == (
        f"{base}?godina=2024"
    )
    last = _year_form(_years("2024"))
    assert older_year_url(last, f"{base}?godina=2024", SITE, 2026) is None


def test_a_drop_down_of_towns_or_of_a_search_form_names_no_year_page() -> None:
    """Only a drop-down all of years, in a form asking nothing else: a search form's
    year beside its month and word is no page of the list."""
    base = "https://www.x.bg/novini.php"
    search = _year_form(_years("2026")).replace(
        "</select>", '</select><input type="text" name="q">'
    )
    assert older_year_url(search, base, SITE, 2026) is None
    towns = _year_form('<option value="1">Орешак</option><option value="2">Бели дол</option>')
    assert older_year_url(towns, base, SITE, 2026) is None


_FORM_PAGERS = {
    # a drop-down of page numbers submitting its GET form
    "drop-down": 'Страница: <select name="str" onchange="this.form.submit()">{options}</select>',
    # "Следваща »", a form of hidden fields and its button
    "button": '<input type="hidden" name="str" value="2"><input type="submit" value="Следваща »">',
    # "Страница [1] от 3 [Отиди]"
    "box": '<input type="number" name="str" value="1" max="3"> от 3 <button>Отиди</button>',
}


@pytest.mark.parametrize("kind", sorted(_FORM_PAGERS))
def test_a_form_pagers_action_repeating_the_pages_folder_is_read_from_the_root(kind: str) -> None:
    """A pager drawn as a GET form whose action a theme prints without the leading slash
    (``action="novini/index.php"`` on ``/novini/``) asks for ``/novini/index.php?str=2``,
    as the page's links are read (``anchors.link_reader``). Read as written it asked for
    ``/novini/novini/index.php?str=2``, a folder deeper on each page a lenient router
    answers with the same list."""
    pager = _FORM_PAGERS[kind].format(options=_options(1))
    html = f'<html><body><form action="novini/index.php" method="get">{pager}</form></body></html>'
    assert find_next_link(html, "https://www.x.bg/novini/", SITE, 1) == (
        "https://www.x.bg/novini/index.php?str=2"
    )


def test_drop_downs_of_years_and_months_repeating_the_pages_folder_are_read_from_the_root() -> None:
    """A drop-down of years opening ``novini/2025/`` by a script, and an archive form of
    a year and a month sent to ``novini/arhiv.php``, on ``/novini/``: the year's and
    the month's pages are under ``/novini/``, not ``/novini/novini/``."""
    years = "".join(
        f'<option value="novini/{y}/"{" selected" if y == 2026 else ""}>{y}</option>'
        for y in (2026, 2025)
    )
    html = f'<html><body><select onchange="location = this.value">{years}</select></body></html>'
    assert older_year_url(html, "https://www.x.bg/novini/", SITE, 2026) == (
        "https://www.x.bg/novini/2025/"
    )
    months = "".join(
        f'<option value="{k}"{" selected" if k == 11 else ""}>Месец {k}</option>'
        for k in range(1, 13)
    )
    form = (
        '<html><body><p>Новини</p><form action="novini/arhiv.php" method="get">'
        '<select name="godina"><option value="2026" selected>2026</option>'
        f'<option value="2025">2025</option></select><select name="mesec">{months}</select>'
        '<input type="submit" value="Покажи"></form></body></html>'
    )
    assert find_next_link(form, "https://www.x.bg/novini/", SITE, 1) == (
        "https://www.x.bg/novini/arhiv.php?godina=2026&mesec=11"
    )


# A weekly's past issues, newest first (our own paper: "Речен вестник").
_ISSUES = [(12, 880, "20.03.2026"), (11, 879, "13.03.2026"), (10, 878, "06.03.2026")]


def _issue_page(shown: int | None, labels: str = "Брой {n} ({t}) – {d}") -> str:
    options = "".join(
        f'<option value="{t}"{" selected" if t == shown else ""}>'
        f"{labels.format(n=n, t=t, d=d)}</option>"
        for n, t, d in _ISSUES
    )
    return (
        "<html><body><h1>Брой 11 (879), 13 – 19 март 2026</h1><h2>Общество</h2>"
        '<p><a href="statia.php?id=77">Читалището получи нови столове за салона</a></p>'
        '<form action="broi.php" method="get"><b>Стари броеве</b>'
        f'<select name="broi" onchange="this.form.submit()">{options}</select>'
        '<noscript><input type="submit" value="Виж"></noscript></form></body></html>'
    )


@pytest.mark.parametrize("labels", ["Брой {n} ({t}) – {d}", "бр. {n}", "{d}"])
def test_a_drop_down_of_issues_leads_to_the_issue_before_the_one_shown(labels: str) -> None:
    """An old weekly reaches its past issues only by a drop-down of them (by its number,
    its running number, its day, or its day alone), newest first: the pager of its issue
    pages backwards in time. The one after the one shown is the next page; the oldest has
    none; the home, showing the current issue with none marked, goes to the first."""
    page = _issue_page(879, labels)
    assert find_next_link(page, "https://www.x.bg/broi.php?broi=879", SITE, 1) == (
        "https://www.x.bg/broi.php?broi=878"
    )
    oldest = _issue_page(878, labels)
    assert find_next_link(oldest, "https://www.x.bg/broi.php?broi=878", SITE, 1) is None
    home = _issue_page(None, labels)
    assert find_next_link(home, "https://www.x.bg/", SITE, 1) == (
        "https://www.x.bg/broi.php?broi=880"
    )
    # none marked on an issue's page: the option after the one that is this page
    assert find_next_link(home, "https://www.x.bg/broi.php?broi=880", SITE, 1) == (
        "https://www.x.bg/broi.php?broi=879"
    )


def test_drop_downs_of_categories_sort_orders_or_oldest_first_issues_are_no_pager() -> None:
    """Only a drop-down of issues, newest first, is walked: one of a paper's rubrics or
    of sort orders is a choice, and one listing issues oldest first is no pager back."""
    page = _issue_page(879)
    rubrics = page.replace('name="broi"', 'name="rubrika"')
    for old, new in zip(
        ("Брой 12 (880) – 20.03.2026", "Брой 11 (879) – 13.03.2026", "Брой 10 (878) – 06.03.2026"),
        ("Общество", "Култура", "Спорт"),
        strict=True,
    ):
        rubrics = rubrics.replace(old, new)
    assert find_next_link(rubrics, "https://www.x.bg/broi.php?broi=879", SITE, 1) is None
    orders = page
    for old, new in zip(
        ("Брой 12 (880) – 20.03.2026", "Брой 11 (879) – 13.03.2026", "Брой 10 (878) – 06.03.2026"),
        ("Най-нови", "Най-четени", "По азбучен ред"),
        strict=True,
    ):
        orders = orders.replace(old, new)
    assert find_next_link(orders, "https://www.x.bg/broi.php?broi=879", SITE, 1) is None
    oldest_first = page.replace("20.03.2026", "27.02.2026")  # 880's day before 878's
    assert find_next_link(oldest_first, "https://www.x.bg/broi.php?broi=879", SITE, 1) is None
