"""The run's progress bar: drawn on stderr, never on stdout (where --json goes)."""

from __future__ import annotations

import pytest

from flows.progress import progress_bar


@pytest.mark.parametrize("enabled,shown", [(True, True), (False, False)])
def test_progress_goes_to_stderr_only(capsys, enabled: bool, shown: bool):
    with progress_bar(5, enabled) as advance:
        advance(2)
        advance(3)
    out, err = capsys.readouterr()
    assert out == ""
    assert ("5/5" in err and "articles" in err) is shown
