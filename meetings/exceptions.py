from core.refusals import Refusal


class MeetingRefused(Refusal):
    """A change to a meeting or its agenda that the rules do not allow; the message says why, in plain words."""


class AgendaBlocked(MeetingRefused):
    """The agenda cannot be published: `blockers` lists, per agenda item, what its report still needs."""

    def __init__(self, blockers: list[tuple[str, list[str]]]):
        self.blockers = blockers
        names = "; ".join(title for title, _ in blockers)
        super().__init__(f"The agenda cannot be published until every report is ready. Still to do: {names}")
