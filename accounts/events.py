"""The audit events accounts writes, as pages show them and what each changes
(`core.event_labels` and `core.shared_cache` find this module)."""

from core import shared_cache

LABELS = {
    "ApiTokenIssued": "API token issued",
    "ApiTokenRevoked": "API token revoked",
    "ApiTokensRevokedByPasswordChange": "API tokens ended by a password change",
    "SignedOutEverywhere": "Signed out everywhere",
    "TwoFactorSetUp": "Two-factor sign-in set up",
    "TwoFactorTurnedOff": "Two-factor sign-in turned off",
    "SecondFactorPassed": "Signed in with an authenticator code",
    "SecondFactorRefused": "Authenticator or recovery code refused",
    "RecoveryCodeUsed": "Signed in with a recovery code",
    "UserAddedInAdmin": "Person added in the admin",
    "UserChangedInAdmin": "Person changed in the admin",
}

# What each event may change among the results shared through the cache (core.shared_cache); an event not
# named here changes them all.
CHANGES = {
    "ApiTokenIssued": shared_cache.NOTHING_SHOWN,
    "ApiTokenRevoked": shared_cache.NOTHING_SHOWN,
    "ApiTokensRevokedByPasswordChange": shared_cache.NOTHING_SHOWN,
    "SignedOutEverywhere": shared_cache.NOTHING_SHOWN,
    "TwoFactorSetUp": shared_cache.NOTHING_SHOWN,
    "TwoFactorTurnedOff": shared_cache.NOTHING_SHOWN,
    "SecondFactorPassed": shared_cache.NOTHING_SHOWN,
    "SecondFactorRefused": shared_cache.NOTHING_SHOWN,
    "RecoveryCodeUsed": shared_cache.NOTHING_SHOWN,
}
