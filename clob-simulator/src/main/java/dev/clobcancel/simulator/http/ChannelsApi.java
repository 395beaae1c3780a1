package dev.clobcancel.simulator.http;

import dev.clobcancel.simulator.faults.ChannelFaultRule;
import dev.clobcancel.simulator.faults.ChannelFaults;
import dev.clobcancel.simulator.ws.Channels;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.List;

/**
 * The admin API of the WebSocket channels under {@code /_sim/ws}: their connections, dropping
 * them now, and the channels' fault rules ({@code /_sim/ws/faults}: drop, delay, lose, no-pong).
 */
final class ChannelsApi {

    private final Channels channels;
    private final ChannelFaults faults;

    ChannelsApi(SimulatorBackend state) {
        this.channels = state.channels();
        this.faults = state.channelFaults();
    }

    /** On the admin sub-router: the paths are under {@code /_sim}. */
    void mount(Router router) {
        router.get("/ws").handler(Replies.guarded(ctx -> Replies.json(ctx, 200, statusJson())));
        router.post("/ws/drop").handler(Replies.guarded(this::drop));
        router.post("/ws/faults").handler(Replies.guarded(ctx ->
                Replies.json(ctx, 201, new FaultsApi.Installed(faults.add(
                        WireJson.read(Replies.body(ctx), AdminBodies.ChannelFaultBody.class).rule())))));
        router.get("/ws/faults").handler(Replies.guarded(ctx -> Replies.json(ctx, 200, faultsJson())));
        router.delete("/ws/faults").handler(Replies.guarded(ctx -> {
            faults.clear();
            ctx.response().setStatusCode(204).end();
        }));
        router.delete("/ws/faults/:id").handler(Replies.guarded(ctx -> {
            if (!faults.remove(ctx.pathParam("id"))) {
                throw RequestRefused.notFound("no channel fault " + ctx.pathParam("id"));
            }
            ctx.response().setStatusCode(204).end();
        }));
    }

    /** The channels' connections, subscriptions and the buffer limit of a connection. */
    record ChannelsAnswer(int connections, int subscriptions, int bufferLimit) {
    }

    /** {@code {"channel": "user"|"market"}}: the channel to drop, both when absent. */
    record DropBody(String channel) {
    }

    record Dropped(int dropped) {
    }

    /** An installed channel fault rule, with the times it has left. */
    record ChannelFaultAnswer(String id, String action, String channel, String apiKey, Integer times, long delayMs, Double probability) {
    }

    private ChannelsAnswer statusJson() {
        return new ChannelsAnswer(channels.connections(), channels.subscriptions(), channels.bufferLimit());
    }

    /** {@code {"channel": "user"|"market"}} (or no body: both) drops those connections now, without a close frame. */
    private void drop(RoutingContext ctx) {
        byte[] body = Replies.body(ctx);
        String channel = body.length == 0 ? null : WireJson.read(body, DropBody.class).channel();
        if (channel != null && !channel.equals(ChannelFaultRule.USER) && !channel.equals(ChannelFaultRule.MARKET)) {
            throw RequestRefused.badRequest("channel must be user or market, not " + channel);
        }
        Replies.json(ctx, 200, new Dropped(channels.dropAll(channel)));
    }

    private List<ChannelFaultAnswer> faultsJson() {
        return faults.list().stream().map(installed -> {
            ChannelFaultRule rule = installed.rule();
            return new ChannelFaultAnswer(installed.id(), rule.action().jsonName(), rule.channel(), rule.apiKey(), installed.remaining(),
                    rule.delayMs(), rule.probability());
        }).toList();
    }
}
