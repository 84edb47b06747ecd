"""A person reads the program: contents, every page, previous and next, small and quick pages."""

import gzip
from html import escape

import pytest
from django.core.cache import cache
from django.test import Client

from waymark.program.content import program_for
from waymark.surveys.definitions import get_survey
from waymark.surveys.responses import new_token, record_response
from waymark.surveys.tests.helpers import after_the_hour

pytestmark = pytest.mark.django_db


def all_pages():
    program = program_for("en")
    return [(c.id, p.id) for c in program.chapters for p in c.pages]


def test_every_page_of_the_real_program_renders_with_its_links_resolved(client):
    for chapter_id, page_id in all_pages():
        response = client.get(f"/en/{chapter_id}/{page_id}/")
        assert response.status_code == 200, (chapter_id, page_id)
        html = response.text
        assert 'href="chapter:' not in html
        assert 'href="help:' not in html
        assert "<script" not in html
        assert "style=" not in html
        assert "http://" not in html.replace(response.wsgi_request.build_absolute_uri("/"), "")


def test_the_contents_list_every_chapter_with_reading_time_and_status(client):
    response = client.get("/en/")
    program = program_for("en")
    for chapter in program.chapters:
        assert escape(chapter.title) in response.text
    assert "minutes of reading" in response.text
    assert response.text.count("Not started") == len(program.chapters)
    assert "Start the program" in response.text


def test_a_chapter_opens_at_its_first_page_and_an_exercise_at_its_page(client):
    response = client.get("/en/why-people-use/")
    assert response["Location"] == "/en/why-people-use/what-lies-underneath/"
    response = client.get("/en/exercise/ex8-values/")
    assert response["Location"].endswith("#ex8-values")
    assert client.get("/en/exercise/no-such/").status_code == 404
    assert client.get("/en/why-people-use/no-such-page/").status_code == 404


def test_pages_link_to_the_previous_and_next_page_across_chapters(client):
    program = program_for("en")
    first, second = program.chapters[0], program.chapters[1]
    html = client.get(f"/en/{first.id}/{first.pages[-1].id}/").text
    assert f'href="/en/{second.id}/{second.pages[0].id}/"' in html
    assert 'rel="prev"' in html
    assert "What next" in html


def test_a_language_without_its_own_program_shows_the_english_texts_in_its_own_urls(
    client, settings
):
    settings.LANGUAGES = [*settings.LANGUAGES, ("de", "German")]
    response = client.get("/de/why-people-use/what-lies-underneath/")
    assert response.status_code == 200
    assert "What lies underneath" in response.text
    assert 'href="/de/' in response.text


def test_a_figure_shows_the_published_figure_with_its_source_and_n(client):
    html = client.get("/en/why-people-use/what-lies-underneath/").text
    assert "About 50 % of 1,360 respondents said they had sexual thoughts" in html
    assert "Source: Protect Children, Help us to help you survey, 2021, N = 1,360" in html
    assert "Waymark's own survey so far" not in html  # too few answers of its own yet


def test_the_survey_invitation_links_to_the_surveys(client):
    html = client.get("/en/why-people-use/what-lies-underneath/").text
    assert 'href="/en/surveys/motivation-to-change/"' in html


def test_the_largest_page_is_small_when_compressed(client):
    sizes = {}
    for chapter_id, page_id in all_pages():
        body = client.get(f"/en/{chapter_id}/{page_id}/").content
        sizes[(chapter_id, page_id)] = len(gzip.compress(body))
    largest = max(sizes, key=sizes.get)
    assert sizes[largest] <= 20 * 1024, (largest, sizes[largest])


def test_a_page_asks_only_for_its_stylesheet_and_icon(client):
    html = client.get("/en/why-people-use/risk-factors-and-yourself/").text
    assert html.count('rel="stylesheet"') == 1
    assert html.count('rel="icon"') == 1
    assert "<img" not in html
    assert "<script" not in html
    assert "<iframe" not in html


def test_a_page_with_live_figures_asks_the_database_only_now_and_then(
    client, django_assert_max_num_queries
):
    client.get("/en/why-people-use/what-lies-underneath/")
    with django_assert_max_num_queries(3):
        client.get("/en/why-people-use/what-lies-underneath/")


def test_once_enough_people_have_answered_waymark_s_own_figure_stands_beside_the_published_one(
    client, settings
):
    settings.WAYMARK_MIN_COUNT = 20
    page = "/en/why-people-use/what-lies-underneath/"
    assert "About 50 % of 1,360 respondents" in client.get(page).text
    survey = get_survey("help-us-help-you")
    for n in range(20):
        answer = {"q-before-thoughts": {"chosen": "yes" if n % 4 else "no"}}
        record_response(survey, "en", answer, new_token())
    after_the_hour()  # the first visitor after the hour gets them counted
    assert "About 50 % of 1,360 respondents" in client.get(page).text  # the page, minutes old
    cache.clear()  # as when those minutes have passed
    html = client.get(page).text
    start, end = html.index('id="fig-before-arousal"'), html.index('id="fig-before-masturbation"')
    figure = html[start:end]
    # The text credits the 2021 survey: its figure stays, with its own source and N.
    assert "About 50 % of 1,360 respondents said they had sexual thoughts" in figure
    assert "Source: Protect Children, Help us to help you survey, 2021, N = 1,360" in figure
    assert "about 75 % of 20 respondents said they had sexual thoughts" in figure
    assert "Source: “The way out: Waymark&#x27;s research survey”, Waymark" in figure
    assert "N = 20 (rounded" in figure


def test_a_reader_with_answers_gets_the_same_reading_page_as_everyone_cheaply(
    client, django_assert_max_num_queries
):
    client.post("/en/exercise/ex5-yourself/answer/", {"q5-describe": "Something"})
    page = "/en/why-people-use/what-lies-underneath/"
    assert client.cookies.get("wm_session")
    client.get(page)
    with django_assert_max_num_queries(2):  # the session and the progress record
        seen = client.get(page).content
    assert seen == Client().get(page).content
    form_page = "/en/why-people-use/risk-factors-and-yourself/"
    assert client.get(form_page).content != Client().get(form_page).content


@pytest.mark.parametrize(
    ("language", "title"),
    [("fi", "Waymarkin omahoito-ohjelma"), ("es", "Programa de autoayuda Waymark")],
)
def test_finnish_and_spanish_readers_get_the_program_in_their_own_language(client, language, title):
    assert title in client.get(f"/{language}/").text
    page = client.get(f"/{language}/why-people-use/risk-factors-and-yourself/").text
    assert 'name="q5-describe"' in page  # the same exercise ids, so answers carry over
    assert f'href="/{language}/' in page
