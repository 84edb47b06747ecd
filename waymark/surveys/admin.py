"""Read-only admin pages for counters and the audit log.

Responses have no admin page: they leave only through the research export, which writes each
export to the audit log. Nobody edits or deletes a counter or the log by hand.
"""

from django.contrib import admin

from waymark.surveys.models import AnswerCount, ExportLog, QuestionCount


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
