from django.apps import AppConfig


class PortalConfig(AppConfig):
    name = "portal"
    verbose_name = "Public site"

    def ready(self):
        from monitoring.signals import progress_published
        from portal.receivers import on_plan_published, on_progress_published
        from submissions.publishing import plan_published

        plan_published.connect(on_plan_published, dispatch_uid="portal.on_plan_published")
        progress_published.connect(on_progress_published, dispatch_uid="portal.on_progress_published")
