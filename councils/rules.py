# rules' autodiscovery imports `<app>.rules`; the permissions themselves live in one module.
from councils import permissions  # noqa: F401
