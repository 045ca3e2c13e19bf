"""One template for every page that only says one thing (a link that does not work, 'done', 'try later')."""

from django.shortcuts import render


def message_page(request, title, *paragraphs, status=200, back_url=None, back_label=None):
    context = {"title": title, "paragraphs": paragraphs, "back_url": back_url, "back_label": back_label}
    return render(request, "message.html", context, status=status)
