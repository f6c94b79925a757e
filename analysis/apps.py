from django.apps import AppConfig


class AnalysisConfig(AppConfig):
    name = "analysis"
    verbose_name = "Analysis across plans"

    def ready(self):
        from analysis.summaries.tasks import queue_warm_explorer
        from core import shared_cache

        # The panel summary over a large corpus takes a second or more to work out: a worker does it after
        # each change to the corpus, not the first reader (decision 0027).
        shared_cache.warm_after_change(shared_cache.CORPUS, queue_warm_explorer)
