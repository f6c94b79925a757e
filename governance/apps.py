from django.apps import AppConfig


class GovernanceConfig(AppConfig):
    name = "governance"
    verbose_name = "Governance"

    def ready(self):
        from governance.selectors import endorsement_of
        from plans.endorsement import register_endorsement_check

        # The plan's guidance checks ask governance whether endorsement is in effect.
        register_endorsement_check(lambda version: endorsement_of(version) is not None)
