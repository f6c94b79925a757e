"""The demo's published councils get their page, PDF and JSON written, and the index of councils too.

Publications made by this load already wrote their files; a demo database made before publications
had files gets them now. Running it again writes nothing new (the index of councils is re-rendered)."""

from portal.publishing import write_public_files


def write_demo_publication_files(log=print) -> None:
    result = write_public_files()
    log(
        f"Published files: {result['publications']} publication(s) given files, "
        f"{result['latest_copies']} latest cop(ies) written, index of councils written"
    )
