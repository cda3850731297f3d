"""The example vendors: each listed-party variant is found, no clean vendor is flagged."""

from __future__ import annotations

import pytest

from sanctions_screen import DEFAULT_THRESHOLD, app
from sanctions_screen.models import ScreeningOptions

from .conftest import EXAMPLES

# vendor id -> the OFAC entry its name is a variant of
EXPECTED = {
    "V-1002": "35754",  # Zil-M LLC -> ZEEL - M CO., LTD.
    "V-1004": "35753",  # OOO Apollon -> APOLLON OOO
    "V-1007": "35757",  # Alexander Gayevoy -> GAYEVOY, Aleksandr Andreyevich
    "V-1009": "23516",  # Pak Gwang-hun -> PAK, Kwang Hun
    "V-1012": "35758",  # RK Breeze LLC -> RK BRIZ, OOO
    "V-1014": "35756",  # Aleksandr A. Chasovnikov
    "V-1016": "36296",  # Unchon Trading Corp.
    "V-1019": "37517",  # Far Eastern Bank JSC
    "V-1024": "40202",  # Funsaga Pte. Ltd.
    "V-1027": "37878",  # Kwek Kee Seng
    "V-1030": "39358",  # Anfasar Trading Pte Ltd
    "V-1032": "39356",  # New Eastern Shipping Company Limited
    "V-1035": "40201",  # Deepak Jadhav
    "V-1040": "27209",  # Choe Myong-hyon
    "V-1041": "40203",  # Kinoatis LLC
}


@pytest.mark.parametrize("filename", ["vendors.csv", "vendors.yaml"])
def test_example_vendors(filename):
    loaded = app.load([])
    (batch,) = app.read_inputs([str(EXAMPLES / filename)], None, None)
    report = app.screen(
        loaded, batch.counterparties, ScreeningOptions(threshold=DEFAULT_THRESHOLD, top=5)
    )
    flagged = {r.counterparty.id: r.hits[0].entry.id for r in report.results if r.hits}
    assert flagged == EXPECTED
    assert len(report.results) - len(flagged) >= 25  # many clean vendors, none flagged
