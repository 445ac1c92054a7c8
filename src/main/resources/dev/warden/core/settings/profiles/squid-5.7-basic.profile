# Squid 5.7 with basic_ncsa_auth, as captured in docs/proxy-captures/squid: every 407 kept alive
# (closed for an HTTP/1.0 request), Squid's error page and fields in Squid's order, Basic without charset.
name=Squid 5.7 (Basic)
about=Squid 5.7 asking for Basic: 407 kept alive, Squid's error page and fields, Basic without charset.
schemes=basic
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
