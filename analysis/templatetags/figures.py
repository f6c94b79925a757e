"""A figure as the plan gives it, for pages: "3.6% to 3.8%", "£110 per resident", "22 bids"."""

from django import template

from analysis.explorer.selectors import figure_text

register = template.Library()


@register.filter
def figure_value(figure) -> str:
    return figure_text(figure)
