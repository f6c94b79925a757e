"""How a typed council name is reduced before it is compared with the register's area names."""

import pytest

from councils.selectors import council_name_key


@pytest.mark.parametrize(
    ("typed", "key"),
    [
        ("Dorset", "dorset"),
        ("dorset council", "dorset"),
        ("  DORSET   Council ", "dorset"),
        ("Kingston upon Hull City Council", "kingston upon hull"),
        ("Kingston upon Hull, City of", "kingston upon hull"),
        ("Herefordshire, County of", "herefordshire"),
        ("London Borough of Camden", "camden"),
        ("Royal Borough of Kensington & Chelsea", "kensington and chelsea"),
        ("King's Lynn and West Norfolk Borough Council", "kings lynn and west norfolk"),
        ("Newcastle-under-Lyme", "newcastle under lyme"),
        ("Council", "council"),  # a name is never reduced to nothing
    ],
)
def test_a_typed_name_is_reduced_to_the_area_it_names(typed, key):
    assert council_name_key(typed) == key


def test_the_registers_own_leading_words_can_be_kept():
    assert council_name_key("City of London", prefixes=False) == "city of london"
    assert council_name_key("City of London") == "london"
