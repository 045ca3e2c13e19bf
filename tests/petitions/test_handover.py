import subprocess

import pytest
from django.urls import reverse

from petitions.models import ExportJob, ExportRecord, Signature
from tests.conftest import verified_login
from tests.petitions.conftest import make_signature

pytestmark = [pytest.mark.django_db, pytest.mark.embedded]


def pdf_text(path):
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True).stdout


@pytest.fixture
def pdftotext():
    try:
        subprocess.run(["pdftotext", "-v"], capture_output=True, check=True)
    except FileNotFoundError:
        pytest.skip("needs pdftotext (poppler-utils)")


def test_the_handover_pdf_names_only_those_who_agreed(
    client, organiser, petition, tmp_path, pdftotext, django_capture_on_commit_callbacks
):
    petition.add_to_count(4)
    make_signature(petition, first_name="Алесь", last_name="Бяляцкі", country="BY", show_publicly=True)
    make_signature(petition, first_name="Łucja", last_name="Secret", country="PL", show_publicly=True)
    make_signature(petition, first_name="Hidden", country="PL")
    make_signature(petition, first_name="Ales", country="LT", show_publicly=True)
    make_signature(petition, first_name="Pending", show_publicly=True, status=Signature.Status.PENDING)
    verified_login(client, organiser)
    with django_capture_on_commit_callbacks(execute=True):  # built by the (eager) background job
        response = client.post(reverse("admin:petitions_petition_handover", args=[petition.pk]))
    assert response.status_code == 302 and response["Location"] == reverse("admin:petitions_exportjob_changelist")
    job = ExportJob.objects.get()
    assert (job.status, job.format, job.requested_by) == ("done", "pdf", organiser)
    listing = client.get(reverse("admin:petitions_exportjob_changelist")).content.decode()
    assert reverse("admin:petitions_exportjob_download", args=[job.pk]) in listing
    response = client.get(reverse("admin:petitions_exportjob_download", args=[job.pk]))
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert f"{petition.slug}-handover-" in response["Content-Disposition"]
    path = tmp_path / "handover.pdf"
    path.write_bytes(b"".join(response.streaming_content))
    text = pdf_text(path)
    for expected in (petition.title, petition.addressee, "Second paragraph", "4 people confirmed their signature"):
        assert expected in text
    assert "Алесь (Belarus) · Łucja (Poland) · Ales (Lithuania)" in text
    assert "Poland" in text and "Hidden" not in text and "Pending" not in text
    assert "Secret" not in text and "Бяляцкі" not in text  # first names only, as the signers agreed
    record = ExportRecord.objects.get(outcome="done")
    assert (record.via, record.format, record.row_count, record.user) == ("handover", "pdf", 3, organiser)


@pytest.mark.parametrize(
    ("language", "count", "expected"),
    [
        ("en", 1, "1 person confirmed their signature"),
        ("en", 2, "2 people confirmed their signature"),
        ("be", 1, "1 чалавек пацвердзіў"),
        ("be", 3, "3 чалавекі пацвердзілі"),
        ("be", 5, "5 чалавек пацвердзілі"),
        ("be", 21, "21 чалавек пацвердзіў"),
        ("ru", 1, "1 человек подтвердил"),
        ("ru", 2, "2 человека подтвердили"),
        ("ru", 11, "11 человек подтвердили"),
        ("ru", 1234, "1\xa0234 человека подтвердили"),
    ],
)
def test_the_handover_count_reads_right_in_every_language(language, count, expected):
    import datetime

    from django.utils import translation

    from petitions.handover import confirmed_sentence

    with translation.override(language):
        assert confirmed_sentence(count, datetime.date(2026, 12, 3)).startswith(expected)
