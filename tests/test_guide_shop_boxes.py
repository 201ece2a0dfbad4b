"""The boxes a commercial guide sets among its paragraphs to send the reader elsewhere: a
booking or quote form under its heading, a shop's box of product links, a gated report's
form and its fine print, and an English press release's media contact. Pages in our own
words, in those sites' markup."""

from __future__ import annotations

from newsarchive.extraction import extract

_ONE = (
    "Porto's old town climbs steeply from the river, so plan each day around one side of"
    " the Douro and cross the upper deck of the iron bridge only once, in the evening."
)
_TWO = (
    "The wine lodges across the river open their cellars from ten, and a tasting of three"
    " ports takes under an hour if you book the first slot of the morning."
)
_THREE = (
    "Leave the last afternoon free for the tram out to Foz, where the river meets the sea"
    " and the cafés along the promenade stay open until late."
)


def _guide(box: str) -> str:
    return f"""<html lang="en"><head><title>Two Days in Porto</title></head><body>
    <header><a href="/">Slow Trips</a></header><main><article class="post-7">
    <h1>Two Days in Porto</h1><div class="body-3">
    <p>{_ONE}</p><h2>Day 1: Ribeira</h2><p>{_TWO}</p>{box}<h2>Day 2: Foz</h2><p>{_THREE}</p>
    </div></article></main><footer>&copy; 2026 Slow Trips</footer></body></html>"""


def test_a_booking_boxs_heading_goes_with_its_form() -> None:
    """The box's form was dropped with its fields, and its heading stood as a line of
    the guide between its sections."""
    box = """<div class="stay-box"><h4>Find a room in Porto</h4>
    <form action="https://booking.example/search"><input name="from" type="date">
    <input name="to" type="date"><button>Search</button></form></div>"""
    article = extract(_guide(box), "https://slowtrips.example/porto/")
    assert "Find a room" not in article.text
    assert article.text.splitlines() == [_ONE, "Day 1: Ribeira", _TWO, "Day 2: Foz", _THREE]


def test_a_quote_box_whose_field_has_no_form_goes_with_its_lines() -> None:
    """A script posts the ZIP field, so there is no ``<form>``: the box holding the field
    is the box."""
    box = """<div class="pro-zip"><h3>Get quotes from local plumbers</h3>
    <input placeholder="Your ZIP code"><button>Go</button><p>Free, no obligation</p></div>"""
    article = extract(_guide(box), "https://slowtrips.example/porto/")
    assert "local plumbers" not in article.text
    assert "no obligation" not in article.text
    assert _TWO in article.text.splitlines()


def test_a_shop_boxs_heading_goes_with_its_links() -> None:
    """The box's product links went as a link list, and its heading stood alone over
    the next section; a heading over the text's own paragraphs stays."""
    box = """<div class="shop-strip"><h3>Shop Travel Adapters</h3><ul>
    <li><a href="/p/euro-plug">Euro plug adapter — $12.95</a></li>
    <li><a href="/p/usb-c-brick">USB-C travel charger — $34.00</a></li></ul></div>"""
    article = extract(_guide(box), "https://slowtrips.example/porto/")
    assert "Shop Travel Adapters" not in article.text
    assert "Day 2: Foz" in article.text.splitlines()


def test_a_gated_reports_form_and_its_consent_line_do_not_close_the_summary() -> None:
    """The gate's heading and, under its box, "By submitting this form you agree …"
    closed the text."""
    summary = (
        "Two in three of the warehouse managers we surveyed plan to add staff next year,"
        " most of them on night shifts, and nearly half expect to raise hourly pay."
    )
    page = f"""<html><head><title>The 2027 Warehouse Staffing Report</title></head><body>
    <main><section class="rep-top"><h1>The 2027 Warehouse Staffing Report</h1></section>
    <section class="rep-sum"><h2>Summary</h2><p>{summary}</p><p>{summary}</p></section>
    <section class="rep-gate"><h2>Download the report</h2><form class="lead-f">
    <input placeholder="Full name"><input placeholder="Company"><select><option>Team size
    </option></select><button>Get it</button></form></section><p class="tiny">By submitting
     this form you agree to receive emails from Shiftwise. Unsubscribe at any time.</p>
    </main></body></html>"""
    article = extract(page, "https://shiftwise.example/reports/warehouse-2027")
    assert article.text.splitlines()[-1] == summary
    assert "By submitting" not in article.text


def test_a_releases_media_contact_goes_and_the_organisations_note_stays() -> None:
    """ "Media contact" over the officer's name, e-mail and telephone stayed in the text:
    the press-contact rule knew only Bulgarian labels."""
    news = (
        "The trust will plant forty thousand native trees along the upper valley this"
        " winter, working with eleven farms that have agreed to fence the new woodland."
    )
    about = (
        "Valley Woodland Trust is a charity founded in 1987 that restores native"
        " woodland across the region with landowners and volunteers."
    )
    page = f"""<html><head><title>Forty thousand trees for the upper valley</title></head>
    <body><main><article><h1>Forty thousand trees for the upper valley</h1>
    <div class="fld-body"><p>{news}</p><p>{news}</p></div>
    <div class="fld-contact"><h4>Media contact</h4><p>Sam Okoro, sam.okoro@vwt.example,
     0117 555 0142</p></div><div class="fld-about"><p>{about}</p></div></article></main>
    </body></html>"""
    article = extract(page, "https://vwt.example/news/forty-thousand-trees")
    assert "sam.okoro@" not in article.text
    assert "Media contact" not in article.text
    assert article.text.splitlines()[-1] == about
