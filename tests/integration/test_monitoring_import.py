"""Importing figures: every row checked, nothing half-imported, re-imports change nothing, corrections keep
history, figures held for the council's approval, commentary, and the statuses worked out from them.

Each bad-input test says what was tried and asserts that nothing changed (every record counted)."""

import datetime
from decimal import Decimal

import pytest
from django.core.management import CommandError, call_command

from core.models import AuditEvent
from monitoring import selectors
from monitoring.exceptions import ImportRefused, MonitoringRefused
from monitoring.models import MetricSummary, MetricValue, ProgressRelease, SimilarCouncil, ValueImport
from monitoring.services import (
    MAX_IMPORT_BYTES,
    approve_values,
    define_metrics,
    import_metric_values,
    recompute_everything,
    set_hold_for_approval,
    stop_tracking,
    track_commitment,
    write_commentary,
)
from tests.integration.monitoring_setup import dorset_commitment, figures_csv, track_contacts_online
from tests.integration.state import describe_change, snapshot

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("reference_data")]

ONLINE = "corporate-contacts-online"


@pytest.fixture(autouse=True)
def catalogue():
    return define_metrics()


@pytest.fixture
def lead(make_person, dorset):
    return make_person("dorset-performance-lead", council=dorset, roles=["performance_lead"])


@pytest.fixture
def tracked(written_draft, dorset_author, lead):
    return track_contacts_online(dorset_commitment(written_draft, dorset_author), lead)


def _import(data, actor, **kwargs):
    return import_metric_values(data=data, file_name="figures.csv", actor=actor, **kwargs)


def test_the_catalogue_has_about_thirty_metrics_across_the_service_areas(catalogue):
    performance = [m for m in catalogue if not m.is_context]
    assert 30 <= len(performance) <= 36
    assert {m.area for m in performance} >= {
        "Adult social care",
        "Children's services",
        "Waste and recycling",
        "Planning",
        "Roads",
        "Finance",
        "Workforce",
        "Corporate",
    }
    assert {m.polarity for m in performance} == {"higher", "lower"}
    for metric in catalogue:
        assert metric.title and metric.description and metric.source and metric.authority_types
    events = AuditEvent.objects.filter(action="MetricsCatalogueLoaded").count()
    define_metrics()
    assert AuditEvent.objects.filter(action="MetricsCatalogueLoaded").count() == events  # loading again: no change


def test_a_good_file_is_imported_with_its_provenance_and_one_audit_event(analyst):
    result = _import(
        figures_csv(("E06000059", ONLINE, "2023-24", "48", "First year"), ("E07000178", ONLINE, "2023-24", "39")),
        analyst,
    )
    assert (result.rows, result.created, result.corrected, result.unchanged) == (2, 2, 0, 0)
    value = MetricValue.objects.get(council__gss_code="E06000059")
    assert (value.value, value.note, value.source_row, value.source_import.file_name) == (
        Decimal("48"),
        "First year",
        2,
        "figures.csv",
    )
    assert value.source_import.loaded_by == analyst and value.is_published
    event = AuditEvent.objects.get(action="MetricValuesImported")
    assert event.data["created"] == 2 and event.content_hash == value.source_import.file_sha256
    summary = MetricSummary.objects.get(metric__slug=ONLINE, authority_type="unitary", period="2023-24")
    assert (summary.count, summary.median) == (1, Decimal("48"))


def test_importing_the_same_file_again_changes_nothing(analyst):
    data = figures_csv(("E06000059", ONLINE, "2023-24", "48"), ("E06000059", ONLINE, "2024-25", "54.5", "Note"))
    _import(data, analyst)
    before = snapshot()
    result = _import(data, analyst)
    assert (result.unchanged, result.created, result.corrected, result.changed_anything) == (2, 0, 0, False)
    assert snapshot() == before, describe_change(before, snapshot())


def test_a_correction_keeps_the_earlier_figure_in_its_history(analyst):
    _import(figures_csv(("E06000059", ONLINE, "2023-24", "48")), analyst)
    result = _import(figures_csv(("E06000059", ONLINE, "2023-24", "47.5", "Corrected after audit")), analyst)
    assert (result.created, result.corrected) == (0, 1)
    current = selectors.published_values().get(council__gss_code="E06000059")
    assert current.value == Decimal("47.5")
    history = selectors.history_of(current)
    assert [(row.value, row.superseded_at is None) for row in history] == [
        (Decimal("47.5"), True),
        (Decimal("48"), False),
    ]


BAD_FILES = {
    "an unknown council code": ("E09999999", ONLINE, "2023-24", "48"),
    "an unknown metric": ("E06000059", "no-such-metric", "2023-24", "48"),
    "a malformed period": ("E06000059", ONLINE, "2023/24", "48"),
    "a value that is not a number": ("E06000059", ONLINE, "2023-24", "forty-eight"),
    "a metric the council type does not report": ("E07000178", "asc-satisfaction", "2023-24", "60"),
}


@pytest.mark.parametrize("what", sorted(BAD_FILES) + ["a duplicate row"])
def test_a_file_with_one_bad_row_imports_nothing_and_names_the_row(what, analyst):
    """Tried: a good row, then the bad one (or the good row twice); the file is refused whole."""
    good = ("E06000059", ONLINE, "2024-25", "54")
    data = figures_csv(good, good) if what == "a duplicate row" else figures_csv(good, BAD_FILES[what])
    before = snapshot()
    with pytest.raises(ImportRefused) as refused:
        _import(data, analyst)
    assert "nothing was imported" in refused.value.message
    assert [p.line for p in refused.value.problems] == [3]
    after = snapshot()
    assert after == before, describe_change(before, after)


def test_a_file_over_the_size_limit_is_refused_by_its_size_before_it_is_read(analyst):
    """Tried: a 50 MB file (a valid header, then padding)."""
    data = b"ons_code,metric,period,value\n" + b"#" * (50 * 1024 * 1024)
    before = snapshot()
    with pytest.raises(ImportRefused, match=r"The file is 50.0 MB. A file of figures can be up to 10.0 MB"):
        _import(data, analyst)
    assert snapshot() == before
    assert len(data) > MAX_IMPORT_BYTES


def test_a_council_officer_loads_only_their_own_councils_figures(lead, dorset):
    before = snapshot()
    with pytest.raises(ImportRefused) as refused:
        _import(figures_csv(("E07000178", ONLINE, "2023-24", "39")), lead, council=dorset)
    assert "Oxford (E07000178) is another council" in refused.value.problems[0].describe()
    assert snapshot() == before


def test_a_commitment_moves_from_no_data_yet_to_on_track_when_figures_arrive(tracked, lead, dorset):
    assert tracked.status == "no_data"
    result = _import(figures_csv(("E06000059", ONLINE, "2024-25", "54.5")), lead, council=dorset)
    tracked.refresh_from_db()
    assert tracked.status == "on_track"
    assert result.status_changes == [{"commitment": tracked.pk, "before": "no_data", "after": "on_track"}]
    assert "The latest figure is 54.5%" in tracked.status_reason


def test_held_figures_are_not_public_until_approved(tracked, lead, dorset, dorset_director):
    set_hold_for_approval(council=dorset, hold=True, actor=dorset_director)
    _import(figures_csv(("E06000059", ONLINE, "2023-24", "48")), lead, council=dorset)
    approve_values(council=dorset, value_ids=[v.pk for v in selectors.waiting_values(dorset)], actor=dorset_director)
    result = _import(figures_csv(("E06000059", ONLINE, "2024-25", "54.5")), lead, council=dorset)
    assert result.held_for_approval == 1
    tracked.refresh_from_db()
    assert tracked.status == "no_data"  # a waiting figure does not count
    assert not selectors.published_values().filter(period="2024-25").exists()
    assert [v.period for v in selectors.waiting_values(dorset)] == ["2024-25"]
    releases = ProgressRelease.objects.count()
    approved = approve_values(
        council=dorset, value_ids=[v.pk for v in selectors.waiting_values(dorset)], actor=dorset_director
    )
    assert approved == 1
    tracked.refresh_from_db()
    assert tracked.status == "on_track"
    assert ProgressRelease.objects.count() == releases + 1
    with pytest.raises(MonitoringRefused):
        approve_values(council=dorset, value_ids=[1], actor=dorset_director)


def test_a_held_correction_leaves_the_published_figure_public_until_approved(lead, dorset, dorset_director):
    _import(figures_csv(("E06000059", ONLINE, "2023-24", "48")), lead, council=dorset)
    set_hold_for_approval(council=dorset, hold=True, actor=dorset_director)
    _import(figures_csv(("E06000059", ONLINE, "2023-24", "47")), lead, council=dorset)
    assert selectors.published_values().get(council=dorset).value == Decimal("48")
    _import(figures_csv(("E06000059", ONLINE, "2023-24", "46")), lead, council=dorset)  # replaces the waiting one
    (waiting,) = selectors.waiting_values(dorset)
    assert waiting.value == Decimal("46")
    approve_values(council=dorset, value_ids=[waiting.pk], actor=dorset_director)
    assert selectors.published_values().get(council=dorset).value == Decimal("46")
    assert set_hold_for_approval(council=dorset, hold=True, actor=dorset_director).hold_for_approval  # no change


def test_commentary_is_a_new_row_published_with_the_figure(lead, dorset, dorset_director):
    _import(figures_csv(("E06000059", ONLINE, "2023-24", "48")), lead, council=dorset)
    value = selectors.published_values().get(council=dorset)
    new = write_commentary(value=value, note="Online forms launched in May.", actor=lead)
    assert new.is_published and new.note == "Online forms launched in May."
    assert write_commentary(value=new, note="Online forms launched in May.", actor=lead) == new  # unchanged
    with pytest.raises(MonitoringRefused, match="replaced"):
        write_commentary(value=value, note="Old row", actor=lead)
    with pytest.raises(MonitoringRefused, match="up to 2,000"):
        write_commentary(value=new, note="x" * 2001, actor=lead)
    set_hold_for_approval(council=dorset, hold=True, actor=dorset_director)
    held = write_commentary(value=new, note="Waiting words", actor=lead)
    assert held.is_waiting and selectors.published_values().get(council=dorset).note == "Online forms launched in May."
    again = write_commentary(value=held, note="Better waiting words", actor=lead)
    assert again.is_waiting and len(selectors.waiting_values(dorset)) == 1
    assert AuditEvent.objects.filter(action="MetricCommentaryWritten").count() == 3


def test_tracking_refuses_what_does_not_make_sense(written_draft, dorset_author, lead):
    commitment = dorset_commitment(written_draft, dorset_author)
    metric = selectors.metric_by_slug
    cases = [
        (metric("context-population"), "2023-24", "60", datetime.date(2026, 3, 31), "describes the area"),
        (metric("planning-minor-on-time"), "2023-24", "60", datetime.date(2026, 3, 31), "measured each quarter"),
        (metric(ONLINE), "2023-24", "60", datetime.date(2024, 3, 31), "after the end of the baseline period"),
        (metric(ONLINE), "2023-24", "48", datetime.date(2026, 3, 31), "must differ from the baseline"),
    ]
    for chosen, period, target, target_on, words in cases:
        with pytest.raises(MonitoringRefused, match=words):
            track_commitment(
                commitment=commitment,
                metric=chosen,
                baseline_value=Decimal("48"),
                baseline_period=period,
                target_value=Decimal(target),
                target_on=target_on,
                actor=lead,
            )


def test_a_metric_that_does_not_apply_to_the_council_type_cannot_track_its_commitment(make_person, plan_return):
    from councils.selectors import council_by_code
    from plans.services import start_draft

    oxford = council_by_code("E07000178")
    author = make_person("oxford-author", council=oxford, roles=["plan_author"])
    commitment = dorset_commitment(start_draft(council=oxford, return_definition=plan_return, actor=author), author)
    with pytest.raises(MonitoringRefused, match="does not apply to district councils"):
        track_commitment(
            commitment=commitment,
            metric=selectors.metric_by_slug("asc-satisfaction"),
            baseline_value=Decimal("60"),
            baseline_period="2023-24",
            target_value=Decimal("65"),
            target_on=datetime.date(2026, 3, 31),
            actor=author,
        )


def test_changing_and_stopping_the_tracking_is_audited(tracked, lead):
    changed = track_commitment(
        commitment=tracked.commitment,
        metric=tracked.metric,
        baseline_value=Decimal("47"),
        baseline_period="2023-24",
        target_value=Decimal("62"),
        target_on=datetime.date(2026, 3, 31),
        actor=lead,
    )
    assert changed.pk == tracked.pk and changed.target_value == Decimal("62")
    event = AuditEvent.objects.get(action="CommitmentTrackingChanged")
    assert event.data["before"]["target"].startswith("60") and event.data["after"]["target"].startswith("62")
    stop_tracking(tracked=changed, actor=lead)
    assert AuditEvent.objects.filter(action="CommitmentTrackingStopped").count() == 1
    assert not selectors.tracked_of(tracked.council)


def test_context_figures_find_each_councils_ten_similar_councils(analyst):
    from councils.models import Council

    rows = []
    for index, council in enumerate(Council.objects.filter(authority_type="unitary").order_by("gss_code")):
        rows += [
            (council.gss_code, "context-population", "2023-24", str(150_000 + index * 3000)),
            (council.gss_code, "context-density", "2023-24", str(500 + index * 20)),
            (council.gss_code, "context-deprivation", "2023-24", str(15 + index % 20)),
            (council.gss_code, "context-spending-per-head", "2023-24", str(1200 + index * 5)),
        ]
    _import(figures_csv(*rows), analyst)
    dorset_similar = selectors.similar_to(Council.objects.get(gss_code="E06000059"))
    assert len(dorset_similar) == 10
    names = [s.similar.name for s in dorset_similar]
    assert names == sorted(names) and "Dorset" not in names
    assert SimilarCouncil.objects.values("council").distinct().count() == 62


def test_recomputing_changes_nothing_when_nothing_changed(tracked, lead, dorset):
    _import(figures_csv(("E06000059", ONLINE, "2024-25", "54.5")), lead, council=dorset)
    before = AuditEvent.objects.count()
    assert recompute_everything() == []
    assert AuditEvent.objects.count() == before
    call_command("recompute_commitment_statuses")


# --- The command line ------------------------------------------------------------------------------


def test_the_command_imports_a_file_with_a_progress_bar(tmp_path, capsys):
    path = tmp_path / "figures.csv"
    path.write_bytes(figures_csv(("E06000059", ONLINE, "2023-24", "48")))
    call_command("import_metric_values", str(path))
    out = capsys.readouterr()
    assert "1 new" in out.out and "Importing" in out.err
    call_command("import_metric_values", str(path), "--quiet")
    assert "Nothing changed" in capsys.readouterr().out
    assert ValueImport.objects.get().loaded_by_name.startswith("Command line")


def test_the_command_lists_every_bad_row_and_exits_non_zero(tmp_path, capsys):
    """Tried: a file with two bad rows and a good one, on the command line."""
    path = tmp_path / "bad.csv"
    path.write_bytes(
        figures_csv(
            ("E06000059", ONLINE, "2023-24", "48"),
            ("E09999999", ONLINE, "2023-24", "1"),
            ("E06000059", ONLINE, "2023/24", "2"),
        )
    )
    before = snapshot()
    with pytest.raises(CommandError, match="2 of the file's 3 rows have problems"):
        call_command("import_metric_values", str(path), "--quiet")
    err = capsys.readouterr().err
    assert "Row 3: ONS code 'E09999999'" in err and "Row 4: period '2023/24'" in err
    assert snapshot() == before


@pytest.mark.parametrize(
    "arguments, words",
    [
        (["--user", "nobody"], "no person called"),
        (["--council", "E09999999"], "no council"),
        (["missing.csv"], "no file"),
    ],
)
def test_the_command_refuses_what_it_cannot_do(tmp_path, arguments, words):
    path = tmp_path / "figures.csv"
    path.write_bytes(figures_csv(("E06000059", ONLINE, "2023-24", "48")))
    args = arguments if arguments == ["missing.csv"] else [str(path), *arguments]
    with pytest.raises(CommandError, match=words):
        call_command("import_metric_values", *[str(tmp_path / a) if a == "missing.csv" else a for a in args])


def test_the_command_refuses_a_file_over_the_limit_by_its_size(tmp_path):
    path = tmp_path / "huge.csv"
    with path.open("wb") as handle:
        handle.truncate(50 * 1024 * 1024)
    with pytest.raises(CommandError, match="50.0 MB"):
        call_command("import_metric_values", str(path))


def test_residents_who_follow_a_council_are_emailed_once_when_its_figures_are_published(
    lead, dorset, somerset, dorset_director, django_capture_on_commit_callbacks
):
    from django.core import mail
    from django.utils import timezone

    from portal.models import Subscription
    from portal.tasks import email_progress_releases

    now = timezone.now()
    Subscription.objects.create(email="resident@example.com", council=dorset, created_at=now, confirmed_at=now)
    Subscription.objects.create(email="pending@example.com", council=dorset, created_at=now)
    Subscription.objects.create(email="elsewhere@example.com", council=somerset, created_at=now, confirmed_at=now)
    with django_capture_on_commit_callbacks(execute=True):
        _import(figures_csv(("E06000059", ONLINE, "2024-25", "54.5")), lead, council=dorset)
    (email,) = mail.outbox
    assert email.to == ["resident@example.com"] and email.subject == "Dorset: progress against its plan updated"
    assert "/councils/E06000059/progress/" in email.body and "1 new or corrected figure published" in email.body
    (release,) = ProgressRelease.objects.all()
    email_progress_releases.enqueue([release.pk], "http://testserver")  # a retried task sends nothing again
    assert len(mail.outbox) == 1
    set_hold_for_approval(council=dorset, hold=True, actor=dorset_director)
    with django_capture_on_commit_callbacks(execute=True):
        _import(figures_csv(("E06000059", ONLINE, "2024-25", "55")), lead, council=dorset)
    assert len(mail.outbox) == 1  # held figures are not news yet
    with django_capture_on_commit_callbacks(execute=True):
        approve_values(
            council=dorset, value_ids=[v.pk for v in selectors.waiting_values(dorset)], actor=dorset_director
        )
    assert len(mail.outbox) == 2
