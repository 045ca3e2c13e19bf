from django.contrib import admin

from petitions.models import Petition, Signature


@admin.register(Petition)
class PetitionAdmin(admin.ModelAdmin):
    list_display = ["title", "slug", "confirmed_count", "goal", "is_open", "created_at"]
    list_filter = ["is_open"]
    search_fields = ["title", "slug"]
    prepopulated_fields = {"slug": ["title"]}
    readonly_fields = ["confirmed_count"]


@admin.register(Signature)
class SignatureAdmin(admin.ModelAdmin):
    list_display = ["first_name", "last_name", "petition", "country", "status", "show_publicly", "created_at"]
    list_filter = [
        "status",
        "petition",
        "country",
        "show_publicly",
        "keep_informed",
        ("created_at", admin.DateFieldListFilter),
    ]
    search_fields = ["first_name", "last_name", "email", "city"]
    date_hierarchy = "created_at"
    list_select_related = ["petition"]
    readonly_fields = ["email_key", "status", "confirmed_at", "created_at", "language"]
    show_full_result_count = False  # no COUNT(*) over a million rows on every page

    def has_add_permission(self, request):
        return False  # signatures come from signers, through the confirmation email
