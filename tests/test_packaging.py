"""What `pip install .` installs: every package and the data files the app needs at run time."""

import os
import subprocess
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PACKAGES = ("cli", "extract", "store", "publish", "tui", "seeds")
# Seeds, styles, and the word lists and tables of extract/lang/<language>/.
DATA_SUFFIXES = {".tcss", ".txt", ".tsv"}


def test_the_wheel_holds_every_module_the_seeds_the_styles_and_the_words(tmp_path):
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            str(ROOT),
            "--no-deps",
            "--no-build-isolation",
            "--quiet",
            "--wheel-dir",
            str(tmp_path),
        ],
        check=True,
        capture_output=True,
        cwd=tmp_path,
    )
    (wheel,) = tmp_path.glob("chronicle-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    expected = {
        path.relative_to(ROOT).as_posix()
        for package in PACKAGES
        for path in (ROOT / package).rglob("*")
        if path.suffix in {".py", *DATA_SUFFIXES} and "__pycache__" not in path.parts
    }
    assert any(name.startswith("extract/lang/en/") for name in expected)
    assert expected - names == set()

    # Installed from the wheel, the extractor reads its words from the installed files.
    target = tmp_path / "installed"
    zipfile.ZipFile(wheel).extractall(target)
    probe = (
        "import extract.names, extract.vocabulary, extract.lang; "
        "print(extract.lang.__file__); "
        "print(len(extract.vocabulary.COUNTRY_NAMES), len(extract.names.GIVEN_NAMES_CENSUS))"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe],
        check=True,
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env={**os.environ, "PYTHONPATH": str(target)},
    )
    where, counts = result.stdout.splitlines()
    assert Path(where).is_relative_to(target)
    assert all(int(count) > 100 for count in counts.split())
