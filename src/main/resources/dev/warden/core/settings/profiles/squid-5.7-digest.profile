# Squid 5.7 with digest_file_auth, as captured in docs/proxy-captures/squid-digest: every 407 kept alive
# (closed for an HTTP/1.0 request), one Digest challenge: realm, nonce, qop="auth", stale=false (MD5).
name=Squid 5.7 (Digest)
about=Squid 5.7 asking for Digest: one MD5 challenge with realm, nonce, qop and stale=false; 407 kept alive, Squid's page.
schemes=digest
digestAlgorithms=MD5
fault=plainChallenges=true
fault=body=squid
fault=header=Server: squid/5.7
fault=header=Mime-Version: 1.0
fault=header=X-Squid-Error: ERR_CACHE_ACCESS_DENIED 0
fault=header=Vary: Accept-Language
fault=header=Content-Language: en
fault=header=X-Cache: MISS from warden
fault=header=X-Cache-Lookup: NONE from warden:3128
fault=header=Via: 1.1 warden (squid/5.7)
fault=headerOrder=Server,Mime-Version,Date,Content-Type,Content-Length,X-Squid-Error,Vary,Content-Language,Proxy-Authenticate,X-Cache,X-Cache-Lookup,Via,Connection
