"""The Content-Security-Policy (config/settings.py) forbids inline script and inline style, so no
template served to a browser may carry them: a `<script>` without `src`, a `<style>` block, a
`style=` attribute or an `on...=` handler would be blocked by the browser (and fail the browser
tests with a console error). Templates rendered to PDF by WeasyPrint and HTML emails are not served
to a browser under the policy, and keep their styles."""

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
NOT_SERVED = (
    "/emails/",  # HTML email bodies
    "_pdf.html",  # rendered to PDF by WeasyPrint
    "agenda_pack.html",
    "summary_print.html",
)
INLINE = [
    (re.compile(r"<script(?![^>]*\bsrc=)[^>]*>", re.I), "a <script> without src"),
    (re.compile(r"<style\b", re.I), "a <style> block"),
    (re.compile(r"\sstyle\s*=", re.I), "a style attribute"),
    (re.compile(r"\son[a-z]+\s*=", re.I), "an on... event handler"),
]


def served_templates() -> list[Path]:
    folders = [ROOT / "templates", *ROOT.glob("*/templates")]
    return sorted(
        path
        for folder in folders
        for path in folder.rglob("*.html")
        if ".venv" not in path.parts and not any(part in str(path) for part in NOT_SERVED)
    )


def test_no_template_served_to_a_browser_has_inline_script_or_style():
    templates = served_templates()
    assert len(templates) > 50
    found = [
        f"{path.relative_to(ROOT)}: {what}"
        for path in templates
        for pattern, what in INLINE
        if pattern.search(path.read_text(encoding="utf-8"))
    ]
    assert not found, "\n".join(found)
