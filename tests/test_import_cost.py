"""What importing the core costs every process (each CLI command, the bot, the tests'
subprocesses): packages only some paths need are imported where they are needed."""

from __future__ import annotations

import subprocess
import sys

from tests.conftest import PROJECT_ROOT


def test_the_core_imports_no_web_page_or_numeral_package_until_used():
    code = (
        "import sys, bot.library\n"
        "late = ('cn2an', 'proces', 'trafilatura', 'htmldate')\n"
        "print(sorted(m for m in late if m in sys.modules))\n"
        "from bot.targets.numbers.cn_numerals import cn_to_number\n"
        "assert cn_to_number('三百零五') == 305 and 'cn2an' in sys.modules\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=120, cwd=PROJECT_ROOT
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "[]"
