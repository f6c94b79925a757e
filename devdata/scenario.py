"""Where each demo council had got to, as the register might have looked in late July 2024.

Each entry says how far to take the council through the real services, and when each
step happened (UK time). Omitted steps are not taken.
"""

import datetime
import zoneinfo

LONDON = zoneinfo.ZoneInfo("Europe/London")


def at(day: str, time: str = "10:00") -> datetime.datetime:
    return datetime.datetime.fromisoformat(f"{day}T{time}").replace(tzinfo=LONDON)


SCENARIO = {
    # Dorset: cabinet endorsed on 9 July 2024; returned and published before the deadline.
    "E06000059": {
        "started": at("2024-06-10"),
        "frozen": at("2024-07-01", "16:00"),
        "decision": {
            "maker": "Cabinet",
            "on": "2024-07-09",
            "outcome": "approved",
            "resolution": "Cabinet agreed the content of the productivity plan and its publication before 19 July.",
        },
        "submitted": at("2024-07-16", "11:20"),
        "published": at("2024-07-17", "09:00"),
    },
    # Somerset: the draft is written; the demo walks it through freezing, decision, submission and publication.
    "E06000066": {"started": at("2024-06-05")},
    "E08000025": {
        "started": at("2024-06-03"),
        "frozen": at("2024-07-02"),
        "decision": {"maker": "Cabinet", "on": "2024-07-09", "outcome": "approved"},
        "submitted": at("2024-07-18", "15:05"),
        "published": at("2024-07-18", "16:00"),
    },
    "E09000033": {
        "started": at("2024-06-12"),
        "frozen": at("2024-07-08"),
        "decision": {"maker": "Cabinet", "on": "2024-07-15", "outcome": "approved"},
        "submitted": at("2024-07-19", "17:45"),
    },
    "E10000016": {
        "started": at("2024-06-20"),
        "frozen": at("2024-07-10"),
        "decision": {"maker": "Leader of the Council", "on": "2024-07-18", "outcome": "approved"},
        "submitted": at("2024-07-22", "09:30"),
        "published": at("2024-07-23"),
    },
    "E07000178": {
        "started": at("2024-06-17"),
        "frozen": at("2024-07-11"),
        "decision": {"maker": "Cabinet", "on": "2024-07-17", "outcome": "approved"},
    },
    "E06000018": {
        "started": at("2024-06-24"),
        "frozen": at("2024-07-12"),
        "decision": {"maker": "Executive", "on": "2024-07-23", "outcome": "approved"},
        "submitted": at("2024-07-24", "14:00"),
    },
    "E08000035": {
        "started": at("2024-05-28"),
        "frozen": at("2024-06-28"),
        "decision": {"maker": "Executive Board", "on": "2024-07-10", "outcome": "approved"},
        "submitted": at("2024-07-12"),
        "published": at("2024-07-15"),
    },
    "E07000041": {
        "started": at("2024-06-19"),
        "frozen": at("2024-07-03"),
        "decision": {
            "maker": "Executive",
            "on": "2024-07-09",
            "outcome": "deferred",
            "resolution": "Deferred to the next meeting for further detail on barriers.",
        },
    },
    "E09000001": {"started": at("2024-07-01")},
    "E06000053": {
        "started": at("2024-06-11"),
        "frozen": at("2024-07-04"),
        "decision": {"maker": "Policy and Resources Committee", "on": "2024-07-16", "outcome": "approved"},
        "submitted": at("2024-07-19", "12:10"),
    },
    "E10000030": {
        "started": at("2024-06-06"),
        "frozen": at("2024-07-01"),
        "decision": {"maker": "Cabinet", "on": "2024-07-09", "outcome": "approved"},
        "submitted": at("2024-07-17"),
        "published": at("2024-07-17", "15:00"),
    },
    "E07000223": {"started": at("2024-07-08")},
    "E06000047": {
        "started": at("2024-06-14"),
        "frozen": at("2024-07-05"),
        "decision": {"maker": "Cabinet", "on": "2024-07-17", "outcome": "approved"},
    },
}
