"""Checks the transparency log's artefacts with an independent implementation: Python's hashlib
and the `cryptography` package, written from RFC 9162 §2.1 and C2SP signed-note, sharing no code
with the service. Usage:
    verify_tlog.py <input.json>
input: {"vkeys": [...], "checkpoint": note, "inclusion": {leaf, index, treeSize, hashes},
        "consistency": {"old": note, "hashes": [...]}}
Prints one line per check ("... ok"); exits 1 on the first failure."""
import base64
import hashlib
import json
import sys

from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec

data = json.load(open(sys.argv[1]))


def fail(message):
    raise SystemExit(f"FAIL: {message}")


def node(left, right):
    return hashlib.sha256(b"\x01" + left + right).digest()


def parse_checkpoint(note):
    text, _, signatures = note.partition("\n\n")
    text += "\n"
    origin, size, root = text.split("\n")[:3]
    return text, origin, int(size), base64.b64decode(root), signatures.rstrip("\n").split("\n")


def verify_note(note):
    text, origin, size, root, lines = parse_checkpoint(note)
    keys = {}
    for vkey in data["vkeys"]:
        name, key_id, raw = vkey.split("+", 2)
        raw = base64.b64decode(raw)
        assert raw[0] == 0x02, "not an ECDSA verifier key"
        # C2SP signed-note type 0x02: key ID = SHA-256(SPKI DER)[:4].
        assert hashlib.sha256(raw[1:]).digest()[:4].hex() == key_id, "key ID mismatch"
        keys[(name, key_id)] = serialization.load_der_public_key(raw[1:])
    signed = set()
    for line in lines:
        dash, name, value = line.split(" ")
        assert dash == "\u2014"
        value = base64.b64decode(value)
        key = keys.get((name, value[:4].hex()))
        if key is None:
            continue
        key.verify(value[4:], text.encode(), ec.ECDSA(hashes.SHA256()))
        signed.add(name)
    if len(signed) != len(keys):
        fail(f"checkpoint of size {size} lacks a signature: signed by {sorted(signed)}")
    print(f"checkpoint {origin} size {size} both signatures ok")
    return size, root


def verify_inclusion(index, size, leaf_hash, path, root):
    # RFC 9162 §2.1.3.2
    fn, sn, r = index, size - 1, leaf_hash
    for p in path:
        if sn == 0:
            return False
        if fn & 1 or fn == sn:
            r = node(p, r)
            while not fn & 1 and fn != 0:
                fn >>= 1
                sn >>= 1
        else:
            r = node(r, p)
        fn >>= 1
        sn >>= 1
    return sn == 0 and r == root


def verify_consistency(first, second, first_root, second_root, path):
    # RFC 9162 §2.1.4.2
    if first == second:
        return not path and first_root == second_root
    if first & (first - 1) == 0:
        path = [first_root] + path
    fn, sn = first - 1, second - 1
    while fn & 1:
        fn >>= 1
        sn >>= 1
    fr = sr = path[0]
    for c in path[1:]:
        if sn == 0:
            return False
        if fn & 1 or fn == sn:
            fr, sr = node(c, fr), node(c, sr)
            while not fn & 1 and fn != 0:
                fn >>= 1
                sn >>= 1
        else:
            sr = node(sr, c)
        fn >>= 1
        sn >>= 1
    return sn == 0 and fr == first_root and sr == second_root


size, root = verify_note(data["checkpoint"])
inclusion = data["inclusion"]
leaf_hash = hashlib.sha256(b"\x00" + inclusion["leaf"].encode()).digest()
if inclusion["treeSize"] != size or not verify_inclusion(
    inclusion["index"], size, leaf_hash, [base64.b64decode(h) for h in inclusion["hashes"]], root
):
    fail(f"inclusion of entry {inclusion['index']}")
print(f"inclusion of entry {inclusion['index']} in size {size} ok")
old_size, old_root = verify_note(data["consistency"]["old"])
if not verify_consistency(old_size, size, old_root, root, [base64.b64decode(h) for h in data["consistency"]["hashes"]]):
    fail(f"consistency {old_size} -> {size}")
print(f"consistency {old_size} -> {size} ok")
