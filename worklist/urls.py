from django.urls import path

from worklist import views

app_name = "worklist"

urlpatterns = [
    path("", views.waiting, name="waiting"),
]
