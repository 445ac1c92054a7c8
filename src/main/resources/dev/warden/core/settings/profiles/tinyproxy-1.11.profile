# tinyproxy 1.11.1 with BasicAuth, as captured in docs/proxy-captures/tinyproxy: every refusal is
# HTTP/1.0, close-delimited and closed; credentials that fail get 401 with WWW-Authenticate.
name=tinyproxy 1.11
about=tinyproxy 1.11: HTTP/1.0 refusals ended by closing the connection, and 401 WWW-Authenticate for wrong credentials.
schemes=basic
fault=version=1.0
fault=connection=close-delimited
fault=status=401
fault=body=tinyproxy
fault=plainChallenges=true
fault=header=Server: tinyproxy/1.11.1
fault=headerOrder=Server,Content-Type,Proxy-Authenticate,Connection
