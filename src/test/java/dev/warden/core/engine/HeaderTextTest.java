package dev.warden.core.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.buffer.ByteBuf;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpResponseEncoder;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class HeaderTextTest {

  @Test
  void putsTheSameBytesOnTheWireAsTheString() {
    // ASCII, Latin-1 (é) and a character beyond it (€), which Netty writes as '?' either way
    String value = "qop=auth, rspauth=\"0a1b\", cnonce=\"caf\u00e9 \u20ac\", nc=00000001";

    assertThat(encoded(HeaderText.of(value))).isEqualTo(encoded(value));
  }

  @Test
  void isRefusedLikeTheStringWhenItHoldsAControlCharacter() {
    String value = "qop=auth\r\nX-Injected: 1";

    assertThatThrownBy(() -> response().headers().add("Proxy-Authentication-Info", value))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () -> response().headers().add("Proxy-Authentication-Info", HeaderText.of(value)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private static FullHttpResponse response() {
    return new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK);
  }

  private static String encoded(CharSequence value) {
    FullHttpResponse response = response();
    response.headers().add("Proxy-Authentication-Info", value);
    EmbeddedChannel channel = new EmbeddedChannel(new HttpResponseEncoder());
    channel.writeOutbound(response);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (ByteBuf buf = channel.readOutbound(); buf != null; buf = channel.readOutbound()) {
      byte[] bytes = new byte[buf.readableBytes()];
      buf.readBytes(bytes);
      out.writeBytes(bytes);
      buf.release();
    }
    channel.finishAndReleaseAll();
    return out.toString(StandardCharsets.ISO_8859_1);
  }
}
