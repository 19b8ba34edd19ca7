from django.contrib import admin

from panels.models import Body, Meeting, Membership


class MembershipInline(admin.TabularInline):
    model = Membership
    extra = 0
    autocomplete_fields = ("user",)


@admin.register(Body)
class BodyAdmin(admin.ModelAdmin):
    list_display = ("name", "minute_prefix", "numbering_style", "is_public")
    inlines = (MembershipInline,)


@admin.register(Meeting)
class MeetingAdmin(admin.ModelAdmin):
    list_display = ("body", "date", "status")
    list_filter = ("body", "status")
