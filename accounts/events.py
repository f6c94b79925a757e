"""The audit events accounts writes, as pages show them (`core.event_labels` finds this module)."""

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
