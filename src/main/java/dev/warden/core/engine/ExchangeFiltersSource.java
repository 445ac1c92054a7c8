package dev.warden.core.engine;

import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.HttpRequest;
import org.littleshoot.proxy.HttpFilters;
import org.littleshoot.proxy.HttpFiltersSourceAdapter;

/**
 * Gives LittleProxy one {@link ExchangeFilters} per request the {@link WardenStage} let through,
 * tied to that request's draft. Called on client event loops; never blocks.
 *
 * <p>Buffer sizes stay 0: a positive size would make LittleProxy aggregate and decompress whole
 * bodies in memory and answer oversize ones with 502/413. The stage samples bodies as chunks pass.
 */
final class ExchangeFiltersSource extends HttpFiltersSourceAdapter {

  @Override
  public HttpFilters filterRequest(HttpRequest originalRequest, ChannelHandlerContext ctx) {
    ExchangeDraft draft = ctx.channel().attr(ExchangeDraft.CURRENT).get();
    WardenStage stage = (WardenStage) ctx.pipeline().get(WardenStage.NAME);
    if (draft == null || stage == null) {
      return null;
    }
    return new ExchangeFilters(originalRequest, ctx, draft, stage);
  }
}
