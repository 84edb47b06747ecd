"""Workspaces: create, keep with a passphrase, open, fill, end. No request, no template.

Callers hold an `Unlocked` (workspace id and data key) only inside the sealed session.
"""

import contextlib
import os
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, timedelta

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.debug import sensitive_variables

from waymark import crypto
from waymark.web.derivations import Busy, derive
from waymark.workspace import passphrase, records
from waymark.workspace.models import SealedRecord, SessionRecord, Workspace
from waymark.workspace.sessions import row_id

# How many sessions' tags a workspace remembers; older sessions have long expired.
SESSION_TAGS_KEPT = 20


@dataclass(frozen=True)
class Unlocked:
    workspace_id: str
    data_key: bytes


def today() -> date:
    return timezone.now().date()


def current_params() -> crypto.KdfParams:
    return crypto.KdfParams(
        memory_kib=settings.WAYMARK_ARGON2_MEMORY_KIB,
        iterations=settings.WAYMARK_ARGON2_ITERATIONS,
        lanes=settings.WAYMARK_ARGON2_LANES,
    )


def _wrap_ad(workspace_id: str, params: crypto.KdfParams) -> bytes:
    # The parameters are bound too: lowering them in the database breaks the wrap.
    return crypto.bound_to(
        "waymark data key v2", workspace_id, params.memory_kib, params.iterations, params.lanes
    )


def _wrap_ad_v1(workspace_id: str, params: crypto.KdfParams) -> bytes:
    """How keys kept before version 2 were bound; they are wrapped again on their next open."""
    return repr(("waymark data key v1", workspace_id, sorted(params.as_dict().items()))).encode()


def _lookup(normalised: str) -> str:
    return crypto.lookup_id(normalised, settings.WAYMARK_LOOKUP_PEPPER)


def new_workspace() -> Unlocked:
    day = today()
    workspace = Workspace.objects.create(created=day, last_used=day)
    return Unlocked(workspace.id, crypto.new_key())


@sensitive_variables()
def _wrapped(workspace_id: str, normalised: str, data_key: bytes) -> dict:
    """The Workspace fields that keep the data key under the passphrase, at today's cost
    and under a fresh salt. Raises Busy when no derivation may start."""
    params = current_params()
    salt = os.urandom(crypto.SALT_BYTES)
    kek = derive(crypto.derive_kek, normalised, salt, params)
    return {
        "wrapped_key": crypto.seal(kek, data_key, _wrap_ad(workspace_id, params)),
        "kdf_salt": salt,
        "kdf_params": params.as_dict(),
    }


@sensitive_variables()
def keep(unlocked: Unlocked, typed_passphrase: str) -> bool:
    """Wrap the data key under the passphrase, so the workspace outlives the session.

    Raises Busy when no derivation may start. False if the workspace is gone.
    """
    normalised = passphrase.normalise(typed_passphrase)
    wrapped = _wrapped(unlocked.workspace_id, normalised, unlocked.data_key)
    return bool(
        Workspace.objects.filter(id=unlocked.workspace_id).update(
            lookup=_lookup(normalised), last_used=today(), **wrapped
        )
    )


@sensitive_variables()
def unlock(typed_passphrase: str) -> Unlocked | None:
    """The workspace a passphrase opens, or None. Raises Busy.

    The lookup id is derived from the whole passphrase, so a passphrase either finds its own
    workspace or none: there is no workspace that a wrong passphrase finds and fails to open.
    A passphrase that finds none is answered at once, with no key derivation; its timing says
    only what the answer says. So a flood of guesses costs the server an HMAC each and takes
    no place in the derivation line. A workspace kept at a lower cost than the settings now
    ask for is wrapped again at that cost: one more derivation, only then.
    """
    normalised = passphrase.normalise(typed_passphrase)
    workspace = Workspace.objects.filter(lookup=_lookup(normalised)).first()
    if workspace is None:
        return None
    wrapped, salt, kdf_params = workspace.wrapped_key, workspace.kdf_salt, workspace.kdf_params
    # A workspace found by its lookup id was kept with all three.
    if wrapped is None or salt is None or not kdf_params:
        return None
    params = crypto.KdfParams.from_dict(kdf_params)
    kek = derive(crypto.derive_kek, normalised, bytes(salt), params)
    changes: dict[str, object] = {} if workspace.last_used == today() else {"last_used": today()}
    wrapped = bytes(wrapped)
    try:
        data_key = crypto.open_sealed(kek, wrapped, _wrap_ad(workspace.id, params))
    except crypto.InvalidTag:
        try:
            data_key = crypto.open_sealed(kek, wrapped, _wrap_ad_v1(workspace.id, params))
        except crypto.InvalidTag:
            return None
        changes["wrapped_key"] = crypto.seal(kek, data_key, _wrap_ad(workspace.id, params))
    if params.below(current_params()):
        # Kept when the cost was lower: with the passphrase at hand, wrap the same data key
        # again at today's cost, so raising the settings protects old workspaces too. When
        # no derivation may start now, opening still succeeds and the next open does it.
        with contextlib.suppress(Busy):
            changes.update(_wrapped(workspace.id, normalised, data_key))
    if changes:
        Workspace.objects.filter(id=workspace.id).update(**changes)
    return Unlocked(workspace.id, data_key)


def write_records(unlocked: Unlocked, kind: str, changes: Mapping[str, dict | None]) -> bool:
    """Write or replace records of one kind, and delete those whose value is None.

    One transaction and a fixed number of queries however many records change: one bulk
    upsert for the writes, one delete. False if the workspace no longer exists.
    """
    key, workspace_id = unlocked.data_key, unlocked.workspace_id
    rows, gone = [], []
    for record_id, value in changes.items():
        if value is None:
            gone.append(records.tags(key, kind, record_id)[1])
            continue
        ktag, rtag, sealed = records.seal_record(key, workspace_id, kind, record_id, value)
        rows.append(
            SealedRecord(
                workspace_id=workspace_id,
                kind=ktag,
                record_id=rtag,
                sealed=sealed,
                version=records.RECORD_VERSION,
            )
        )
    with transaction.atomic():
        if not Workspace.objects.filter(id=workspace_id).update(last_used=today()):
            return False
        if rows:
            SealedRecord.objects.bulk_create(
                rows,
                update_conflicts=True,
                unique_fields=["workspace", "kind", "record_id"],
                update_fields=["sealed", "version"],
            )
        if gone:
            SealedRecord.objects.filter(
                workspace_id=workspace_id,
                kind=records.kind_tag(key, kind),
                record_id__in=gone,
            ).delete()
    return True


def _open(unlocked: Unlocked, row: SealedRecord) -> tuple[str, str, dict]:
    return records.open_record(
        unlocked.data_key,
        unlocked.workspace_id,
        row.kind,
        row.record_id,
        row.version,
        bytes(row.sealed),
    )


def get_record(unlocked: Unlocked, kind: str, record_id: str) -> dict | None:
    ktag, rtag = records.tags(unlocked.data_key, kind, record_id)
    row = SealedRecord.objects.filter(
        workspace_id=unlocked.workspace_id, kind=ktag, record_id=rtag
    ).first()
    return None if row is None else _open(unlocked, row)[2]


def all_records(unlocked: Unlocked, kind: str) -> dict[str, dict]:
    rows = SealedRecord.objects.filter(
        workspace_id=unlocked.workspace_id, kind=records.kind_tag(unlocked.data_key, kind)
    )
    found = {}
    for row in rows:
        _, record_id, value = _open(unlocked, row)
        found[record_id] = value
    return found


def move_records(source: Unlocked, target: Unlocked) -> None:
    """Carry what a person answered before opening a workspace into it, then end the
    source. A record in both keeps the newer answer, the one just given."""
    with transaction.atomic():
        by_kind: dict[str, dict[str, dict]] = {}
        for row in SealedRecord.objects.filter(workspace_id=source.workspace_id):
            kind, record_id, value = _open(source, row)
            by_kind.setdefault(kind, {})[record_id] = value
        for kind, values in by_kind.items():
            write_records(target, kind, values)
        Workspace.objects.filter(id=source.workspace_id, lookup__isnull=True).delete()


def _key_pair_ad(workspace_id: str, public: bytes) -> bytes:
    return crypto.bound_to("waymark workspace key pair v1", workspace_id, public)


def _key_pair_key(unlocked: Unlocked) -> bytes:
    return crypto.subkey(unlocked.data_key, "waymark workspace key pair v1")


def key_pair(unlocked: Unlocked, workspace: Workspace | None = None) -> tuple[bytes, bytes] | None:
    """The workspace's own (private, public) X25519 key pair, made on first use; None if the
    workspace is gone.

    What is sealed to the public half while the person is away (a reply) opens only with the
    private half, which is sealed under the data key. Pass the Workspace row when the caller
    has it, to spare a query. Raises crypto.InvalidTag if the sealed half was tampered with.
    """
    if workspace is None:
        workspace = Workspace.objects.filter(id=unlocked.workspace_id).first()
        if workspace is None:
            return None
    if workspace.public_key is None or workspace.sealed_private_key is None:
        private, public = crypto.new_key_pair()
        sealed = crypto.seal(_key_pair_key(unlocked), private, _key_pair_ad(workspace.id, public))
        made = Workspace.objects.filter(id=workspace.id, public_key__isnull=True).update(
            public_key=public, sealed_private_key=sealed
        )
        # Nothing updated: another request made the pair first, or the workspace is gone.
        return (private, public) if made else key_pair(unlocked)
    public = bytes(workspace.public_key)
    private = crypto.open_sealed(
        _key_pair_key(unlocked),
        bytes(workspace.sealed_private_key),
        _key_pair_ad(workspace.id, public),
    )
    return private, public


def _session_tag(unlocked: Unlocked, session_row_id: str) -> str:
    return crypto.keyed_tag(unlocked.data_key, "session", session_row_id)


def attach_session(unlocked: Unlocked, session_key: str) -> None:
    """Remember (as a keyed tag) that this session opened the workspace."""
    with transaction.atomic():
        workspace = Workspace.objects.select_for_update().filter(id=unlocked.workspace_id).first()
        if workspace is None:
            return
        tag = _session_tag(unlocked, row_id(session_key))
        workspace.session_tags = [*workspace.session_tags, tag][-SESSION_TAGS_KEPT:]
        workspace.save(update_fields=["session_tags"])


def destroy(unlocked: Unlocked) -> None:
    """Delete the workspace, every record and every session that opened it, at once.

    With the rows gone (and SQLite's secure_delete overwriting them) the data key is the
    only copy left, in sessions that no longer exist: nothing can be opened again.
    """
    with transaction.atomic():
        workspace = Workspace.objects.filter(id=unlocked.workspace_id).first()
        if workspace is None:
            return
        tags = set(workspace.session_tags)
        if tags:
            ended = [
                rid
                for rid in SessionRecord.objects.values_list("id", flat=True)
                if _session_tag(unlocked, rid) in tags
            ]
            SessionRecord.objects.filter(id__in=ended).delete()
        workspace.delete()


def expire(on: date | None = None) -> tuple[int, int]:
    """Delete saved workspaces unused for the retention period, and unsaved ones whose
    session must have ended (a session lasts at most 12 hours, so any from before
    yesterday). Returns (saved, unsaved) counts."""
    day = on or today()
    cutoff = day - timedelta(days=settings.WAYMARK_WORKSPACE_RETENTION_DAYS)
    with transaction.atomic():
        saved = Workspace.objects.filter(lookup__isnull=False, last_used__lt=cutoff)
        saved_count = saved.count()
        saved.delete()
        unsaved = Workspace.objects.filter(
            lookup__isnull=True, last_used__lt=day - timedelta(days=1)
        )
        unsaved_count = unsaved.count()
        unsaved.delete()
    return saved_count, unsaved_count


def expire_daily() -> str:
    """The daily job (settings.WAYMARK_DAILY_JOBS)."""
    saved, unsaved = expire()
    return f"deleted {saved} unused saved and {unsaved} unsaved workspaces"


def counts() -> list[tuple[str, int]]:
    """For the operator page (settings.WAYMARK_OPERATOR_COUNTS): totals only."""
    return [
        (_("Saved workspaces"), Workspace.objects.filter(lookup__isnull=False).count()),
        (_("Unsaved workspaces"), Workspace.objects.filter(lookup__isnull=True).count()),
        (_("Sessions, ended ones until the daily run"), SessionRecord.objects.count()),
    ]
