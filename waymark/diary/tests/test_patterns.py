"""The figures on the patterns page match a plain recount of the same entries."""

from datetime import date, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from waymark.diary import patterns
from waymark.diary.entries import ACTED, Entry
from waymark.diary.vocabulary import PARTS_OF_DAY, STABLE_IDS

FIRST_DAY = date(2025, 1, 1)
TODAY = date(2025, 6, 30)


def _entry(number, day, part, situation, emotions, urge, actions, other, acted, after):
    return Entry(
        id=f"entry-{number:04d}-abcdefghijk",
        day=FIRST_DAY + timedelta(days=day),
        part=part,
        situation=situation,
        emotions=tuple(emotions),
        urge=urge,
        actions=tuple(actions),
        action_other=other,
        acted=acted,
        urge_after=after,
    )


ONE_ENTRY = st.tuples(
    st.integers(0, 180),
    st.sampled_from(PARTS_OF_DAY),
    st.sampled_from([*STABLE_IDS["situations"], "other"]),
    st.sets(st.sampled_from(STABLE_IDS["emotions"]), max_size=4),
    st.integers(0, 10),
    st.sets(st.sampled_from(STABLE_IDS["actions"]), max_size=4),
    st.sampled_from(["", "drew a picture"]),
    st.sampled_from(ACTED),
    st.none() | st.integers(0, 10),
)
entries = st.lists(ONE_ENTRY, max_size=25).map(
    lambda drawn: [_entry(number, *values) for number, values in enumerate(drawn)]
)


@settings(max_examples=60, deadline=None)
@given(entries)
def test_situation_and_emotion_counts_match_a_recount(found):
    situations = patterns.common_situations(found)
    for situation, count in situations:
        assert count == sum(1 for e in found if e.situation == situation)
    assert sum(count for _s, count in situations) == len(found)
    emotions = patterns.common_emotions(found)
    assert {emotion for emotion, _c in emotions} == {em for e in found for em in e.emotions}
    for emotion, count in emotions:
        assert count == sum(1 for e in found if emotion in e.emotions)
    counts = [count for _e, count in emotions]
    assert counts == sorted(counts, reverse=True)


@settings(max_examples=60, deadline=None)
@given(entries)
def test_the_average_drop_after_each_action_matches_a_recount(found):
    effects = {effect.action: effect for effect in patterns.action_effects(found)}
    expected: dict[str, list[int]] = {}
    for entry in found:
        if entry.urge_after is None:
            continue
        done = list(entry.actions) + (["other"] if entry.action_other else [])
        for action in done:
            expected.setdefault(action, []).append(entry.urge - entry.urge_after)
    assert set(effects) == set(expected)
    for action, drops in expected.items():
        assert effects[action].entries == len(drops)
        assert abs(effects[action].average_drop - sum(drops) / len(drops)) < 1e-9
    ordered = [effect.average_drop for effect in patterns.action_effects(found)]
    assert ordered == sorted(ordered, reverse=True)


@settings(max_examples=60, deadline=None)
@given(entries)
def test_days_since_the_last_lapse_and_urge_over_time_match_a_recount(found):
    lapses = [e.day for e in found if e.acted in ("partly", "yes")]
    expected = (TODAY - max(lapses)).days if lapses else None
    assert patterns.days_since_last_lapse(found, TODAY) == expected
    points = patterns.urge_over_time(found)
    assert len(points) == len(found)
    keys = [(p.day, PARTS_OF_DAY.index(p.part)) for p in points]
    assert keys == sorted(keys)
    assert sorted(p.urge for p in points) == sorted(e.urge for e in found)


def test_a_lapse_noted_today_counts_zero_days_and_none_noted_counts_nothing():
    entry = Entry("entry-0000-abcdefghijk", TODAY, "night", "alone-at-home", 8, "yes")
    assert patterns.days_since_last_lapse([entry], TODAY) == 0
    calm = Entry("entry-0001-abcdefghijk", TODAY, "night", "alone-at-home", 8, "no")
    assert patterns.days_since_last_lapse([calm], TODAY) is None
