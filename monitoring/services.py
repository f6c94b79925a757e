"""Writes for monitoring: the catalogue, imports of figures, approval, commentary, settings and the
commitments each council tracks. Each function takes keyword arguments, runs in one transaction and
records one audit event; each refreshes what is derived from the values it changed (stored statuses,
distributions, similar councils), so pages read stored results.
"""

import datetime
import hashlib
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Protocol

from django.db import connection, transaction
from django.db.models import DecimalField, Field
from django.utils import timezone

from core.audit import record_event
from councils.models import Council
from monitoring import catalogue, csvfile, uploads
from monitoring.exceptions import ImportRefused, MonitoringRefused
from monitoring.figures import distribution, with_unit
from monitoring.models import (
    ImportSource,
    Metric,
    MetricSummary,
    MetricValue,
    MonitoringSettings,
    Polarity,
    ProgressRelease,
    SimilarCouncil,
    TrackedCommitment,
    ValueImport,
)
from monitoring.periods import PeriodError, parse_period
from monitoring.signals import progress_published
from monitoring.similar import METHOD_VERSION, Area, similar_councils
from monitoring.status import status_of


class Published(Protocol):
    """What the refresh needs of a figure that became public: a MetricValue, or a row read from a file."""

    @property
    def council_id(self) -> int: ...

    @property
    def metric_id(self) -> int: ...

    @property
    def period(self) -> str: ...


MAX_IMPORT_BYTES = 10 * 1024 * 1024  # about 300,000 rows; the national file of 48,000 rows is 2 MB
BATCH = 2000


# --- The catalogue --------------------------------------------------------------------------------


def define_metrics(*, actor=None) -> list[Metric]:
    """Load the catalogue (monitoring/catalogue.py); loading it again changes only what the file changed."""
    changed = []
    with transaction.atomic():
        for position, entry in enumerate(catalogue.METRICS, start=1):
            slug, title, description, unit, polarity, frequency, source, area, themes, types, (low, high) = entry
            fields = {
                "title": title,
                "description": description,
                "unit": unit,
                "polarity": polarity,
                "frequency": frequency,
                "source": source,
                "area": area,
                "theme_numbers": list(themes),
                "authority_types": list(types),
                "minimum": Decimal(low),
                "maximum": Decimal(high),
                "position": position,
            }
            metric = Metric.objects.filter(slug=slug).first()
            if metric is None:
                Metric.objects.create(slug=slug, **fields)
                changed.append(slug)
                continue
            different = {name: value for name, value in fields.items() if getattr(metric, name) != value}
            if different:
                Metric.objects.filter(pk=metric.pk).update(**different)
                changed.append(slug)
        metrics = list(Metric.objects.order_by("position"))
        if changed:
            record_event(
                action="MetricsCatalogueLoaded",
                actor=actor,
                subject=metrics[0],
                data={"metrics": len(metrics), "added_or_changed": changed},
            )
    return metrics


# --- Importing figures ----------------------------------------------------------------------------


@dataclass
class ImportResult:
    rows: int
    created: int = 0
    corrected: int = 0
    unchanged: int = 0
    held_for_approval: int = 0
    value_import: ValueImport | None = None
    status_changes: list[dict] = field(default_factory=list)

    @property
    def changed_anything(self) -> bool:
        return self.value_import is not None


def _register() -> dict[str, csvfile.CouncilInfo]:
    return {
        code: csvfile.CouncilInfo(pk, name, kind)
        for pk, code, name, kind in Council.objects.values_list("pk", "gss_code", "name", "authority_type")
    }


def _catalogue() -> dict[str, csvfile.MetricInfo]:
    return {
        m.slug: csvfile.MetricInfo(m.pk, m.slug, m.frequency, tuple(m.authority_types), m.minimum, m.maximum)
        for m in Metric.objects.all()
    }


def _held_councils(council_ids) -> set[int]:
    return set(
        MonitoringSettings.objects.filter(council_id__in=council_ids, hold_for_approval=True).values_list(
            "council_id", flat=True
        )
    )


def size_words(size: int) -> str:
    return f"{size / (1024 * 1024):.1f} MB" if size >= 1024 * 1024 else f"{max(1, round(size / 1024))} KB"


def import_metric_values(
    *,
    data: bytes,
    file_name: str,
    actor,
    source: str = ImportSource.BROWSER,
    council: Council | None = None,
    at: datetime.datetime | None = None,
    progress=None,
    actor_name: str = "",
) -> ImportResult:
    """Import a CSV of figures (`ons_code,metric,period,value[,note]`). Every row is checked first; a file
    with any bad row is refused with every problem (ImportRefused) and nothing is imported. A row equal to
    the figure held already changes nothing, so importing the same file twice changes nothing; a different
    figure for the same council, metric and period is a correction: a new row, the earlier one kept in
    history. A council's officer (`council`) may load only that council's figures. Figures for a council
    that holds new figures for approval wait for it; the others are published at once.

    `progress(done, total)` is told how far the writing has got (the command's progress bar). `actor` may be
    None for the command line, with `actor_name` saying who ran it."""
    moment = at or timezone.now()
    if len(data) > MAX_IMPORT_BYTES:
        raise ImportRefused(
            f"The file is {size_words(len(data))}. A file of figures can be up to {size_words(MAX_IMPORT_BYTES)}: "
            "split it into smaller files (by year or by metric) and import each. Nothing was imported."
        )
    read = uploads.read_values_upload(  # in the limited child (decision 0025)
        data, councils=_register(), metrics=_catalogue(), only_council=council.gss_code if council else None
    )
    if read.problems:
        bad = len({p.line for p in read.problems if p.line})
        message = (
            f"{bad:,} of the file's {read.lines:,} rows {'has a problem' if bad == 1 else 'have problems'}, so "
            "nothing was imported. Correct them and import the whole file again."
            if bad
            else f"{read.problems[0].message} Nothing was imported."
        )
        raise ImportRefused(message, problems=read.problems)
    result = ImportResult(rows=len(read.rows))
    sha256 = hashlib.sha256(data).hexdigest()
    with transaction.atomic():
        council_ids = {row.council_id for row in read.rows}
        metric_ids = {row.metric_id for row in read.rows}
        held = _held_councils(council_ids)
        current: dict[tuple, dict[str, tuple]] = defaultdict(dict)
        existing = MetricValue.objects.filter(
            superseded_at__isnull=True, council_id__in=council_ids, metric_id__in=metric_ids
        ).values_list("pk", "council_id", "metric_id", "period", "value", "note", "approved_at")
        for pk, council_id, metric_id, period, value, note, approved_at in existing.iterator(chunk_size=5000):
            current[(council_id, metric_id, period)]["published" if approved_at else "waiting"] = (pk, value, note)
        new_rows, superseded = [], []
        for row in read.rows:
            held_here = row.council_id in held
            now = current.get((row.council_id, row.metric_id, row.period), {})
            latest = now.get("waiting") or now.get("published")
            if latest and latest[1] == row.value and latest[2] == row.note:
                result.unchanged += 1
                continue
            if latest:
                result.corrected += 1
            else:
                result.created += 1
            if "waiting" in now:
                superseded.append(now["waiting"][0])
            if "published" in now and not held_here:
                superseded.append(now["published"][0])
            result.held_for_approval += held_here
            new_rows.append((row, held_here))
        if not new_rows:
            return result
        value_import = ValueImport.objects.create(
            file_name=file_name[:255],
            file_sha256=sha256,
            rows=result.rows,
            created=result.created,
            corrected=result.corrected,
            unchanged=result.unchanged,
            held_for_approval=result.held_for_approval,
            source=source,
            council=council,
            loaded_by=actor,
            loaded_by_name=(actor.display_name if actor is not None else actor_name or "Command line")[:200],
            loaded_at=moment,
        )
        for index in range(0, len(superseded), BATCH):
            MetricValue.objects.filter(pk__in=superseded[index : index + BATCH]).update(superseded_at=moment)
        _insert_values(new_rows, value_import=value_import, actor=actor, moment=moment, progress=progress)
        published = [row for row, held_here in new_rows if not held_here]
        result.status_changes = _refresh_after_publishing(published, moment=moment)
        result.value_import = value_import
        record_event(
            action="MetricValuesImported",
            actor=actor,
            subject=value_import,
            council_code=council.gss_code if council else "",
            content_hash=sha256,
            data={
                "file": value_import.file_name,
                "rows": result.rows,
                "created": result.created,
                "corrected": result.corrected,
                "unchanged": result.unchanged,
                "held_for_approval": result.held_for_approval,
                "status_changes": result.status_changes,
            },
        )
    return result


def _column(name: str) -> str:
    field = MetricValue._meta.get_field(name.removesuffix("_id"))
    assert isinstance(field, Field) and field.column
    return field.column


def _insert_values(new_rows, *, value_import, actor, moment, progress=None) -> None:
    """Insert the new figures with one prepared INSERT run over each batch of rows (executemany).

    The ORM's bulk_create prepares every field of every row in Python, which took most of an import's
    time (8 s of 13 s for 55,000 rows); here the columns that are the same for every row are prepared
    once, and each row's own columns are adapted by the database backend's own adapters, on SQLite and
    PostgreSQL alike."""
    ops = connection.ops
    meta = MetricValue._meta
    value_field = meta.get_field("value")
    assert isinstance(value_field, DecimalField)
    columns = [
        "council_id",
        "metric_id",
        "period",
        "period_end",
        "value",
        "note",
        "source_import_id",
        "source_row",
        "recorded_by_id",
        "recorded_at",
        "approved_by_id",
        "approved_at",
    ]
    sql = "INSERT INTO {} ({}) VALUES ({})".format(  # table and column names from the model; every value is a parameter  # nosec B608
        ops.quote_name(meta.db_table),
        ", ".join(ops.quote_name(_column(name)) for name in columns),
        ", ".join(["%s"] * len(columns)),
    )
    at = ops.adapt_datetimefield_value(moment)
    actor_id = actor.pk if actor is not None else None
    with connection.cursor() as cursor:
        for index in range(0, len(new_rows), BATCH):
            cursor.executemany(
                sql,
                [
                    (
                        row.council_id,
                        row.metric_id,
                        row.period,
                        ops.adapt_datefield_value(row.period_end),
                        ops.adapt_decimalfield_value(row.value, value_field.max_digits, value_field.decimal_places),
                        row.note,
                        value_import.pk,
                        row.line,
                        actor_id,
                        at,
                        None if held_here else actor_id,
                        None if held_here else at,
                    )
                    for row, held_here in new_rows[index : index + BATCH]
                ],
            )
            if progress:
                progress(min(index + BATCH, len(new_rows)), len(new_rows))


# --- Approval, commentary and settings ------------------------------------------------------------


def set_hold_for_approval(*, council: Council, hold: bool, actor, at=None) -> MonitoringSettings:
    """Whether the council's new figures wait for its approval before they are published."""
    moment = at or timezone.now()
    with transaction.atomic():
        settings, created = MonitoringSettings.objects.select_for_update().get_or_create(
            council=council, defaults={"hold_for_approval": hold, "changed_by": actor, "changed_at": moment}
        )
        if not created and settings.hold_for_approval == hold:
            return settings
        settings.hold_for_approval, settings.changed_by, settings.changed_at = hold, actor, moment
        settings.save()
        record_event(
            action="MonitoringSettingsChanged",
            actor=actor,
            subject=settings,
            council_code=council.gss_code,
            data={"hold_for_approval": hold},
        )
    return settings


def approve_values(*, council: Council, value_ids: list[int], actor, at=None) -> int:
    """Publish figures held for the council's approval; each replaces the figure published before it for
    the same period, which is kept in history. Returns how many were approved."""
    moment = at or timezone.now()
    with transaction.atomic():
        waiting = list(
            MetricValue.objects.select_for_update()
            .filter(council=council, pk__in=value_ids, approved_at__isnull=True, superseded_at__isnull=True)
            .order_by("pk")
        )
        if not waiting:
            raise MonitoringRefused("Select the figures to approve; none of these is waiting for approval.")
        for value in waiting:
            MetricValue.objects.filter(
                council=council,
                metric_id=value.metric_id,
                period=value.period,
                approved_at__isnull=False,
                superseded_at__isnull=True,
            ).update(superseded_at=moment)
        MetricValue.objects.filter(pk__in=[v.pk for v in waiting]).update(approved_at=moment, approved_by=actor)
        for value in waiting:
            value.approved_at, value.approved_by = moment, actor
        changes = _refresh_after_publishing(waiting, moment=moment)
        record_event(
            action="MetricValuesApproved",
            actor=actor,
            subject=council,
            council_code=council.gss_code,
            data={"values": [v.pk for v in waiting], "status_changes": changes},
        )
    return len(waiting)


def set_aside_values(*, council: Council, value_ids: list[int], reason: str, actor, at=None) -> int:
    """Set aside figures held for the council's approval: they are never published, and stay in the figure's
    history with who set them aside, when and why; the figure published before (if any) stays published.
    Returns how many were set aside."""
    reason = reason.strip()
    if not reason:
        raise MonitoringRefused("Say why the figures are set aside", field="reason")
    if len(reason) > csvfile.NOTE_LIMIT:
        raise MonitoringRefused(f"The reason can be up to {csvfile.NOTE_LIMIT:,} characters", field="reason")
    moment = at or timezone.now()
    with transaction.atomic():
        waiting = list(
            MetricValue.objects.select_for_update()
            .filter(council=council, pk__in=value_ids, approved_at__isnull=True, superseded_at__isnull=True)
            .order_by("pk")
        )
        if not waiting:
            raise MonitoringRefused("Select the figures to set aside; none of these is waiting for approval.")
        MetricValue.objects.filter(pk__in=[v.pk for v in waiting]).update(
            superseded_at=moment, set_aside_by=actor, set_aside_reason=reason
        )
        record_event(
            action="MetricValuesSetAside",
            actor=actor,
            subject=council,
            council_code=council.gss_code,
            data={"values": [v.pk for v in waiting], "reason": reason},
        )
    return len(waiting)


def write_commentary(*, value: MetricValue, note: str, actor, at=None) -> MetricValue:
    """The council's commentary on a figure, published with it. The figure with its new commentary is a
    new row (the earlier words stay in history) and, like any new figure, waits for approval where the
    council holds figures for approval."""
    moment = at or timezone.now()
    note = note.strip()
    if len(note) > csvfile.NOTE_LIMIT:
        raise MonitoringRefused(f"Commentary can be up to {csvfile.NOTE_LIMIT:,} characters", field="note")
    with transaction.atomic():
        current = MetricValue.objects.select_for_update().select_related("council").get(pk=value.pk)
        if current.superseded_at is not None:
            raise MonitoringRefused("This figure has been replaced since; write the commentary on the current one.")
        if current.note == note:
            return current
        held = bool(_held_councils([current.council_id]))
        if current.approved_at is None or not held:
            current.superseded_at = moment
            current.save(update_fields=["superseded_at"])
        else:
            # The published row stays public until the new words are approved; an earlier waiting row goes.
            MetricValue.objects.filter(
                council_id=current.council_id,
                metric_id=current.metric_id,
                period=current.period,
                approved_at__isnull=True,
                superseded_at__isnull=True,
            ).update(superseded_at=moment)
        published_now = not held
        new = MetricValue.objects.create(
            council_id=current.council_id,
            metric_id=current.metric_id,
            period=current.period,
            period_end=current.period_end,
            value=current.value,
            note=note,
            source_import=current.source_import,
            source_row=current.source_row,
            recorded_by=actor,
            recorded_at=moment,
            approved_by=actor if published_now else None,
            approved_at=moment if published_now else None,
        )
        if published_now:
            _refresh_after_publishing([new], moment=moment, release=False)
        record_event(
            action="MetricCommentaryWritten",
            actor=actor,
            subject=new,
            council_code=current.council.gss_code,
            data={"metric": current.metric_id, "period": current.period, "before": current.note, "after": note},
        )
    return new


# --- Commitments followed with a metric -----------------------------------------------------------


def track_commitment(
    *,
    commitment,
    metric: Metric,
    baseline_value: Decimal,
    baseline_period: str,
    target_value: Decimal,
    target_on: datetime.date,
    actor,
    at=None,
) -> TrackedCommitment:
    """Follow a plan commitment with a metric, from a baseline to a target by a date. Linking it again
    changes the link; the status is worked out at once from the published figures."""
    moment = at or timezone.now()
    council = commitment.draft.council
    if metric.polarity == Polarity.CONTEXT:
        raise MonitoringRefused(
            f"{metric.title} describes the area, not performance; choose another metric", field="metric"
        )
    if not metric.applies_to(council.authority_type):
        raise MonitoringRefused(
            f"{metric.title} does not apply to {csvfile.TYPE_WORDS[council.authority_type]}", field="metric"
        )
    try:
        period = parse_period(baseline_period, frequency=metric.frequency)
    except PeriodError as error:
        raise MonitoringRefused(f"The baseline {error}", field="baseline_period") from None
    if target_on <= period.end:
        raise MonitoringRefused("The target date must be after the end of the baseline period", field="target_on")
    if target_value == baseline_value:
        raise MonitoringRefused(
            "The target must differ from the baseline: say what the commitment should change", field="target_value"
        )
    fields = {
        "council": council,
        "action": commitment.action,
        # The commitment's own theme; for one that names none, the first theme the metric evidences.
        "theme_number": commitment.theme.number
        if commitment.theme_id
        else (metric.theme_numbers[0] if metric.theme_numbers else None),
        "metric": metric,
        "baseline_value": baseline_value,
        "baseline_period": period.text,
        "target_value": target_value,
        "target_on": target_on,
    }
    with transaction.atomic():
        tracked = TrackedCommitment.objects.select_for_update().filter(commitment=commitment).first()
        before = None
        if tracked is None:
            tracked = TrackedCommitment.objects.create(
                commitment=commitment, linked_by=actor, linked_at=moment, **fields
            )
        else:
            before = _tracking_words(tracked)
            for name, value in fields.items():
                setattr(tracked, name, value)
            tracked.linked_by, tracked.linked_at = actor, moment
            tracked.save()
        changes = refresh_statuses(TrackedCommitment.objects.filter(pk=tracked.pk), moment=moment)
        record_event(
            action="CommitmentTracked" if before is None else "CommitmentTrackingChanged",
            actor=actor,
            subject=tracked,
            council_code=council.gss_code,
            data={"before": before, "after": _tracking_words(tracked), "status_changes": changes},
        )
    tracked.refresh_from_db()
    return tracked


def _tracking_words(tracked: TrackedCommitment) -> dict:
    return {
        "action": tracked.action,
        "metric": tracked.metric.slug,
        "baseline": f"{tracked.baseline_value.normalize():f} in {tracked.baseline_period}",
        "target": f"{tracked.target_value.normalize():f} by {tracked.target_on.isoformat()}",
    }


def stop_tracking(*, tracked: TrackedCommitment, actor, at=None) -> None:
    """Stop following a commitment with a metric (its figures stay)."""
    with transaction.atomic():
        words = _tracking_words(tracked)
        council_code = tracked.council.gss_code
        record_event(
            action="CommitmentTrackingStopped", actor=actor, subject=tracked, council_code=council_code, data=words
        )
        tracked.delete()


# --- Derived, stored results ----------------------------------------------------------------------


def refresh_statuses(tracked_commitments, *, moment=None) -> list[dict]:
    """Work out and store the status of each tracked commitment from its published figures; returns the
    changes as {commitment, before, after}."""
    moment = moment or timezone.now()
    changes = []
    for tracked in tracked_commitments.select_related("metric", "council"):
        metric = tracked.metric
        baseline_end = parse_period(tracked.baseline_period, frequency=metric.frequency).end
        latest = (
            MetricValue.objects.filter(
                council_id=tracked.council_id,
                metric_id=metric.pk,
                approved_at__isnull=False,
                superseded_at__isnull=True,
                period_end__gt=baseline_end,
            )
            .order_by("-period_end")
            .values_list("value", "period_end")
            .first()
        )
        reading = status_of(
            higher_is_better=metric.polarity == Polarity.HIGHER,
            baseline=tracked.baseline_value,
            baseline_on=baseline_end,
            target=tracked.target_value,
            target_on=tracked.target_on,
            latest=latest[0] if latest else None,
            latest_on=latest[1] if latest else None,
            describe=lambda value, unit=metric.unit: with_unit(value, unit),
        )
        if (reading.status, reading.reason) != (tracked.status, tracked.status_reason):
            if reading.status != tracked.status:
                changes.append({"commitment": tracked.pk, "before": tracked.status, "after": reading.status})
                tracked.status_changed_at = moment
            tracked.status, tracked.status_reason = reading.status, reading.reason
            tracked.save(update_fields=["status", "status_reason", "status_changed_at"])
    return changes


def refresh_summaries(*, metric_ids, periods) -> None:
    """Store the distribution of published figures per metric, council type and period."""
    metric_ids, periods = set(metric_ids), set(periods)
    if not metric_ids or not periods:
        return
    groups: dict[tuple, list] = defaultdict(list)
    ends = {}
    rows = MetricValue.objects.filter(
        metric_id__in=metric_ids, period__in=periods, approved_at__isnull=False, superseded_at__isnull=True
    ).values_list("metric_id", "council__authority_type", "period", "period_end", "value")
    for metric_id, kind, period, period_end, value in rows.iterator(chunk_size=5000):
        groups[(metric_id, kind, period)].append(value)
        ends[period] = period_end
    MetricSummary.objects.filter(metric_id__in=metric_ids, period__in=periods).delete()
    summaries = []
    for (metric_id, kind, period), values in groups.items():
        found = distribution(values)
        assert found.median is not None  # a group has at least one value
        summaries.append(
            MetricSummary(
                metric_id=metric_id,
                authority_type=kind,
                period=period,
                period_end=ends[period],
                count=found.count,
                minimum=found.minimum or Decimal(0),
                lower_quartile=found.lower_quartile or Decimal(0),
                median=found.median,
                upper_quartile=found.upper_quartile or Decimal(0),
                maximum=found.maximum or Decimal(0),
            )
        )
    MetricSummary.objects.bulk_create(summaries, batch_size=BATCH)


def _four(values) -> tuple[float, float, float, float]:
    first, second, third, fourth = values
    return first, second, third, fourth


def refresh_similar_councils() -> int:
    """Find every council's similar councils again from the latest published context figures."""
    inputs: dict[int, dict[str, Decimal]] = defaultdict(dict)
    rows = (
        MetricValue.objects.filter(
            metric__slug__in=catalogue.SIMILARITY_INPUTS, approved_at__isnull=False, superseded_at__isnull=True
        )
        .values_list("council_id", "metric__slug", "period_end", "value")
        .order_by("council_id", "metric__slug", "period_end")
    )
    for council_id, slug, _period_end, value in rows:
        inputs[council_id][slug] = value  # ordered by period, so the latest wins
    areas = [
        Area(pk, name, kind, _four(float(inputs[pk][slug]) for slug in catalogue.SIMILARITY_INPUTS))
        for pk, name, kind in Council.objects.values_list("pk", "name", "authority_type")
        if len(inputs.get(pk, {})) == len(catalogue.SIMILARITY_INPUTS)
    ]
    found = similar_councils(areas)
    SimilarCouncil.objects.all().delete()
    SimilarCouncil.objects.bulk_create(
        [
            SimilarCouncil(
                council_id=pk, similar_id=other, distance=Decimal(f"{distance:.4f}"), method_version=METHOD_VERSION
            )
            for pk, neighbours in found.items()
            for other, distance in neighbours
        ],
        batch_size=BATCH,
    )
    return len(found)


def _refresh_after_publishing(published: Sequence[Published], *, moment, release: bool = True) -> list[dict]:
    """Everything derived from published figures, after `published` became public."""
    if not published:
        return []
    metric_ids = {v.metric_id for v in published}
    refresh_summaries(metric_ids=metric_ids, periods={v.period for v in published})
    context_ids = set(Metric.objects.filter(slug__in=catalogue.SIMILARITY_INPUTS).values_list("pk", flat=True))
    if metric_ids & context_ids:
        refresh_similar_councils()
    pairs = {(v.council_id, v.metric_id) for v in published}
    council_ids = {c for c, _ in pairs}
    tracked = TrackedCommitment.objects.filter(council_id__in=council_ids, metric_id__in=metric_ids)
    tracked_ids = [t.pk for t in tracked if (t.council_id, t.metric_id) in pairs]
    changes = refresh_statuses(TrackedCommitment.objects.filter(pk__in=tracked_ids), moment=moment)
    if release:
        _release(published, changes, moment=moment)
    return changes


def _release(published: Sequence[Published], changes: list[dict], *, moment) -> None:
    """Record, per council, the figures that became public now, and announce them (residents who follow
    the council are emailed by the public site)."""
    per_council: dict[int, int] = defaultdict(int)
    for value in published:
        per_council[value.council_id] += 1
    changed_by_council: dict[int, int] = defaultdict(int)
    if changes:
        for council_id in TrackedCommitment.objects.filter(pk__in=[c["commitment"] for c in changes]).values_list(
            "council_id", flat=True
        ):
            changed_by_council[council_id] += 1
    releases = ProgressRelease.objects.bulk_create(
        [
            ProgressRelease(
                council_id=council_id,
                released_at=moment,
                values=count,
                summary=f"{count} new or corrected {'figure' if count == 1 else 'figures'} published"
                + (
                    f"; the status of {changed_by_council[council_id]} "
                    f"{'commitment' if changed_by_council[council_id] == 1 else 'commitments'} changed"
                    if changed_by_council.get(council_id)
                    else ""
                )
                + ".",
            )
            for council_id, count in sorted(per_council.items())
        ],
        batch_size=BATCH,
    )
    ids = [r.pk for r in releases if r.pk] or list(
        ProgressRelease.objects.filter(released_at=moment).values_list("pk", flat=True)
    )
    transaction.on_commit(lambda: progress_published.send(sender=ProgressRelease, release_ids=ids))


def mark_release_notified(*, release_id: int, at=None) -> ProgressRelease | None:
    """Claim a release for emailing its council's subscribers: the first caller gets it, later callers
    (a retried task) get None. Bookkeeping of the public site's emails; no audit event."""
    with transaction.atomic():
        release = (
            ProgressRelease.objects.select_for_update()
            .select_related("council")
            .filter(pk=release_id, notified_at__isnull=True)
            .first()
        )
        if release is None:
            return None
        release.notified_at = at or timezone.now()
        release.save(update_fields=["notified_at"])
    return release


def recompute_everything() -> list[dict]:
    """Work out every stored result again from the published figures (after a change to the rule or the
    method). Returns the status changes; records one audit event when any status changed."""
    with transaction.atomic():
        metric_periods = MetricValue.objects.filter(approved_at__isnull=False, superseded_at__isnull=True)
        refresh_summaries(
            metric_ids=set(metric_periods.values_list("metric_id", flat=True).distinct()),
            periods=set(metric_periods.values_list("period", flat=True).distinct()),
        )
        refresh_similar_councils()
        changes = refresh_statuses(TrackedCommitment.objects.all())
        if changes:
            record_event(
                action="CommitmentStatusesRecomputed",
                actor=None,
                subject=TrackedCommitment.objects.get(pk=changes[0]["commitment"]),
                data={"status_changes": changes},
            )
    return changes
