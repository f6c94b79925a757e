"""Read a version's standing in a template: {% if progress.standing|may:"submit" %}."""

from django import template

register = template.Library()


@register.filter
def may(standing, action: str) -> bool:
    """Whether the action may happen next (for the person the standing was worked out for)."""
    return standing is not None and standing.may(action)
