class InvalidTransition(Exception):
    """A lifecycle step was asked for from a state that does not allow it."""

    def __init__(self, subject: str, from_state: str, to_state: str, reason: str = ""):
        self.subject, self.from_state, self.to_state = subject, from_state, to_state
        self.reason = reason or f"{subject} cannot move from '{from_state}' to '{to_state}'"
        super().__init__(self.reason)


class EditConflict(Exception):
    """Someone saved the draft after this editor opened it; their text would be overwritten."""

    def __init__(self, *, current_revision: int, updated_by: str, updated_at):
        self.current_revision, self.updated_by, self.updated_at = current_revision, updated_by, updated_at
        super().__init__(f"The draft was changed by {updated_by} since you opened it")
