"""The one shape of a refusal: a rule of the service said no, and `message` says why in plain words.

Services raise a `Refusal` (or a subclass named for its app) and change nothing. Views show it with
`core.forms.add_refusal` on the form it concerns, and the API answers it through one exception
handler, so a refusal reads the same wherever it is met.
"""


class Refusal(Exception):
    """A step the rules do not allow; `field` names the form field the message belongs to, if any."""

    status_code = 409  # the API's answer: the request was understood but the state does not allow it

    def __init__(self, message: str, *, field: str | None = None):
        self.message, self.field = message, field
        super().__init__(message)
