from django.apps import AppConfig


class SubmissionsConfig(AppConfig):
    name = "submissions"
    verbose_name = "Submissions and publication"

    def ready(self):
        from core.signals import return_progress_changed
        from submissions.services import refresh_status_on_progress

        return_progress_changed.connect(refresh_status_on_progress, dispatch_uid="submissions-refresh-status")
