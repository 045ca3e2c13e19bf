from django.contrib import admin

from campaign.models import OutgoingEmail


@admin.register(OutgoingEmail)
class OutgoingEmailAdmin(admin.ModelAdmin):
    list_display = ["kind", "status", "attempts", "created_at", "sent_at", "last_error"]
    list_filter = ["status", "kind"]
    fields = ["kind", "status", "attempts", "next_attempt_at", "created_at", "sent_at", "last_error"]
    readonly_fields = fields
    show_full_result_count = False

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
