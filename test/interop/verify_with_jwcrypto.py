"""Verifies a credential's and a QR token's signatures with jwcrypto, an independent JOSE
implementation, fetching keys by kid from the service's JWKS. Usage:
    verify_with_jwcrypto.py <jwks.json> <credential.json> <token-file>
Prints one line per signature: "<form> <kid> ok"; exits 1 on any failure."""
import json
import sys

from jwcrypto import jwk, jws

jwks = jwk.JWKSet.from_json(open(sys.argv[1]).read())
credential = json.load(open(sys.argv[2]))
token = open(sys.argv[3]).read().strip()


def check(form, protected, payload, signature):
    header = json.loads(jws.base64url_decode(protected))
    key = jwks.get_key(header["kid"])
    if key is None:
        raise SystemExit(f"{form}: kid {header['kid']} not in the JWKS")
    compact = f"{protected}.{payload}.{signature}"
    verifier = jws.JWS()
    verifier.deserialize(compact)
    verifier.verify(key, alg="ES256")
    print(f"{form} {header['kid']} ok")


for entry in credential["signatures"]:
    check("credential", entry["protected"], credential["payload"], entry["signature"])

first, second = token.split("~")
h1, payload, s1 = first.split(".")
h2, empty, s2 = second.split(".")
assert empty == "", "the second signature must have a detached payload"
check("token", h1, payload, s1)
check("token", h2, payload, s2)
