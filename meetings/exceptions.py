class MeetingRefused(Exception):
    """A change to a meeting or its agenda that the rules do not allow; `message` says why, in plain words.

    `field` names the form field the message belongs to, when there is one."""

    def __init__(self, message: str, *, field: str | None = None):
        self.message, self.field = message, field
        super().__init__(message)


class AgendaBlocked(MeetingRefused):
    """The agenda cannot be published: `blockers` lists, per agenda item, what its report still needs."""

    def __init__(self, blockers: list[tuple[str, list[str]]]):
        self.blockers = blockers
        names = "; ".join(title for title, _ in blockers)
        super().__init__(f"The agenda cannot be published until every report is ready. Still to do: {names}")
