"""64-bit perceptual hashes as plain integers: hex form, signed storage form, distance."""

from __future__ import annotations

_SIGN = 1 << 63
_SPAN = 1 << 64


def to_hex(value: int) -> str:
    """The 16-hex-digit form of an unsigned 64-bit hash."""
    return f"{value & (_SPAN - 1):016x}"


def from_hex(text: str) -> int:
    """Parse a 16-hex-digit hash into an unsigned integer."""
    value = int(text, 16)
    if not 0 <= value < _SPAN:
        raise ValueError(f"{text!r} is not a 64-bit hash")
    return value


def to_signed(value: int) -> int:
    """Map an unsigned 64-bit hash to the signed range SQLite INTEGER holds."""
    return value - _SPAN if value >= _SIGN else value


def from_signed(value: int) -> int:
    """Inverse of to_signed."""
    return value + _SPAN if value < 0 else value


def distance(a: int, b: int) -> int:
    """Hamming distance between two 64-bit hashes."""
    return ((a ^ b) & (_SPAN - 1)).bit_count()


def pack_hashes(values: tuple[int, ...]) -> bytes:
    """64-bit hashes as 8 big-endian bytes each (their storage form)."""
    return b"".join(v.to_bytes(8, "big") for v in values)


def unpack_hashes(blob: bytes | None) -> tuple[int, ...]:
    if not blob:
        return ()
    return tuple(int.from_bytes(blob[i : i + 8], "big") for i in range(0, len(blob), 8))
