# Warden's own behaviour: RFC 9110/9112 and RFC 7617 to the letter, no fault knob set.
name=Strict RFC
about=Warden's own default: framed 407s kept alive, one Proxy-Authenticate field per challenge, Basic with charset.
schemes=basic
digestAlgorithms=SHA-256,MD5
