# A proxy in a Windows domain (Forefront TMG, ISA, or any proxy behind IIS-style authentication):
# Negotiate first, then NTLM, then Basic, each challenge a field of its own, every 407 kept alive so
# the NTLM handshake can run on one connection. Not from a capture: the schemes and their order are
# what such proxies offer; Negotiate accepts NTLM inside SPNEGO (Kerberos is not emulated).
name=Windows proxy (Negotiate, NTLM, Basic)
about=A Windows-domain proxy: Negotiate, NTLM and Basic offered in that order, 407s kept alive for the NTLM handshake.
schemes=negotiate,ntlm,basic
fault=header=Via: 1.1 WARDEN
