"""Staff for the survey tests: a researcher made with create_staff_user, signed in or not."""

import pytest
from django.urls import reverse


@pytest.fixture
def researcher(make_staff):
    return make_staff("rita", "research")


@pytest.fixture
def research_client(client, researcher):
    assert researcher.sign_in(client)["Location"] == reverse("staff-team")
    return client
