from django.contrib import admin

from champions.models import (
    Appointment,
    ChampionArea,
    ChampionSettings,
    Engagement,
    LinkOfficer,
    Member,
)


@admin.register(Member)
class MemberAdmin(admin.ModelAdmin):
    list_display = ("user", "ward", "party", "dbs_status", "training_completed_on")
    search_fields = ("user__full_name", "user__email", "ward")


@admin.register(ChampionArea)
class ChampionAreaAdmin(admin.ModelAdmin):
    list_display = ("name", "slug")
    prepopulated_fields = {"slug": ("name",)}


@admin.register(Appointment)
class AppointmentAdmin(admin.ModelAdmin):
    list_display = ("member", "area", "start_year")
    list_filter = ("start_year", "area")


@admin.register(LinkOfficer)
class LinkOfficerAdmin(admin.ModelAdmin):
    list_display = ("officer", "area", "job_title", "team")


@admin.register(Engagement)
class EngagementAdmin(admin.ModelAdmin):
    list_display = ("date", "member", "area", "kind", "status", "follow_up_status")
    list_filter = ("status", "kind", "follow_up_status", "area")
    date_hierarchy = "date"
    raw_id_fields = ("member", "event", "responded_by")


admin.site.register(ChampionSettings)
