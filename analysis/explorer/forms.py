"""The explorer's filters: return, council type, region, documents (plans or every kind); a figure or a search."""

from django import forms

from analysis.explorer.selectors import EVERY_KIND
from analysis.models import FigureKind
from councils.models import AuthorityType, Region

SPLIT_CHOICES = [("authority_type", "Council type"), ("region", "Region")]


class ExplorerFilterForm(forms.Form):
    """Filters on every explorer page. An unknown value drops only that filter, as on the register."""

    type = forms.ChoiceField(label="Council type", required=False, choices=[("", "All types"), *AuthorityType.choices])
    region = forms.ChoiceField(label="Region", required=False, choices=[("", "All regions"), *Region.choices])
    kinds = forms.ChoiceField(
        label="Documents",
        required=False,
        choices=[("", "Productivity plans only"), (EVERY_KIND, "Every kind of document")],
        help_text="Reports, news pages and other regimes' plans are counted only when asked.",
    )

    def __init__(self, data=None, *, returns, **kwargs):
        super().__init__(data, **kwargs)
        self.returns = list(returns)
        # "return" is a Python keyword, so the field is added by name rather than declared.
        self.fields["return"] = forms.ChoiceField(
            label="Return", required=False, choices=[(r.slug, r.title) for r in self.returns]
        )
        self.order_fields(["return", "type", "region", "kinds"])

    def values(self) -> dict:
        self.is_valid()
        data = getattr(self, "cleaned_data", {})
        by_slug = {r.slug: r for r in self.returns}
        return {
            "return_definition": by_slug.get(data.get("return") or "") or (self.returns[0] if self.returns else None),
            "authority_type": data.get("type", ""),
            "region": data.get("region", ""),
            "every_kind": data.get("kinds") == EVERY_KIND,
        }


class FigureKindForm(forms.Form):
    kind = forms.ChoiceField(label="Figure", required=False, choices=FigureKind.choices)
    split = forms.ChoiceField(label="Compare by", required=False, choices=SPLIT_CHOICES)

    def values(self) -> dict:
        self.is_valid()
        data = getattr(self, "cleaned_data", {})
        return {
            "kind": data.get("kind") or FigureKind.AGENCY_SHARE,
            "split": data.get("split") or "authority_type",
        }


class SearchForm(forms.Form):
    q = forms.CharField(
        label="Search the passages of every plan",
        required=False,
        max_length=200,
        help_text="Words to find, for example: multi-year settlements. Similar word forms are found too.",
    )
