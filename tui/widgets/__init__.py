"""The app's widgets, one class per module."""

from tui.widgets.actors_view import ActorsView
from tui.widgets.evidence_pane import EvidencePane
from tui.widgets.filter_bar import FilterBar
from tui.widgets.item_list import ItemList
from tui.widgets.key_footer import KeyFooter
from tui.widgets.panes import Panes
from tui.widgets.picker_list import PickerList
from tui.widgets.quotes_view import QuotesView
from tui.widgets.review_view import ReviewView
from tui.widgets.search_bar import SearchBar
from tui.widgets.time_strip import TimeStrip
from tui.widgets.timeline_view import TimelineView

__all__ = [
    "ActorsView",
    "EvidencePane",
    "FilterBar",
    "ItemList",
    "KeyFooter",
    "Panes",
    "PickerList",
    "QuotesView",
    "ReviewView",
    "SearchBar",
    "TimeStrip",
    "TimelineView",
]
