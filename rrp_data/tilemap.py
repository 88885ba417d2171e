"""Tile-grid map of Finland: one equal square per county, laid out roughly as the country (Lappi on top,
the Uusimaa counties and Helsinki at the bottom, Åland to the south-west). Keeps small urban counties as
readable as large rural ones on a shared screen. (column, row) per region_code; row 0 is the top."""

TILES: dict[str, tuple[int, int]] = {
    "21": (3, 0),  # Lappi
    "19": (2, 1),  # Pohjois-Pohjanmaa
    "20": (3, 1),  # Kainuu
    "17": (1, 2),  # Pohjanmaa
    "18": (2, 2),  # Keski-Pohjanmaa
    "13": (3, 2),  # Pohjois-Savo
    "14": (4, 2),  # Pohjois-Karjala
    "16": (2, 3),  # Etelä-Pohjanmaa
    "15": (3, 3),  # Keski-Suomi
    "12": (4, 3),  # Etelä-Savo
    "06": (1, 4),  # Satakunta
    "08": (2, 4),  # Pirkanmaa
    "09": (3, 4),  # Päijät-Häme
    "11": (4, 4),  # Etelä-Karjala
    "05": (1, 5),  # Varsinais-Suomi
    "07": (2, 5),  # Kanta-Häme
    "01": (3, 5),  # Itä-Uusimaa
    "10": (4, 5),  # Kymenlaakso
    "03": (1, 6),  # Länsi-Uusimaa
    "02": (2, 6),  # Keski-Uusimaa
    "04": (3, 6),  # Vantaa-Kerava
    "91": (0, 7),  # Ahvenanmaa
    "90": (2, 7),  # Helsinki
}
