"""Read-only admin pages for counters and the audit log.

Responses have no admin page: they leave only through the research export, which writes each
export to the audit log. Nobody edits or deletes a counter or the log by hand.
"""

from django.contrib import admin
from django.contrib.auth.views import redirect_to_login
from django.urls import reverse
from django_otp.admin import OTPAdminSite

from waymark.surveys.models import AnswerCount, ExportLog, QuestionCount


class StaffAdminSite(OTPAdminSite):
    """The admin, open only to staff whose TOTP code was checked.

    Its own login page (password, a device picker, a code) is replaced by the one staff login,
    which checks all three and then returns here.
    """

    def login(self, request, extra_context=None):
        target = request.GET.get("next") or reverse("admin:index", current_app=self.name)
        return redirect_to_login(target, reverse("staff-login"))


class ReadOnlyAdmin(admin.ModelAdmin):
    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(AnswerCount)
class AnswerCountAdmin(ReadOnlyAdmin):
    list_display = ["survey_id", "question_id", "answer_id", "count"]
    list_filter = ["survey_id"]


@admin.register(QuestionCount)
class QuestionCountAdmin(ReadOnlyAdmin):
    list_display = ["survey_id", "question_id", "respondents"]
    list_filter = ["survey_id"]


@admin.register(ExportLog)
class ExportLogAdmin(ReadOnlyAdmin):
    list_display = ["day", "username", "survey_id", "kind"]
    list_filter = ["survey_id", "kind"]
