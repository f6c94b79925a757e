from django.apps import AppConfig


class PortalConfig(AppConfig):
    name = "portal"
    verbose_name = "Public site"

    def ready(self):
        from portal.receivers import on_plan_published
        from submissions.publishing import plan_published

        plan_published.connect(on_plan_published, dispatch_uid="portal.on_plan_published")
