"""Reading saved web pages and plain text as a person would: the content without the website's chrome, the
title from the content, and headings, paragraphs and list items from the shape of plain text."""

from analysis.reading.extract import extract, extract_html, extract_text, is_chrome_text, title_from_head

# A council's page about its plan, saved from the browser: GOV.UK-style chrome all round the content.
SAVED_PAGE = """<!DOCTYPE html>
<html lang="en"><head><title>Our productivity plan - Brackenford Borough Council</title>
<script>window.dataLayer = [];</script></head>
<body>
<a href="#main-content" class="skip-link">Skip to main content</a>
<div id="cookie-banner" class="cookie-banner" role="region" aria-label="Cookies on Brackenford">
  <h2>Cookies on brackenford.gov.uk</h2>
  <p>We use some essential cookies to make this website work. We would like to set additional cookies to
  understand how you use the site and improve our services for residents.</p>
  <button>Accept additional cookies</button> <button>Reject additional cookies</button>
</div>
<header class="site-header"><a href="/">Brackenford Borough Council</a>
  <form role="search"><label for="q">Search this site</label><input id="q"></form></header>
<nav class="primary-nav"><ul><li><a href="/bins">Bins and recycling</a></li>
  <li><a href="/tax">Council tax</a></li></ul></nav>
<div class="breadcrumbs"><ol><li><a href="/">Home</a></li><li><a href="/council">Your council</a></li>
  <li>Productivity plan</li></ol></div>
<main id="main-content">
  <h1>Productivity plan 2024</h1>
  <p>This plan sets out how Brackenford Borough Council will improve the way it works, as the government asked
  every council to do in April 2024.</p>
  <h2>How we have transformed our services</h2>
  <p>We moved our planning and licensing applications online in 2023, and nine in ten now arrive that way. This
  freed two officers to work on enforcement.</p>
  <ul><li>Garden waste renewals are now fully online.</li>
  <li>Housing benefit claims are assessed in five days.</li></ul>
  <h2>Barriers the government could remove</h2>
  <p>One-year funding settlements stop us planning beyond the next budget; we ask for a multi-year settlement.</p>
  <div class="share-this-page"><h3>Share this page</h3>
  <ul><li><a href="#">Facebook</a></li><li><a href="#">X</a></li></ul></div>
</main>
<aside class="related-links"><h2>Related pages</h2><ul><li><a href="/budget">Budget 2024 to 2025</a></li></ul></aside>
<footer class="site-footer"><ul><li><a href="/accessibility">Accessibility statement</a></li>
  <li><a href="/privacy">Privacy</a></li></ul><p>© Brackenford Borough Council 2024</p></footer>
</body></html>"""

CHROME = [
    "Skip to main content",
    "Cookies on",
    "essential cookies",
    "Accept additional cookies",
    "Search this site",
    "Bins and recycling",
    "Your council",
    "Share this page",
    "Facebook",
    "Related pages",
    "Budget 2024 to 2025",
    "Accessibility statement",
    "©",
]


def _texts(extracted) -> str:
    return "\n".join(block.text for block in extracted.blocks)


def test_a_saved_page_keeps_its_content_and_drops_every_piece_of_chrome():
    extracted = extract_html(SAVED_PAGE.encode())
    text = _texts(extracted)
    for chrome in CHROME:
        assert chrome not in text, chrome
    assert [(b.kind, b.text[:40]) for b in extracted.blocks] == [
        ("heading", "Productivity plan 2024"),
        ("paragraph", "This plan sets out how Brackenford Borou"),
        ("heading", "How we have transformed our services"),
        ("paragraph", "We moved our planning and licensing appl"),
        ("paragraph", "Garden waste renewals are now fully onli"),
        ("paragraph", "Housing benefit claims are assessed in f"),
        ("heading", "Barriers the government could remove"),
        ("paragraph", "One-year funding settlements stop us pla"),
    ]


def test_the_title_is_the_contents_heading_not_the_skip_link_or_the_site_name():
    assert extract("html", SAVED_PAGE.encode()).title == "Productivity plan 2024"


# An older council website: no <main>, tables for layout, the content in the block with most of the prose.
OLD_PAGE = """<html><head><title>Anytown District Council | Productivity Plan</title></head><body>
<div id="top"><a href="#content">Skip to content</a> <img src="logo.gif" alt="Anytown District Council"></div>
<div id="menu"><a href="/">Home</a> | <a href="/services">Services</a> | <a href="/contact">Contact us</a></div>
<div id="wrapper">
  <div id="leftcol"><ul><li><a href="/a">A to Z of services</a></li><li><a href="/news">News</a></li>
  <li><a href="/jobs">Jobs and careers</a></li></ul></div>
  <div id="content">
    <h2>Productivity Plan</h2>
    <p>The council has reduced its spending on agency staff from £1.2 million to £700,000 over two years by
    recruiting permanent planning officers and growing its own surveyors.</p>
    <p>We share a chief executive and a management team with our neighbouring district, which saves about
    £400,000 a year and lets both councils buy services together.</p>
    <p>We would like the government to end the use of competitive bidding for small grants, which costs us
    officer time we can ill afford.</p>
  </div>
</div>
<div id="foot">Page last updated: 3 July 2024. <a href="/privacy">Privacy notice</a></div>
</body></html>"""


def test_without_main_the_block_holding_the_prose_is_the_content():
    extracted = extract_html(OLD_PAGE.encode())
    text = _texts(extracted)
    for chrome in ("Skip to content", "Contact us", "A to Z of services", "Jobs and careers", "Privacy notice"):
        assert chrome not in text, chrome
    assert [b.kind for b in extracted.blocks] == ["heading", "paragraph", "paragraph", "paragraph"]
    assert extracted.title == "Productivity Plan"


def test_a_page_without_headings_takes_its_title_from_the_head_without_the_site_name():
    page = b"<html><head><title>Annual productivity plan | Anytown District Council</title></head><body><main>"
    page += b"<p>We have cut the cost of our waste service by sharing a depot with a neighbouring council.</p>"
    page += b"</main></body></html>"
    assert extract_html(page).title == "Annual productivity plan"


def test_titles_lose_the_site_name_wherever_it_stands():
    assert title_from_head("Productivity plan - Anytown Council") == "Productivity plan"
    assert title_from_head("Brackenford Borough Council | Productivity plan 2024") == "Productivity plan 2024"
    assert title_from_head("Productivity plan") == "Productivity plan"


def test_chrome_words_are_recognised_and_plan_sentences_are_not():
    for chrome in ("Skip to main content", "Accept all cookies", "Home > Your council > Plans", "Back to top"):
        assert is_chrome_text(chrome), chrome
    for words in ("Share of spend on agency staff", "Related party transactions fell in 2023."):
        assert not is_chrome_text(words), words


# A plan copied from a web page into a text file: single line breaks, wrapped at about 75 characters.
PLAIN_PLAN = """Skip to main content
Home > Council and democracy > Productivity plan
ASHBURY CITY COUNCIL PRODUCTIVITY PLAN 2024
Introduction
This plan describes how Ashbury City Council is making better use of its money
and its people. It was agreed by the Cabinet in July 2024 and will be reviewed
every year.
1. Transforming our services
We have brought our customer contact teams together into one service, which
now answers most enquiries on the first call.
Our new housing repairs system lets tenants book a repair online at any time.
2. Using technology and data
We will:
- replace our finance system by March 2026
- use sensors in our car parks to show free spaces
- share data with health partners to plan care earlier
3. Reducing wasteful spend
Spending on agency staff fell from 4.1% to 3.2% of the pay bill last year.
BARRIERS
Short-term funding makes it hard to invest in prevention. We ask for
multi-year settlements and an end to competitive bidding.
"""


def test_plain_text_with_single_line_breaks_becomes_headings_paragraphs_and_list_items():
    blocks = extract_text(PLAIN_PLAN.encode()).blocks
    assert [(b.kind, b.text[:32]) for b in blocks] == [
        ("heading", "ASHBURY CITY COUNCIL PRODUCTIVIT"),
        ("heading", "Introduction"),
        ("paragraph", "This plan describes how Ashbury "),
        ("heading", "1. Transforming our services"),
        ("paragraph", "We have brought our customer con"),
        ("paragraph", "Our new housing repairs system l"),
        ("heading", "2. Using technology and data"),
        ("paragraph", "We will:"),
        ("paragraph", "- replace our finance system by "),
        ("paragraph", "- use sensors in our car parks t"),
        ("paragraph", "- share data with health partner"),
        ("heading", "3. Reducing wasteful spend"),
        ("paragraph", "Spending on agency staff fell fr"),
        ("heading", "BARRIERS"),
        ("paragraph", "Short-term funding makes it hard"),
    ]
    assert blocks[2].text.endswith("will be reviewed every year.")
    assert blocks[-1].text.endswith("an end to competitive bidding.")


def test_the_title_of_plain_text_is_its_first_heading_not_the_chrome():
    assert extract("text", PLAIN_PLAN.encode()).title == "ASHBURY CITY COUNCIL PRODUCTIVITY PLAN 2024"


def test_a_numbered_list_is_list_items_not_headings():
    text = "Our three priorities are:\n1. Fewer agency staff\n2. Shared services\n3. Online payments\n"
    blocks = extract_text(text.encode()).blocks
    assert [b.kind for b in blocks] == ["paragraph"] * 4


def test_text_that_was_not_wrapped_has_a_paragraph_per_line():
    text = (
        "Workforce\n"
        "We have reduced our reliance on agency social workers by running our own academy for newly qualified staff, "
        "and the vacancy rate has fallen from 22% to 12% in two years.\n"
        "We also share a legal service with two neighbouring councils, which saves about £300,000 a year on "
        "external solicitors and barristers.\n"
    )
    blocks = extract_text(text.encode()).blocks
    assert [b.kind for b in blocks] == ["heading", "paragraph", "paragraph"]


def test_a_wrapped_list_item_runs_on_over_its_lines():
    text = (
        "Our actions\n"
        "• Review every contract worth more than £100,000 before it is renewed, and\n"
        "bring services back in house where that costs less.\n"
        "• Close two depots.\n"
    )
    blocks = extract_text(text.encode()).blocks
    assert [b.kind for b in blocks] == ["heading", "paragraph", "paragraph"]
    assert blocks[1].text.endswith("where that costs less.")


PARAGRAPHS = [
    "Our planning service determined most major applications within the statutory period last year, one of "
    "the best records in the region.",
    "We set a balanced budget for this year without using our reserves.",
    "Councillors now see a live performance dashboard each month, drawn from service systems rather than "
    "spreadsheets compiled by hand.",
    "We are testing artificial intelligence tools to draft routine letters and summarise case notes, with a "
    "human checking every output before it is used.",
]


def test_wrapped_text_starts_a_paragraph_where_a_sentence_ends_short_of_the_width():
    import textwrap

    text = "\n".join(textwrap.fill(paragraph, 70) for paragraph in PARAGRAPHS)
    assert "\n\n" not in text
    blocks = extract_text(text.encode()).blocks
    assert [(b.kind, b.text) for b in blocks] == [("paragraph", paragraph) for paragraph in PARAGRAPHS]


def test_a_line_broken_before_the_next_word_would_have_filled_it_ends_the_paragraph():
    text = (
        "The Leader introduced the item, explaining that the plan drew together\n"
        "work already under way rather than setting new targets for the year.\n"
        "Present: the Leader (in the chair) and Cabinet Members\n"
        "Item 11: Productivity plan\n"
        "RESOLVED: That the productivity plan be approved for submission to the\n"
        "Department for Levelling Up, Housing and Communities.\n"
    )
    blocks = extract_text(text.encode()).blocks
    assert [(b.kind, b.text[:30]) for b in blocks] == [
        ("paragraph", "The Leader introduced the item"),
        ("paragraph", "Present: the Leader (in the ch"),
        ("heading", "Item 11: Productivity plan"),
        ("paragraph", "RESOLVED: That the productivit"),
    ]
    assert blocks[-1].text.endswith("Housing and Communities.")


def test_a_line_broken_where_the_next_word_would_have_fitted_ends_the_paragraph():
    text = (
        "Staff networks are run by volunteers in their own time, with no separate\n"
        "budget, and meet monthly\n"
        "Equality impact assessments are completed by service managers for each\n"
        "decision, at no extra cost.\n"
    )
    blocks = extract_text(text.encode()).blocks
    assert [b.text[:20] for b in blocks] == ["Staff networks are r", "Equality impact asse"]


def test_a_line_that_is_not_indented_ends_a_list_item_whose_lines_are():
    text = (
        "- Staff networks for disabled, LGBT+ and ethnic minority colleagues are\n"
        "  run by volunteers in their own time, with no separate budget.\n"
        "- We have no dedicated EDI team; equality impact assessments are\n"
        "  completed by service managers as part of every decision.\n"
        "Theme 4: Barriers the government could help remove\n"
        "Serving a large rural area costs more: refuse rounds and home\n"
        "visits involve long journeys that urban councils do not face.\n"
    )
    blocks = extract_text(text.encode()).blocks
    assert [(b.kind, b.text[:24]) for b in blocks] == [
        ("paragraph", "- Staff networks for dis"),
        ("paragraph", "- We have no dedicated E"),
        ("heading", "Theme 4: Barriers the go"),
        ("paragraph", "Serving a large rural ar"),
    ]
    assert blocks[1].text.endswith("as part of every decision.")


def test_a_wrapped_line_that_starts_with_a_figure_carries_on_its_sentence():
    """ "1.86 per cent" at the start of a wrapped line is a figure, not item 1.86 of a numbered list."""
    text = (
        "Reducing wasteful spend\n"
        "Consultancy came to 0.8% of our employee costs and agency staff to\n"
        "1.86 per cent, both well down on three years ago, and we expect the\n"
        "2.5 million pounds we spend on interims to fall again next year.\n"
        "1.2 Shared services\n"
        "We share legal and audit teams with two neighbouring districts.\n"
    )
    blocks = extract_text(text.encode()).blocks
    assert [(b.kind, b.text[:40]) for b in blocks] == [
        ("heading", "Reducing wasteful spend"),
        ("paragraph", "Consultancy came to 0.8% of our employee"),
        ("heading", "1.2 Shared services"),
        ("paragraph", "We share legal and audit teams with two "),
    ]
    assert blocks[1].text.endswith("interims to fall again next year.")


def test_a_list_item_carries_on_over_its_indented_lines_whatever_their_length():
    """Where a text indents its items' wrapped lines, an indented line carries the item on even when its first
    word would have fitted at the end of the line above."""
    text = (
        "Service transformation\n"
        "Our engineers now manage flood works for the Environment Agency as\n"
        "well as for the council, under a single agreement that pays for them.\n"
        "- We folded three separate employment schemes into Coalbrook\n"
        "  Works, the job agency the council runs for residents, and last\n"
        "  year it found work for 907 people.\n"
        "- A tenant who reports a leak now gets a time for the visit before\n"
        "  the call ends.\n"
    )
    blocks = extract_text(text.encode()).blocks
    assert [b.text[:30] for b in blocks] == [
        "Service transformation",
        "Our engineers now manage flood",
        "- We folded three separate emp",
        "- A tenant who reports a leak ",
    ]
    assert blocks[2].text.endswith("found work for 907 people.")


def test_the_first_line_of_a_text_file_is_its_title_however_long():
    text = (
        "Coalbrook Metropolitan Borough Council Productivity plan: July 2024\n"
        "Background\n"
        "Plans should describe how councils are using technology and\n"
        "information to make better decisions and to design services.\n"
    )
    extracted = extract("text", text.encode())
    assert [(b.kind, b.text[:24]) for b in extracted.blocks] == [
        ("heading", "Coalbrook Metropolitan B"),
        ("heading", "Background"),
        ("paragraph", "Plans should describe ho"),
    ]
    assert extracted.title == "Coalbrook Metropolitan Borough Council Productivity plan: July 2024"


def test_a_first_line_that_wraps_into_a_sentence_is_not_a_title():
    text = (
        "This plan sets out how we will transform services and reduce waste across\n"
        "the district by 2028, working with our partners.\n"
    )
    assert [b.kind for b in extract_text(text.encode()).blocks] == ["paragraph"]
