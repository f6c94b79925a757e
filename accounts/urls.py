from django.urls import path

from accounts import views

app_name = "accounts"

urlpatterns = [
    path("sign-in/", views.SignInView.as_view(), name="sign_in"),
    path("sign-in/code/", views.second_factor, name="second_factor"),
    path("sign-out/", views.SignOutView.as_view(), name="sign_out"),
    path("account/", views.account, name="account"),
    path("account/home/", views.home_for_user, name="home_for_user"),
    path("account/sign-out-everywhere/", views.sign_out_everywhere, name="sign_out_everywhere"),
    path("account/api-tokens/<int:token_id>/revoke/", views.revoke_token, name="revoke_token"),
    path("account/two-factor/set-up/", views.two_factor_set_up, name="two_factor_set_up"),
    path("account/two-factor/recovery-codes/", views.recovery_codes, name="recovery_codes"),
    path("account/two-factor/turn-off/", views.two_factor_turn_off, name="two_factor_turn_off"),
]
