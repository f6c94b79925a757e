"""Background work for analysis, run by the task workers (`manage.py run_worker`)."""

from analysis.models import AnalysisRun
from analysis.runs.services import perform_analysis_run
from core.tasks import task


@task()
def run_analysis(run_id: int) -> dict:
    """Perform a queued analysis run over the whole corpus; progress is written on the run itself."""
    run = AnalysisRun.objects.select_related("requested_by").get(pk=run_id)
    run = perform_analysis_run(run=run, actor=run.requested_by)
    return {"run": run.pk, "result_hash": run.result_hash, "counts": run.counts}
