"""Emails name the address the service runs on: settings.SITE_URL, which `make run` (scripts/run.sh)
sets from its host and port unless SITE_URL is already in the environment."""

import os
import re
import stat
import subprocess
from pathlib import Path

import pytest
from django.core import mail

from portal import subscriptions

ROOT = Path(__file__).resolve().parents[2]
RUN_SCRIPT = ROOT / "scripts" / "run.sh"
URL = re.compile(r"https?://[^\s<>\"]+")


@pytest.mark.django_db
def test_a_publication_email_links_to_the_site_address_the_service_is_given(
    settings, submitted_version, dorset, dorset_clerk, django_capture_on_commit_callbacks
):
    from submissions.services import publish_version

    settings.SITE_URL = "http://127.0.0.1:8101"
    subscription = subscriptions.subscribe(council=dorset, email="resident@example.com", base_url=settings.SITE_URL)
    subscriptions.confirm(token=subscriptions.token_for(subscription))
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        publish_version(version=submitted_version, actor=dorset_clerk)

    (notice,) = mail.outbox
    links = URL.findall(notice.body) + URL.findall(notice.extra_headers["List-Unsubscribe"])
    assert len(links) == 4  # the plan, the council's page, and the unsubscribe link (body and header)
    assert all(link.startswith("http://127.0.0.1:8101/") for link in links), links


def run_the_run_script(tmp_path: Path, *args: str, **environment: str) -> list[str]:
    """Run scripts/run.sh with a stand-in virtualenv whose python and gunicorn only write down
    what they were started with and the SITE_URL they were given."""
    log = tmp_path / "started.log"
    bin_dir = tmp_path / "venv" / "bin"
    bin_dir.mkdir(parents=True)
    for program in ("python", "gunicorn"):
        stand_in = bin_dir / program
        stand_in.write_text(f'#!/bin/sh\necho "{program} $1 $2 SITE_URL=${{SITE_URL-unset}}" >> "{log}"\n')
        stand_in.chmod(stand_in.stat().st_mode | stat.S_IXUSR)
    env = {name: value for name, value in os.environ.items() if name != "SITE_URL"}
    env |= {"VENV": str(tmp_path / "venv"), **environment}
    # The stand-ins stop at once, so the script ends when it waits for them (its exit status says no more).
    subprocess.run(["bash", str(RUN_SCRIPT), *args], env=env, check=False, capture_output=True, timeout=30)
    return log.read_text().splitlines()


def test_make_run_on_another_host_and_port_gives_every_process_that_address(tmp_path):
    started = run_the_run_script(tmp_path, "localhost", "8101")
    assert {line.split()[0] + " " + line.split()[2] for line in started} >= {
        "python send_return_reminders",
        "python run_worker",
        "gunicorn --bind",
    }
    assert all(line.endswith(" SITE_URL=http://localhost:8101") for line in started), started


def test_a_site_url_in_the_environment_is_kept(tmp_path):
    started = run_the_run_script(tmp_path, "127.0.0.1", "8101", SITE_URL="https://plans.example.gov.uk")
    assert started and all(line.endswith(" SITE_URL=https://plans.example.gov.uk") for line in started), started
