"""Background work for plans, run by the task workers (`manage.py run_worker`)."""

import logging

from core.hashing import content_hash
from core.tasks import task
from plans import rendering
from plans.models import Draft
from plans.services import plan_content

logger = logging.getLogger(__name__)


@task()
def render_plan_pdf(draft_id: int) -> dict:
    """Render the draft's current text as a PDF and store it under its content hash.

    Where it has got to is written to `plan-renders/progress/<draft_id>.json` for the progress page.
    """
    draft = Draft.objects.select_related("council", "return_definition").get(pk=draft_id)
    content = plan_content(draft)
    digest = content_hash(content)
    rendering.write_progress(draft_id, state=rendering.ProgressState.RENDERING, digest=digest)
    try:
        rendered = rendering.render_plan(content)
    except Exception as error:  # the progress page must say it failed, not wait for ever
        logger.exception("Rendering the PDF of draft %s failed", draft_id)
        rendering.write_progress(
            draft_id, state=rendering.ProgressState.FAILED, digest=digest, message=f"The PDF could not be made: {error}"
        )
        raise
    rendering.write_progress(
        draft_id, state=rendering.ProgressState.DONE, digest=digest, page_count=rendered.page_count
    )
    return {"content_hash": digest, "page_count": rendered.page_count}
