"""A workspace's own key pair: what is sealed to it while the person is away opens only in
their open workspace (the data key opens the private half)."""

import pytest

from waymark import crypto
from waymark.workspace import workspaces
from waymark.workspace.models import Workspace

pytestmark = pytest.mark.django_db


def test_the_key_pair_is_made_once_and_opens_with_the_data_key_alone():
    unlocked = workspaces.new_workspace()
    assert Workspace.objects.get().public_key is None
    private, public = workspaces.key_pair(unlocked)
    assert workspaces.key_pair(unlocked) == (private, public)
    row = Workspace.objects.get()
    assert bytes(row.public_key) == public
    assert private not in bytes(row.sealed_private_key)
    sealed = crypto.seal_to(public, b"a reply written while they were away", b"here")
    assert (
        crypto.open_sealed_to(private, sealed, b"here") == b"a reply written while they were away"
    )


def test_another_workspace_or_a_wrong_data_key_opens_nothing():
    mine, theirs = workspaces.new_workspace(), workspaces.new_workspace()
    _, public = workspaces.key_pair(mine)
    their_private, _ = workspaces.key_pair(theirs)
    sealed = crypto.seal_to(public, b"for mine only", b"here")
    with pytest.raises(crypto.InvalidTag):
        crypto.open_sealed_to(their_private, sealed, b"here")
    impostor = workspaces.Unlocked(mine.workspace_id, crypto.new_key())
    with pytest.raises(crypto.InvalidTag):
        workspaces.key_pair(impostor)


def test_a_private_half_moved_to_another_workspace_does_not_open():
    first, second = workspaces.new_workspace(), workspaces.new_workspace()
    workspaces.key_pair(first)
    workspaces.key_pair(second)
    row = Workspace.objects.get(id=first.workspace_id)
    Workspace.objects.filter(id=second.workspace_id).update(
        public_key=row.public_key, sealed_private_key=row.sealed_private_key
    )
    with pytest.raises(crypto.InvalidTag):
        workspaces.key_pair(workspaces.Unlocked(second.workspace_id, first.data_key))


def test_a_deleted_workspace_has_no_key_pair():
    unlocked = workspaces.new_workspace()
    workspaces.destroy(unlocked)
    assert workspaces.key_pair(unlocked) is None
