from django.urls import path

from portal import views

app_name = "portal"

urlpatterns = [
    path("", views.home, name="home"),
    path("councils/", views.council_list, name="council_list"),
    path("councils/<str:code>/", views.council_detail, name="council_detail"),
    path("councils/<str:code>/plans/<slug:slug>/", views.published_plan, name="published_plan"),
    path("accessibility/", views.accessibility, name="accessibility"),
    path("open-data/", views.open_data, name="open_data"),
]
