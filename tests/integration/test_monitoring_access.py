"""monitoring.access: each way to reach a monitoring record, for someone allowed, someone at another council
and a record that does not exist. Every branch answers 404 or the object, never 403."""

import pytest
from django.http import Http404

from monitoring import access, selectors
from monitoring.services import define_metrics, import_metric_values
from tests.integration.monitoring_setup import dorset_commitment, figures_csv, track_contacts_online

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("reference_data")]


@pytest.fixture
def records(written_draft, dorset_author, dorset, analyst):
    define_metrics()
    commitment = dorset_commitment(written_draft, dorset_author)
    tracked = track_contacts_online(commitment, dorset_author)
    own = import_metric_values(
        data=figures_csv(("E06000059", "corporate-contacts-online", "2024-25", "54")),
        file_name="own.csv",
        actor=dorset_author,
        council=dorset,
    ).value_import
    national = import_metric_values(
        data=figures_csv(("E06000066", "corporate-contacts-online", "2024-25", "50")), file_name="n.csv", actor=analyst
    ).value_import
    value = selectors.published_values().get(council=dorset)
    return {"commitment": commitment, "tracked": tracked, "own": own, "national": national, "value": value}


def test_each_record_is_reached_by_those_allowed_and_is_a_404_for_everyone_else(
    records, dorset_author, dorset_monitoring_officer, somerset_author, analyst
):
    tracked, value = records["tracked"], records["value"]
    assert access.get_import_for_view(dorset_monitoring_officer, records["own"].pk) == records["own"]
    assert access.get_import_for_view(analyst, records["national"].pk) == records["national"]
    assert access.get_commitment_for_tracking(dorset_author, records["commitment"].pk) == records["commitment"]
    assert access.get_tracked_for_view(dorset_monitoring_officer, tracked.pk) == tracked
    assert access.get_tracked_for_view(analyst, tracked.pk) == tracked
    assert access.get_tracked_for_change(dorset_author, tracked.pk) == tracked
    assert access.get_value_for_commentary(dorset_author, value.pk) == value
    refused = [
        lambda: access.get_import_for_view(somerset_author, records["own"].pk),  # another council's load
        lambda: access.get_import_for_view(dorset_author, records["national"].pk),  # the department's load
        lambda: access.get_import_for_view(analyst, 999_999),
        lambda: access.get_commitment_for_tracking(somerset_author, records["commitment"].pk),
        lambda: access.get_commitment_for_tracking(dorset_monitoring_officer, records["commitment"].pk),
        lambda: access.get_tracked_for_view(somerset_author, tracked.pk),
        lambda: access.get_tracked_for_view(analyst, 999_999),
        lambda: access.get_tracked_for_change(dorset_monitoring_officer, tracked.pk),
        lambda: access.get_tracked_for_change(dorset_author, 999_999),
        lambda: access.get_value_for_commentary(somerset_author, value.pk),
        lambda: access.get_value_for_commentary(dorset_author, 999_999),
        lambda: access.get_council_for_monitoring(analyst),
        lambda: access.get_council_for_approving(dorset_author),
        lambda: access.loading_scope(dorset_monitoring_officer),
        lambda: access.require_department(dorset_author),
    ]
    for index, attempt in enumerate(refused):
        with pytest.raises(Http404):
            attempt()
            pytest.fail(f"attempt {index} was let through")
    assert access.require_department(analyst) is None
    assert access.loading_scope(analyst) == ("department", None)
    assert access.loading_scope(dorset_author)[0] == "council"


def test_a_commitment_in_no_draft_of_the_council_is_a_404(records, dorset_author):
    with pytest.raises(Http404):
        access.get_commitment_for_tracking(dorset_author, 999_999)
