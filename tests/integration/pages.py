"""Reading pages the way a person does: headings, titles, error summaries, tables, banners."""

from bs4 import BeautifulSoup

SIGN_IN_PATH = "/sign-in/"


def soup(response) -> BeautifulSoup:
    return BeautifulSoup(response.content, "html.parser")


def text_of(node) -> str:
    return " ".join(node.get_text(" ", strip=True).split()) if node is not None else ""


def h1(response) -> str:
    return text_of(soup(response).h1)


def title(response) -> str:
    return text_of(soup(response).title)


def error_summary(response):
    return soup(response).select_one(".govuk-error-summary")


def error_summary_text(response) -> str:
    return text_of(error_summary(response))


def error_summary_links(response) -> list[str]:
    summary = error_summary(response)
    return [a["href"] for a in summary.select("a")] if summary is not None else []


def banners(response) -> str:
    return " ".join(text_of(b) for b in soup(response).select(".govuk-notification-banner"))


def table_rows(response, selector="table.govuk-table tbody tr"):
    return soup(response).select(selector)


def is_sign_in_redirect(response) -> bool:
    return response.status_code == 302 and response["Location"].startswith(SIGN_IN_PATH + "?next=")


def outcome(response):
    """A response as the matrix tables write it: 200, 404, 405, "sign-in" or "redirect"."""
    if is_sign_in_redirect(response):
        return "sign-in"
    if response.status_code == 302:
        return "redirect"
    return response.status_code
