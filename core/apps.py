from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "core"
    verbose_name = "Core"

    def ready(self):
        from core import (
            deploy_checks,  # noqa: F401  (registers the deployment checks)
            shared_cache,  # noqa: F401  (audit events retire the cached results they change)
        )
