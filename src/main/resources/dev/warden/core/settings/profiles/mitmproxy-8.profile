# mitmproxy 8.1.1 with --proxyauth, as captured in docs/proxy-captures/mitmproxy: a bare 407 with its
# challenge and a lower-case content-length, kept alive (closed for an HTTP/1.0 request).
name=mitmproxy 8
about=mitmproxy 8: a bare 407 (challenge and lower-case content-length only), kept alive.
schemes=basic
fault=plainChallenges=true
fault=body=mitmproxy
fault=headerOrder=Proxy-Authenticate,content-length
