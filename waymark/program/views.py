"""The program's pages: contents, chapter pages with their exercises, Summary Form, self-check.

The content was loaded once at start; a view only looks things up in it and in the person's
own records (waymark.workspace.store), which nobody else can reach.
"""

from django.core.cache import cache
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from waymark.program import answers, content, model, selfcheck
from waymark.program.templatetags.program import FIGURE_SECONDS
from waymark.web.page_cache import public_page
from waymark.workspace.store import store_for


def _program() -> model.Program:
    return content.program_for(get_language())


def _page_url(chapter_id: str, page_id: str) -> str:
    return reverse("program:page", args=[chapter_id, page_id])


def _render_page(request, program, page, records, saved="", submitted=None, status=200):
    submitted = submitted or {}
    blocks = []
    for block in page.blocks:
        state = None
        if isinstance(block, model.Exercise | model.SummaryForm):
            submission = submitted.get(block.id)
            state = {
                "fields": submission.fields
                if submission
                else answers.form_fields(program, block, records),
                "errors": submission.errors if submission else [],
                "saved": saved == block.id,
            }
            if isinstance(block, model.SummaryForm):
                state["gathered"] = answers.gathered(program, block, records)
        blocks.append((block, state))
    chapter = program.chapter(page.chapter_id)
    before, after = program.neighbours(page.chapter_id, page.id)
    context = {
        "program": program,
        "chapter": chapter,
        "page": page,
        # Titles stay neutral: tabs, history and bookmarks show a number, not the topic.
        "page_number": chapter.pages.index(page) + 1,
        "blocks": blocks,
        "has_forms": bool(page.forms),
        "is_last": chapter.pages[-1].id == page.id,
        "before": before,
        "after": after,
        "scale": model.SCALE,
    }
    return render(request, "program/page_show.html", context, status=status)


@require_GET
@public_page
def home(request):
    program = _program()
    store = store_for(request)
    records = store.all(answers.ANSWER)
    progress = store.get(answers.PROGRESS, answers.PROGRESS_ID) or {}
    visited = set(progress.get("visited", []))
    last = progress.get("last")
    resume = program.page(*last.split("/", 1)) if last else None
    chapters = [
        {"chapter": chapter, "status": answers.chapter_status(chapter, records, visited)}
        for chapter in program.chapters
    ]
    return render(
        request,
        "program/contents_show.html",
        {
            "program": program,
            "chapters": chapters,
            "resume": resume,
            "resume_chapter": program.chapter(resume.chapter_id) if resume else None,
            "first": program.chapters[0].pages[0],
        },
    )


@require_GET
def chapter(request, chapter_id):
    found = _program().chapter(chapter_id)
    if found is None:
        raise Http404
    return redirect(_page_url(found.id, found.pages[0].id))


@require_GET
@public_page
def page(request, chapter_id, page_id):
    program = _program()
    found = program.page(chapter_id, page_id)
    if found is None:
        raise Http404
    store = store_for(request)
    # Only a person who already has a workspace gets a progress mark: reading alone, or with
    # a cookie the server does not know, leaves nothing on the server.
    if store.has_workspace:
        progress = answers.visit(
            store.get(answers.PROGRESS, answers.PROGRESS_ID), chapter_id, page_id
        )
        if progress is not None:
            store.put(answers.PROGRESS, answers.PROGRESS_ID, progress)
    if not found.forms:
        return HttpResponse(_reading_page_html(request, program, found))
    records = store.all(answers.ANSWER)
    return _render_page(request, program, found, records, saved=request.GET.get("saved", ""))


def _reading_page_html(request, program, page) -> bytes:
    """A page without exercises is the same for every reader, with a session or without.

    Rendered once per language and kept as long as a live figure on it may stand unchanged.
    """
    key = f"program-page:{get_language()}:{page.chapter_id}:{page.id}"
    html = cache.get(key)
    if html is None:
        html = _render_page(request, program, page, {}).content
        cache.set(key, html, FIGURE_SECONDS)
    return html


@require_GET
def exercise(request, exercise_id):
    form = _program().form(exercise_id)
    if form is None:
        raise Http404
    return redirect(f"{_page_url(form.chapter_id, form.page_id)}#{form.id}")


@sensitive_post_parameters()
@require_POST
def exercise_answer(request, exercise_id):
    program = _program()
    form = program.form(exercise_id)
    if form is None:
        raise Http404
    submission = answers.read_form(form.questions, request.POST)
    store = store_for(request)
    if submission.errors:
        found = program.page(form.chapter_id, form.page_id)
        records = store.all(answers.ANSWER)
        return _render_page(request, program, found, records, submitted={form.id: submission})
    kept = store.all(answers.ANSWER)
    # Only what changed is written (an emptied answer as None, which deletes it), all at
    # once: a re-sent form costs no writes and duplicates nothing.
    changed = {
        question_id: value
        for question_id, value in submission.values.items()
        if kept.get(question_id) != value
    }
    store.write(answers.ANSWER, changed)
    return redirect(f"{_page_url(form.chapter_id, form.page_id)}?saved={form.id}#{form.id}")


@require_GET
def summary_print(request, summary_id):
    program = _program()
    summary = program.form(summary_id)
    if not isinstance(summary, model.SummaryForm):
        raise Http404
    records = store_for(request).all(answers.ANSWER)
    own = [(q, answers.display(q, records.get(q.id))) for q in summary.questions]
    return render(
        request,
        "program/summary_print.html",
        {
            "summary": summary,
            "gathered": answers.gathered(program, summary, records),
            "own": own,
            "page_url": f"{_page_url(summary.chapter_id, summary.page_id)}#{summary.id}",
        },
    )


@sensitive_post_parameters()
@require_http_methods(["GET", "POST"])
def self_check(request):
    check = _program().self_check
    fields, errors, empty = answers.fields(check.questions, {}), [], False
    if request.method == "POST":
        submission = answers.read_form(check.questions, request.POST)
        kept = selfcheck.entry(submission, timezone.localdate())
        empty = not submission.errors and not kept["answers"]
        if not submission.errors and not empty:
            store_for(request).put(selfcheck.KIND, kept["day"], kept)
            return redirect("program:self-check-results")
        fields, errors = submission.fields, submission.errors
    return render(
        request,
        "program/selfcheck_edit.html",
        {"check": check, "fields": fields, "errors": errors, "empty": empty, "scale": model.SCALE},
    )


@require_GET
def self_check_results(request):
    check = _program().self_check
    kept = selfcheck.entries(store_for(request).all(selfcheck.KIND))
    return render(
        request,
        "program/selfcheck_results.html",
        {
            "check": check,
            "days": [item["day"] for item in kept],
            "rows": selfcheck.table(check, kept),
            "crisis": selfcheck.needs_crisis_help(check, kept[-1] if kept else None),
        },
    )
