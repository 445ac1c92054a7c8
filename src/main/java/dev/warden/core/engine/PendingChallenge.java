package dev.warden.core.engine;

import io.netty.handler.codec.http.HttpResponse;
import java.util.List;

/**
 * A 407 on its way to the client and the fields LittleProxy would strip from it.
 *
 * @param response the very response object (matched by identity, so no other response is touched)
 * @param challenges Proxy-Authenticate values, in preference order
 * @param http10KeepAlive an HTTP/1.0 client asked for keep-alive: it must see it confirmed
 */
record PendingChallenge(HttpResponse response, List<String> challenges, boolean http10KeepAlive) {}
