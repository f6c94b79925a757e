from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "core"
    verbose_name = "Core"

    def ready(self):
        from core import deploy_checks  # noqa: F401  (registers the deployment checks)
