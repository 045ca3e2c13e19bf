from django.shortcuts import render
from django.utils.translation import gettext as _


def _has_nul(query_dict):
    return any("\x00" in key or any("\x00" in value for value in query_dict.getlist(key)) for key in query_dict)


class RefuseNulMiddleware:
    """A NUL character belongs in no name, address, choice or letter, and PostgreSQL can neither store
    nor compare it: a request with one in any field gets a clear 400 before any form or query sees it."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if _has_nul(request.GET) or (request.method == "POST" and _has_nul(request.POST)):
            message = _("A field contained an invisible control character (NUL). Please retype it and try again.")
            return render(request, "400.html", {"message": message}, status=400)
        return self.get_response(request)
