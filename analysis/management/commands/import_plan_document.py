"""Import plan documents into the analysis corpus: one file, or a whole folder with a progress bar.

    manage.py import_plan_document --council E06000059 --return productivity-plan-2024 plan.pdf --json
    manage.py import_plan_document --return productivity-plan-2024 --folder plans/ [--manifest map.csv]

When a council already has a document for the return, nothing is imported for it unless the command
says what to do: `--replace` (the new document replaces the council's current one, which stays in the
corpus marked replaced) or `--add` (it is added as another document, and both are counted). The
council may be given by name ("Dorset") or by ONS code.

In a folder, each file's council comes from the manifest (a CSV with columns `file` and
`ons_code`) or, without one, from an ONS code at the start of the file name
(`E06000059-dorset.pdf`). Files are read in parallel child processes (each with hard memory and
CPU limits), imported one by one, and then one analysis run covers the corpus. A refused file is
reported and skipped; the others are still imported.
"""

import csv
import json
import os
import queue
import re
import threading
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone
from tqdm import tqdm

from analysis import selectors, services
from analysis.reading.extract import ExtractionRefused
from analysis.reading.sandbox import EXTENSIONS, check_size, start_readers
from analysis.runs import services as runs
from core import audit, files
from councils.models import Council
from councils.selectors import find_council
from plans.selectors import return_by_slug

ONS_CODE = re.compile(r"^(E\d{8})")
COUNCILS_A_QUERY = 500  # ONS codes looked up in one query (a folder names hundreds)
HEAD_SECONDS = 10  # how often a folder import signs the audit log's head while it runs (core.audit.heads_every)


def _actor(username: str | None):
    if not username:
        return None
    from django.contrib.auth import get_user_model

    user = get_user_model().objects.filter(username=username).first()
    if user is None:
        raise CommandError(f"There is no person called {username!r}.")
    return user


def _read_bytes(path: Path) -> bytes:
    """The file's bytes; a file over the size limit is refused before it is read."""
    try:
        check_size(path.stat().st_size)
    except ExtractionRefused as refusal:
        raise services.ImportRefused(str(refusal)) from refusal
    return path.read_bytes()


RUN_AGAIN = " Run the command again with --replace to replace it, or with --add to add this one as another document."


def _council(typed: str):
    """The council named by an ONS code or a name, or a CommandError saying what to type."""
    found = find_council(typed)
    if found.council is not None:
        return found.council
    if found.by_code or not found.candidates:
        raise CommandError(f"There is no council with the ONS code or name {typed!r}. Nothing was imported.")
    listed = ", ".join(f"{c.name} ({c.gss_code})" for c in found.candidates[:8])
    raise CommandError(f"{typed!r} does not name one council. Give one of: {listed}. Nothing was imported.")


def _councils(codes: set[str]) -> dict:
    """Each ONS code's council, as `council_by_code` finds it (None where there is none), with a query for every few
    hundred codes rather than one for each file."""
    wanted = sorted({code.upper() for code in codes})
    found: dict[str, Council] = {}
    for start in range(0, len(wanted), COUNCILS_A_QUERY):
        chunk = wanted[start : start + COUNCILS_A_QUERY]
        found |= {c.gss_code: c for c in Council.objects.select_related("county").filter(gss_code__in=chunk)}
    return {code: found.get(code.upper()) for code in codes}


def _listed(documents) -> str:
    return " and ".join(f"document {d.pk} ({d.title})" for d in documents)


class Command(BaseCommand):
    help = "Import plan documents (PDF, .docx, .odt, .html, .mhtml, .txt) for a council and a return into the corpus."

    def add_arguments(self, parser):
        parser.add_argument("files", nargs="*", help="One file (with --council), or none with --folder.")
        parser.add_argument("--council", help="The council's ONS code or name, e.g. E06000059 or Dorset.")
        parser.add_argument("--return", dest="return_slug", required=True, help="The return's slug.")
        parser.add_argument("--folder", help="Import every plan document in this folder.")
        parser.add_argument("--manifest", help="CSV with columns file, ons_code mapping files to councils.")
        parser.add_argument("--json", action="store_true", help="Print the result as JSON.")
        parser.add_argument("--as", dest="username", help="The person the import is recorded against.")
        parser.add_argument("--workers", type=int, default=os.cpu_count() or 1, help="Files read at once.")
        parser.add_argument("--no-analysis", action="store_true", help="Import only; analyse in a later run.")
        choice = parser.add_mutually_exclusive_group()
        choice.add_argument(
            "--replace",
            dest="existing",
            action="store_const",
            const=services.REPLACE,
            help="Where the council already has a document for the return, the new one replaces it.",
        )
        choice.add_argument(
            "--add",
            dest="existing",
            action="store_const",
            const=services.ADD,
            help="Where the council already has a document for the return, add the new one as another document.",
        )

    def handle(self, *args, **options):
        return_definition = return_by_slug(options["return_slug"])
        if return_definition is None:
            raise CommandError(f"There is no return called {options['return_slug']!r}.")
        actor = _actor(options["username"])
        if options["folder"]:
            return self._folder(options, return_definition, actor)
        if len(options["files"]) != 1 or not options["council"]:
            raise CommandError("Give one file and --council, or --folder.")
        council = _council(options["council"])
        path = Path(options["files"][0])
        if not path.is_file():
            raise CommandError(f"There is no file at {path}.")
        before = selectors.current_documents(council=council, return_definition=return_definition)
        try:
            data = _read_bytes(path)
            same_file = selectors.document_with_file(
                council=council, return_definition=return_definition, file_sha256=files.sha256_of(data)
            )
            document = services.import_document(
                council=council,
                return_definition=return_definition,
                filename=path.name,
                data=data,
                actor=actor,
                analyse=not options["no_analysis"],
                existing=options["existing"],
            )
        except services.ImportRefused as refusal:
            message = str(refusal) + (RUN_AGAIN if isinstance(refusal, services.ChoiceNeeded) else "")
            if options["json"]:
                self.stdout.write(json.dumps({"error": message}))
            raise CommandError(f"{path.name}: {message}") from refusal
        others = [d for d in before if d.pk != document.pk]
        result, words = (
            {"document_id": document.pk},
            f"Imported {path.name} for {council.name} as document {document.pk}",
        )
        if same_file is not None:
            words = (
                f"{path.name} is already in the corpus for {council.name} as document {document.pk}; nothing changed"
            )
        elif others and options["existing"] == services.REPLACE:
            result["replaced"] = [d.pk for d in others]
            words += ", replacing " + _listed(others)
        elif others:
            result["added_beside"] = [d.pk for d in others]
            words += ", as another document beside " + _listed(others)
        self.stdout.write(json.dumps(result) if options["json"] else words + ".")

    def _manifest(self, options, folder: Path) -> list[tuple[Path, str]]:
        if options["manifest"]:
            with open(options["manifest"], encoding="utf-8-sig", newline="") as handle:
                rows = list(csv.DictReader(handle))
            if rows and not {"file", "ons_code"} <= set(rows[0]):
                raise CommandError("The manifest needs the columns file and ons_code.")
            return [(folder / row["file"], row["ons_code"].strip().upper()) for row in rows]
        pairs = []
        for path in sorted(folder.iterdir()):
            if path.is_file() and path.suffix.lower() in EXTENSIONS:
                match = ONS_CODE.match(path.name.upper())
                pairs.append((path, match.group(1) if match else ""))
        return pairs

    def _folder(self, options, return_definition, actor):
        folder = Path(options["folder"])
        if not folder.is_dir():
            raise CommandError(f"There is no folder at {folder}.")
        pairs = self._manifest(options, folder)
        started = timezone.now()
        refused: list[dict] = []
        imported: list[int] = []

        # Each reading thread keeps one limited child for all its files (analysis.reading.sandbox.Reader). The children
        # start now, forked from one that loads the parsers and the classifier while this process looks up councils
        # and opens the run.
        workers = max(1, min(options["workers"], len(pairs)))
        readers = start_readers(workers, classify=not options["no_analysis"])
        idle, local = queue.SimpleQueue(), threading.local()
        for reader in readers:
            idle.put(reader)
        try:
            # Councils are looked up here, once: the reading threads never touch the database.
            councils = _councils({code for _, code in pairs if code})
        except BaseException:
            for reader in readers:
                reader.close()
            raise

        def read(pair):
            path, code = pair
            if not path.is_file():
                return pair, None, None, "There is no such file."
            if councils.get(code) is None:
                problem = f"No council with the ONS code {code!r}; name the file after it or list it in a manifest."
                return pair, None, None, problem
            if not hasattr(local, "reader"):
                local.reader = idle.get()
            try:
                data = _read_bytes(path)
                return pair, data, services.read_document(filename=path.name, data=data, reader=local.reader), None
            except services.ImportRefused as refusal:
                return pair, None, None, str(refusal)

        quiet = options["json"]
        analyse = not options["no_analysis"]
        # The run starts now and analyses each document as it is stored, while the next files are being read.
        work = None
        # Each file is its own transaction; the audit log's head is signed every few seconds and at the end, not
        # after each of hundreds of files.
        try:
            with audit.heads_every(HEAD_SECONDS):
                work = runs.begin_corpus_run(actor=actor, expected=len(pairs)) if analyse else None
                self._import_all(
                    pairs, read, councils, return_definition, actor, work, imported, refused, workers, options
                )
                run = None
                if work is not None:
                    work.analyse_the_rest()
                    run = work.finish()
        except Exception as error:
            if work is not None:
                work.fail(error)
            raise
        finally:
            for reader in readers:
                reader.close()
        seconds = (timezone.now() - started).total_seconds()
        if quiet:
            self.stdout.write(
                json.dumps({"document_ids": imported, "refused": refused, "run_id": run.pk if run else None})
            )
            return
        self.stdout.write(f"Imported {len(imported)} of {len(pairs)} files in {seconds:.1f} s.")
        for problem in refused:
            self.stdout.write(f"  refused {problem['file']}: {problem['reason']}")
        if run is not None:
            self.stdout.write(f"Analysis run {run.pk}: {run.counts}")

    def _import_all(self, pairs, read, councils, return_definition, actor, work, imported, refused, workers, options):
        """Read files in parallel child processes; store (and analyse) each in this thread, in order."""
        with ThreadPoolExecutor(max_workers=workers) as pool:
            progress = tqdm(total=len(pairs), unit="file", desc="Importing", disable=options["json"], file=self.stderr)
            for (path, code), data, extracted, problem in pool.map(read, pairs):
                progress.update(1)
                if problem:
                    refused.append({"file": path.name, "reason": problem})
                    continue
                try:
                    document = services.import_document(
                        council=councils[code],
                        return_definition=return_definition,
                        filename=path.name,
                        data=data,
                        actor=actor,
                        extracted=extracted,
                        analyse=False,
                        existing=options["existing"],
                    )
                except services.ChoiceNeeded as refusal:
                    refused.append({"file": path.name, "reason": str(refusal) + RUN_AGAIN})
                    continue
                if document.pk in imported:
                    continue  # the same file twice in the folder
                imported.append(document.pk)
                if work is not None:
                    work.analyse(document, labels=extracted.labels)
            progress.close()
