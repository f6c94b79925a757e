"""Hostile and broken files are refused by the limited child process, with a clear message, quickly.

The files are built here, byte by byte: a PDF whose one content stream inflates to about 1 GB of
zeros, a PDF with 5,000 pages, an encrypted PDF (a hand-written /Encrypt dictionary), a .docx
whose document.xml inflates to hundreds of megabytes, a .pdf that is a text file, and more.
The integration tests (test_analysis_import.py) reuse these builders to prove nothing is stored.
"""

import functools
import io
import struct
import time
import zipfile
import zlib

import pytest

from analysis.reading.extract import ExtractionRefused
from analysis.reading.sandbox import MAX_FILE_BYTES, extract_file, extract_in_child

BOUND_SECONDS = 20  # each refusal must come well within the parent's wall-clock limit


def pdf_from_objects(objects: list[bytes], trailer_extra: str = "") -> bytes:
    """A PDF with a correct cross-reference table around the given object bodies (object 1 is the root)."""
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(f"{number} 0 obj\n".encode() + body + b"\nendobj\n")
    xref = out.tell()
    out.write(f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode())
    for offset in offsets:
        out.write(f"{offset:010d} 00000 n \n".encode())
    out.write(
        f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R {trailer_extra}>>\nstartxref\n{xref}\n%%EOF\n".encode()
    )
    return out.getvalue()


CATALOG = b"<< /Type /Catalog /Pages 2 0 R >>"
ONE_PAGE = b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>"


def text_pdf(lines: list[str]) -> bytes:
    """A one-page PDF with the given lines of text (Helvetica), as a plan's page would have."""
    return one_page_pdf("BT /F1 11 Tf 14 TL 72 740 Td " + " ".join(f"({line}) Tj T*" for line in lines) + " ET")


def one_page_pdf(content: str) -> bytes:
    """A one-page US Letter PDF drawing `content` (a PDF content stream; font F1 is Helvetica)."""
    content_bytes = content.encode("latin-1")
    return pdf_from_objects(
        [
            CATALOG,
            ONE_PAGE,
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
            b"/Resources << /Font << /F1 5 0 R >> >> >>",
            b"<< /Length %d >>\nstream\n" % len(content_bytes) + content_bytes + b"\nendstream",
            b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        ]
    )


def deflate_of_zeros(inflated_bytes: int) -> bytes:
    """A zlib stream of `inflated_bytes` of "0", built in a second: one fully flushed raw-deflate block of 1 MB
    repeated (each full flush resets the compressor, so the blocks are identical), with the right checksum."""
    chunk = b"0" * (1024 * 1024)
    compressor = zlib.compressobj(9, zlib.DEFLATED, -15)
    first = compressor.compress(chunk) + compressor.flush(zlib.Z_FULL_FLUSH)
    repeated = compressor.compress(chunk) + compressor.flush(zlib.Z_FULL_FLUSH)
    end = compressor.flush()
    count = inflated_bytes // len(chunk)
    checksum = 1
    for _ in range(count):
        checksum = zlib.adler32(chunk, checksum)
    return b"\x78\xda" + first + repeated * (count - 1) + end + struct.pack(">I", checksum)


@functools.cache
def decompression_bomb_pdf(inflated_bytes: int = 1024**3) -> bytes:
    """A one-page PDF (about 1 MB) whose FlateDecode content stream inflates to `inflated_bytes` of zeros."""
    stream = deflate_of_zeros(inflated_bytes)
    return pdf_from_objects(
        [
            CATALOG,
            ONE_PAGE,
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R >>",
            b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(stream) + stream + b"\nendstream",
        ]
    )


def encrypted_pdf() -> bytes:
    """A PDF with a standard-security /Encrypt dictionary whose keys match no password."""
    return pdf_from_objects(
        [
            CATALOG,
            ONE_PAGE,
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] >>",
            b"<< /Filter /Standard /V 2 /R 3 /Length 128 /P -3904 /O <" + b"11" * 32 + b"> /U <" + b"22" * 32 + b"> >>",
        ],
        trailer_extra="/Encrypt 4 0 R /ID [<0123456789abcdef0123456789abcdef> <0123456789abcdef0123456789abcdef>] ",
    )


def thousands_of_pages_pdf(pages: int = 5000) -> bytes:
    kids = " ".join(f"{n + 3} 0 R" for n in range(pages))
    objects = [CATALOG, f"<< /Type /Pages /Kids [{kids}] /Count {pages} >>".encode()]
    objects += [b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] >>"] * pages
    return pdf_from_objects(objects)


@functools.cache
def docx_zip_bomb(inflated_bytes: int = 200 * 1024 * 1024) -> bytes:
    """A .docx whose word/document.xml inflates to `inflated_bytes` (a few hundred KB on disk)."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        archive.writestr(
            "[Content_Types].xml",
            '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.'
            'wordprocessingml.document.main+xml"/></Types>',
        )
        with archive.open("word/document.xml", "w") as member:
            member.write(b'<?xml version="1.0"?><w:document xmlns:w="x"><w:body><w:p><w:r><w:t>')
            chunk = b"A" * (1024 * 1024)
            for _ in range(inflated_bytes // len(chunk)):
                member.write(chunk)
            member.write(b"</w:t></w:r></w:p></w:body></w:document>")
    return out.getvalue()


def timed_refusal(kind: str, data: bytes) -> tuple[str, float]:
    started = time.monotonic()
    with pytest.raises(ExtractionRefused) as refused:
        extract_in_child(kind, data)
    return str(refused.value), time.monotonic() - started


def test_a_pdf_that_inflates_to_a_gigabyte_is_refused_within_the_memory_limit():
    """pypdfium2 would use 2 GB and abort the process; the child dies at its limit and the parent says why."""
    bomb = decompression_bomb_pdf()
    assert len(bomb) < 2 * 1024 * 1024
    message, seconds = timed_refusal("pdf", bomb)
    assert "memory allowed for a plan document" in message and "Nothing was imported" in message
    assert seconds < BOUND_SECONDS


def test_a_pdf_with_thousands_of_pages_is_refused_by_its_page_count():
    message, seconds = timed_refusal("pdf", thousands_of_pages_pdf())
    assert "5,000 pages" in message
    assert seconds < BOUND_SECONDS


def test_an_encrypted_pdf_is_refused_with_what_to_ask_for():
    message, _ = timed_refusal("pdf", encrypted_pdf())
    assert "encrypted or protected by a password" in message
    assert "unprotected copy" in message


def test_a_docx_zip_bomb_is_refused_before_it_is_inflated():
    bomb = docx_zip_bomb()
    assert len(bomb) < 2 * 1024 * 1024
    message, seconds = timed_refusal("docx", bomb)
    assert "expands to 200 MB" in message
    assert seconds < BOUND_SECONDS


def understated_docx_zip_bomb() -> bytes:
    """The zip bomb with document.xml's declared size rewritten to 2 KB in both zip headers."""
    data = bytearray(docx_zip_bomb())
    for signature, size_offset in ((b"PK\x03\x04", 22), (b"PK\x01\x02", 24)):
        start = 0
        while (start := data.find(signature, start)) != -1:
            name_length = struct.unpack_from("<H", data, start + (26 if signature == b"PK\x03\x04" else 28))[0]
            name_at = start + (30 if signature == b"PK\x03\x04" else 46)
            if bytes(data[name_at : name_at + name_length]) == b"word/document.xml":
                struct.pack_into("<I", data, start + size_offset, 2048)
            start += 4
    return bytes(data)


def test_a_docx_that_understates_its_size_is_still_refused_without_inflating_it():
    """Zip headers can lie about a member's size to slip past the size check; the reader stops at the declared
    size, so the file is refused as damaged, quickly, and the memory limit was never needed."""
    lying = understated_docx_zip_bomb()
    assert zipfile.ZipFile(io.BytesIO(lying)).getinfo("word/document.xml").file_size == 2048
    message, seconds = timed_refusal("docx", lying)
    assert "damaged" in message or "expand" in message
    assert seconds < BOUND_SECONDS


@pytest.mark.parametrize(
    ("filename", "data", "expected"),
    [
        ("plan.pdf", b"This is a text file renamed to .pdf\n", "named as a PDF but is not a PDF"),
        ("plan.docx", b"%PDF-1.7\n...", "named as a Word document (.docx) but is not one"),
        ("plan.html", b"\x89PNG\r\n\x1a\n\x00\x00\x00", "named as a web page (HTML) but is not one"),
        ("plan.txt", b"%PDF-1.7\n1 0 obj", "named as plain text but is a PDF"),
        ("plan.pdf", b"%PDF-1.4\n garbage that is no PDF at all", "The PDF is damaged"),
        ("plan.docx", b"PK\x03\x04 not really a zip", "The Word document is damaged"),
        ("plan.pdf", b"", "The file is empty"),
        ("plan.pages", b"anything", "must be a PDF (.pdf), Word document (.docx), OpenDocument text (.odt)"),
        ("plan.odt", b"plain words", "named as an OpenDocument text file (.odt) but is not one"),
        ("plan.html", b"<html><body><script>var x = 1;</script></body></html>", "No text could be found"),
    ],
    ids=[
        "txt-as-pdf",
        "pdf-as-docx",
        "png-as-html",
        "pdf-as-txt",
        "corrupt-pdf",
        "corrupt-docx",
        "empty",
        "unsupported",
        "txt-as-odt",
        "no-text",
    ],
)
def test_mislabelled_corrupt_empty_and_unsupported_files_are_refused_with_a_clear_message(filename, data, expected):
    with pytest.raises(ExtractionRefused) as refused:
        extract_file(filename, data)
    assert expected in str(refused.value)


def test_a_file_over_20_mb_is_refused_without_being_parsed():
    started = time.monotonic()
    with pytest.raises(ExtractionRefused) as refused:
        extract_file("plan.pdf", b"%PDF-1.4\n" + b"0" * MAX_FILE_BYTES)
    assert "smaller than 20 MB" in str(refused.value)
    assert time.monotonic() - started < 1


def test_a_parse_that_outlasts_the_wall_clock_is_killed_and_refused():
    """The parent waits a bounded time whatever the child does; here the limit is set below the time any parse
    takes, so the child is killed and the person is told the file took too long."""
    started = time.monotonic()
    with pytest.raises(ExtractionRefused) as refused:
        extract_in_child("pdf", text_pdf(["A plan"]), timeout=0.01)
    assert "took too long" in str(refused.value)
    assert time.monotonic() - started < 2


def test_a_readable_pdf_comes_back_with_pages_and_passages():
    extracted = extract_in_child(
        "pdf", text_pdf(["Theme 3: reducing wasteful spend", "", "Agency staff cost 0.35% of the staff budget."])
    )
    assert extracted.page_count == 1
    assert [(b.kind, b.page) for b in extracted.blocks] == [("heading", 1), ("paragraph", 1)]
    assert extracted.blocks[1].text == "Agency staff cost 0.35% of the staff budget."


def test_a_reader_for_bulk_imports_refuses_the_same_files_and_carries_on_after_a_bomb():
    """The folder import keeps one child per thread for many files; a bomb kills that child, the bomb is refused
    with the same message, and the next file is read by a fresh child."""
    from analysis.reading.sandbox import Reader

    reader = Reader()
    try:
        good = text_pdf(["Theme 1: transforming services", "", "We merged three teams into one."])
        assert reader.extract("pdf", good).page_count == 1
        first_child = reader.process.pid
        assert reader.extract("pdf", good).blocks[0].text.startswith("Theme 1: transforming services")
        assert reader.process.pid == first_child, "the same child reads file after file"
        with pytest.raises(ExtractionRefused, match="memory allowed for a plan document"):
            reader.extract("pdf", decompression_bomb_pdf())
        with pytest.raises(ExtractionRefused, match="encrypted"):
            reader.extract("pdf", encrypted_pdf())
        assert reader.extract_file("plan.pdf", good).page_count == 1
        assert reader.process.pid != first_child
        with pytest.raises(ExtractionRefused, match="named as a PDF but is not a PDF"):
            reader.extract_file("plan.pdf", b"plain words")
    finally:
        reader.close()
    assert reader.process is None


def test_a_reader_gives_up_on_a_file_that_outlasts_the_wall_clock():
    from analysis.reading.sandbox import Reader

    reader = Reader(timeout=0.001)
    try:
        with pytest.raises(ExtractionRefused, match="took too long"):
            reader.extract("pdf", text_pdf(["A plan"]))
        assert reader.process is None, "the stuck child was killed"
    finally:
        reader.close()
