def test_the_privacy_page_says_what_is_never_stored_and_how_long_things_last(client, settings):
    settings.WAYMARK_WORKSPACE_RETENTION_DAYS = 90
    page = client.get("/en/help/privacy/").text
    assert "Your IP address" in page
    assert "not opened for 90 days is deleted" in page
    assert 'id="your-device"' in page


def test_the_privacy_page_says_how_survey_answers_are_kept_and_sealed(client, settings):
    settings.WAYMARK_MIN_COUNT = 50
    page = client.get("/en/help/privacy/").text
    assert "only members of the research team can read it" in page
    assert "never come from fewer than 50 people" in page
    assert "carries that hour" in page
    assert "delete this site&#x27;s cookies" in page or "delete this site's cookies" in page


def test_where_people_can_write_to_counsellors_the_page_says_what_that_stores(client, settings):
    settings.WAYMARK_COUNSEL_ENABLED = False
    assert 'id="messages"' not in client.get("/en/help/privacy/").text
    settings.WAYMARK_COUNSEL_ENABLED = True
    page = client.get("/en/help/privacy/").text
    assert "each message is stored twice, sealed both times" in page
    assert "someone who had taken over the server could read new messages" in page
