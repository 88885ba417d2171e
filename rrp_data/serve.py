"""Start the dashboard: ``python -m rrp_data.serve [streamlit options]`` is ``streamlit run app.py [options]``
with one difference: it tells Streamlit, before the first session, that ``pages/`` is not a legacy (v1)
multipage folder. Navigation is ``st.navigation``'s (app.py); without this, the very first visitor after a
server start who opens a deep link (e.g. /edistyminen) would get Streamlit's file-based navigation instead.
app.py sets the same flag for every later run, so plain ``streamlit run app.py`` works too after one visit.
"""

from __future__ import annotations

import sys

from streamlit.runtime.pages_manager import PagesManager
from streamlit.web import cli

from .paths import ROOT


def main(argv: list[str] | None = None) -> None:
    PagesManager.uses_pages_directory = False
    sys.argv = ["streamlit", "run", str(ROOT / "app.py"), *(sys.argv[1:] if argv is None else argv)]
    cli.main()


if __name__ == "__main__":
    main()
