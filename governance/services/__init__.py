"""Writes for governance, one module per purpose: `configuration` (how the council takes decisions),
`reports` (decision reports and scrutiny comments), `checklist` (clearing a report), `decisions`
(decisions, their records, delegations and call-in) and `amendments` (minor amendments made under a
delegation). `common` holds what they share.

Each function is a verb with keyword-only arguments, runs in one transaction, writes its audit event
and returns what it made or changed. Refusals raise `governance.exceptions.GovernanceRefusal` (bad
input or a step out of order, with the field it concerns) or `NotYourLine` (someone acting on a line
or delegation that names another person); nothing is written when either is raised.
"""
