"""The whole offer to print, as a page and as a booklet (PDF)."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from corporate_parenting.pdf import pdf_response
from offer.printable import printed_sections, whole_offer


def printable(request: HttpRequest) -> HttpResponse:
    return render(request, "offer/print.html", {"sections": printed_sections()})


def booklet(request: HttpRequest) -> HttpResponse:
    return pdf_response(
        "offer/pdf_booklet.html",
        {"sections": whole_offer(), "title": "Our offer to you: help for care leavers"},
        filename="care-leaver-offer.pdf",
    )
