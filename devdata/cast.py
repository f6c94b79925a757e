"""The demo cast: who signs in to the demo, at which council, in which roles.

Names are invented. Usernames are shared by the demo, the README and the tests.
"""

DEMO_PASSWORD = "demo-plans-2024"

DEPARTMENT_USERS = [
    # username, first name, last name, department role, job title
    ("department-analyst", "Priya", "Natarajan", "analyst", "Senior analyst, local government productivity"),
    ("department-panel", "Owen", "Blackwood", "panel_member", "Panel member"),
    ("admin", "Grace", "Okafor", "administrator", "Service administrator"),
]

# username suffix, first name, last name, roles, job title
COUNCIL_PEOPLE = {
    "dorset": (
        "E06000059",
        [
            ("author", "Hannah", "Pryce", ["plan_author"], "Policy and strategy lead"),
            ("democratic-services", "Tom", "Reddaway", ["democratic_services"], "Democratic services officer"),
            (
                "monitoring-officer",
                "Imogen",
                "Stroud",
                ["monitoring_officer"],
                "Director of legal and democratic services",
            ),
            ("s151-officer", "Martin", "Cole", ["section_151_officer"], "Executive director, corporate development"),
            ("executive-director", "Ruth", "Alder", ["executive_director", "chief_executive"], "Chief executive"),
            ("lead-member", "Cllr Jon", "Farrant", ["lead_member"], "Leader of the Council"),
            ("workforce-lead", "Priti", "Hazard", ["workforce_lead"], "Service director, human resources"),
            ("asset-lead", "Gareth", "Lulworth", ["asset_management_lead"], "Corporate director, assets and property"),
            ("performance-lead", "Anjali", "Moreton", ["performance_lead"], "Head of performance and insight"),
        ],
    ),
    "somerset": (
        "E06000066",
        [
            ("author", "Leah", "Whitcombe", ["plan_author"], "Corporate performance and planning manager"),
            ("democratic-services", "Callum", "Brent", ["democratic_services"], "Democratic services officer"),
            ("monitoring-officer", "Naomi", "Tarr", ["monitoring_officer"], "Legal and governance lead"),
            ("s151-officer", "Simon", "Yeo", ["section_151_officer"], "Finance and procurement lead"),
            (
                "executive-director",
                "Alan",
                "Quantock",
                ["executive_director"],
                "Executive director, strategy, workforce and localities",
            ),
            (
                "lead-member",
                "Cllr Rhys",
                "Mendip",
                ["lead_member"],
                "Lead member for transformation and human resources",
            ),
            ("workforce-lead", "Dana", "Brue", ["workforce_lead"], "Service director, workforce"),
            ("asset-lead", "Owain", "Wellow", ["asset_management_lead"], "Service director, asset management"),
            ("performance-lead", "Bethan", "Cary", ["performance_lead"], "Performance and intelligence manager"),
        ],
    ),
}

# Other councils get three officers each so the register can show every stage.
OTHER_COUNCIL_ROLES = [
    ("author", ["plan_author"], "Policy officer"),
    ("democratic-services", ["democratic_services"], "Democratic services officer"),
    ("executive-director", ["executive_director", "chief_executive"], "Chief executive"),
]
