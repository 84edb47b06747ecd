def test_the_privacy_page_says_what_is_never_stored_and_how_long_things_last(client, settings):
    settings.WAYMARK_WORKSPACE_RETENTION_DAYS = 90
    page = client.get("/en/help/privacy/").text
    assert "Your IP address" in page
    assert "not opened for 90 days is deleted" in page
    assert 'id="your-device"' in page
