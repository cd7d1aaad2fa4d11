"""The suite's heavy tests are handed out first (tests/conftest.py)."""

from __future__ import annotations

from tests.conftest import heavy_first

pytest_plugins = ("pytester",)


def test_heavy_tests_are_collected_first_and_the_rest_keep_their_order(pytester):
    pytester.makeini("[pytest]\nmarkers =\n    heavy: slow\n")
    pytester.makeconftest(
        "from tests.conftest import pytest_collection_modifyitems  # noqa: F401\n"
    )
    pytester.makepyfile(
        test_a="import pytest\n"
        "def test_one(): pass\n"
        "@pytest.mark.heavy\n"
        "def test_two(): pass\n"
        "def test_three(): pass\n",
        test_b="import pytest\npytestmark = pytest.mark.heavy\ndef test_four(): pass\n",
    )
    result = pytester.runpytest("--collect-only", "-q", "-p", "no:cacheprovider")
    ids = [line for line in result.outlines if "::" in line]
    assert ids == [
        "test_a.py::test_two",
        "test_b.py::test_four",
        "test_a.py::test_one",
        "test_a.py::test_three",
    ]


def test_the_runs_marked_tests_come_first(request):
    """Whatever this run collected (the whole suite under ./test.sh): heavy ones first."""
    items = request.session.items
    heavy = [i for i, item in enumerate(items) if item.get_closest_marker("heavy")]
    assert heavy == list(range(len(heavy)))
    assert heavy_first(list(items)) == list(items)
