from core.refusals import Refusal


class InvalidTransition(Refusal):
    """A lifecycle step was asked for from a state that does not allow it (a draft with an empty theme
    cannot be frozen); the message says why."""


class EditConflict(Exception):
    """Someone saved the draft after this editor opened it; their text would be overwritten."""

    def __init__(self, *, current_revision: int, updated_by: str, updated_at):
        self.current_revision, self.updated_by, self.updated_at = current_revision, updated_by, updated_at
        super().__init__(f"The draft was changed by {updated_by} since you opened it")
